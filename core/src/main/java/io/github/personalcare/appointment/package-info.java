/**
 * Appointments in published slots. Start at
 * {@link io.github.personalcare.appointment.AppointmentService} ({@code care.appointments()}): a
 * service or practice publishes {@link io.github.personalcare.appointment.Schedule}s and
 * {@link io.github.personalcare.appointment.Slot}s; an
 * {@link io.github.personalcare.appointment.Appointment} holds one slot and moves from booked to
 * cancelled, did-not-attend or attended. Times are instants (UTC); UK local dates come from
 * Europe/London. Depends on referral (a referral's booking uses the same slots), patient,
 * identity, access, event, spi and internal (the guard); referral does not depend on it.
 */
package io.github.personalcare.appointment;
