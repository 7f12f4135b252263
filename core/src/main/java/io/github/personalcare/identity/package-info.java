/**
 * Who the record is about: {@link io.github.personalcare.identity.Patient} and the identifiers of
 * NHS practice — {@link io.github.personalcare.identity.NhsNumber} (Modulus 11, R1),
 * {@link io.github.personalcare.identity.OdsCode} (R5), {@link io.github.personalcare.identity.Ubrn}
 * (R4) — plus the internal typed ids every stored record has. NHS numbers and names are personal
 * data: their {@code toString()} masks them. Patients are registered through
 * {@link io.github.personalcare.identity.PatientService}. Values here depend on nothing but the root package.
 */
package io.github.personalcare.identity;
