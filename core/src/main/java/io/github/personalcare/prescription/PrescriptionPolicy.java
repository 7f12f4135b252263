package io.github.personalcare.prescription;

import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.lang.ConfigurationException;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * The local policy repeat prescriptions run under, set once on the {@code PersonalCare} builder
 * ({@code prescriptionPolicy}); {@link #defaults()} when not set.
 *
 * <ul>
 *   <li>Earliest request: a medicine may be requested again once {@code earliestSharePercent} of
 *       its issue interval has passed since its last issue (rounded up to whole days). The default,
 *       75%, is <b>a supplier choice, not a national rule</b>: NHS England sets no share, and
 *       practices commonly accept a request about a week before a 28-day supply runs out; set the
 *       practice's own figure here.</li>
 *   <li>Review window: a medication review is shown as due from {@code reviewWindowDays} before
 *       its review date (default 28), and overdue after it.</li>
 *   <li>Prescribers: the professional roles that may put a medicine on repeat, change or stop it,
 *       and approve, reject or issue a request (default: general practitioners, consultants,
 *       nurses and pharmacists, the roles that hold independent prescribing rights in primary
 *       care; each must still be on the patient's care team or at the registered practice,
 *       which the access policy checks). Administration never decides (it may read requests).</li>
 * </ul>
 *
 * @param earliestSharePercent the share of the interval, in percent, that must pass before a new request, 1 to 100
 * @param reviewWindowDays     how many days before the review date a review shows as due, 0 to 366
 * @param prescriberRoles      the roles that may prescribe and decide requests, clinical roles only
 */
public record PrescriptionPolicy(int earliestSharePercent, int reviewWindowDays, Set<ProfessionalRole> prescriberRoles) {
    /**
     * Checks the policy.
     *
     * @param earliestSharePercent 1 to 100
     * @param reviewWindowDays     0 to 366
     * @param prescriberRoles      at least one role, each clinical
     * @throws ConfigurationException naming the setting that is out of range
     */
    public PrescriptionPolicy {
        if (earliestSharePercent < 1 || earliestSharePercent > 100) {
            throw new ConfigurationException("prescriptionPolicy.earliestSharePercent", "must be 1 to 100");
        }
        if (reviewWindowDays < 0 || reviewWindowDays > 366) {
            throw new ConfigurationException("prescriptionPolicy.reviewWindowDays", "must be 0 to 366");
        }
        if (prescriberRoles == null || prescriberRoles.isEmpty()) {
            throw new ConfigurationException("prescriptionPolicy.prescriberRoles", "must name at least one role");
        }
        if (prescriberRoles.stream().anyMatch(r -> r == null || !r.isClinical())) {
            throw new ConfigurationException("prescriptionPolicy.prescriberRoles", "must be clinical roles");
        }
        prescriberRoles = Set.copyOf(EnumSet.copyOf(prescriberRoles));
    }

    /** {@return 75% of the interval, a 28-day review window, GPs, consultants, nurses and pharmacists} */
    public static PrescriptionPolicy defaults() {
        return new PrescriptionPolicy(75, 28, EnumSet.of(ProfessionalRole.GENERAL_PRACTITIONER,
                ProfessionalRole.CONSULTANT, ProfessionalRole.NURSE, ProfessionalRole.PHARMACIST));
    }

    /**
     * This policy with another earliest-request share.
     *
     * @param percent 1 to 100
     * @return the changed policy
     * @throws ConfigurationException if out of range
     */
    public PrescriptionPolicy withEarliestSharePercent(int percent) {
        return new PrescriptionPolicy(percent, reviewWindowDays, prescriberRoles);
    }

    /**
     * This policy with another review window.
     *
     * @param days 0 to 366
     * @return the changed policy
     * @throws ConfigurationException if out of range
     */
    public PrescriptionPolicy withReviewWindowDays(int days) {
        return new PrescriptionPolicy(earliestSharePercent, days, prescriberRoles);
    }

    /**
     * The first UK date a medicine issued on {@code lastIssuedOn} may be requested again: the
     * share of the interval, rounded up to whole days, after the last issue.
     *
     * @param lastIssuedOn the date of the last issue
     * @param intervalDays the medicine's issue interval
     * @return the earliest date of the next request
     */
    public LocalDate earliestNext(LocalDate lastIssuedOn, int intervalDays) {
        long days = ((long) intervalDays * earliestSharePercent + 99) / 100;
        return lastIssuedOn.plusDays(days);
    }
}
