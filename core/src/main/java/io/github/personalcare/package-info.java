/**
 * The Personal Care SDK: personalised care and support plans, personal health budgets, referrals
 * and consent for NHS suppliers. Start at {@link io.github.personalcare.PersonalCare}, whose builder
 * wires storage, clock, transport and access policy and whose services are the only way to patient
 * data. This package holds the entry point alone, at the top of the package graph; errors are in
 * {@link io.github.personalcare.lang}.
 */
package io.github.personalcare;
