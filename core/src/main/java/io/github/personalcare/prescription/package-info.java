/**
 * Repeat prescriptions: the medicines on a patient's repeat list
 * ({@link io.github.personalcare.prescription.RepeatMedicine}, coded with dm+d), requests for them
 * by the patient or a proxy ({@link io.github.personalcare.prescription.PrescriptionRequest}), the
 * practice's approval, rejection and issue, the rules that refuse a request
 * ({@link io.github.personalcare.prescription.Refusal}) and medication reviews due. Start at
 * {@link io.github.personalcare.prescription.PrescriptionService} ({@code care.prescriptions()}).
 * Depends on identity, access, event, lang, spi and internal (the guard); the aggregates do no I/O.
 */
package io.github.personalcare.prescription;
