/**
 * The identifiers of NHS practice, as values only: {@link io.github.personalcare.identity.NhsNumber}
 * (Modulus 11, R1), {@link io.github.personalcare.identity.OdsCode} (R5),
 * {@link io.github.personalcare.identity.Ubrn} (R4), the person's name, and the internal typed ids
 * every stored record has. NHS numbers and names are personal data: their {@code toString()} masks
 * them. Depends on lang only.
 */
package io.github.personalcare.identity;
