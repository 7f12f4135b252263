/**
 * The Personal Care SDK: personalised care and support plans, personal health budgets, referrals
 * and consent for NHS suppliers. Start at {@link io.github.personalcare.PersonalCare}, whose builder
 * wires storage, clock, transport and access policy and whose services are the only way to patient
 * data. This package also holds the exception hierarchy rooted at
 * {@link io.github.personalcare.PersonalCareException} and the input checks in
 * {@link io.github.personalcare.Require}.
 */
package io.github.personalcare;
