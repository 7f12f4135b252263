/**
 * The person the record is about: {@link io.github.personalcare.patient.Patient} (NHS number,
 * its verification, name, date of birth, flags such as complex needs or a restricted record, the
 * registered GP practice, death), registered and read through
 * {@link io.github.personalcare.patient.PatientService} ({@code care.patients()}), its events
 * ({@link io.github.personalcare.patient.PatientEvent}) and the registered practice as a source of
 * legitimate relationships (R39). The concept every other concept belongs to: careteam, careplan,
 * budget, referral and consent depend on it; it depends on identity, event, access, spi and internal.
 */
package io.github.personalcare.patient;
