/**
 * Referrals, e-Referral style, with patient choice and the 18-week referral-to-treatment clock.
 * Start at {@link io.github.personalcare.referral.ReferralService} ({@code care.referrals()});
 * a {@link io.github.personalcare.referral.Referral} moves through the states of
 * {@link io.github.personalcare.referral.ReferralState} by typed
 * {@link io.github.personalcare.referral.ReferralCommand}s (R28–R34) and carries its
 * {@link io.github.personalcare.referral.RttClock}s (R35, R36), whose dates are UK local dates.
 * Services come from the {@link io.github.personalcare.referral.ServiceDirectory} port, and an open
 * referral makes the receiving organisation part of the patient's care
 * ({@link io.github.personalcare.referral.ReferralRelationships}). Depends on patient, identity, access, event, spi and internal (the guard); the aggregate itself does no I/O.
 */
package io.github.personalcare.referral;
