package io.github.personalcare.careteam;

import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.CompetenceDecision;
import io.github.personalcare.patient.PatientFlag;

import java.time.LocalDate;

/**
 * Legal authority a representative holds to make health and welfare decisions for the patient,
 * recorded on their care-team membership (§4.5). Authority applies only in the circumstances the
 * law gives it: see {@link #appliesTo}.
 */
public enum AuthorityKind {
    /** A person with parental responsibility, for a child under 16 who is not Gillick competent (R46). */
    PARENTAL_RESPONSIBILITY,
    /** A registered lasting power of attorney for health and welfare; operates when the donor lacks capacity. */
    LPA_HEALTH_WELFARE,
    /** A deputy appointed by the Court of Protection; acts when the person lacks capacity. */
    COURT_DEPUTY;

    /** Age below which a child's own consent needs a record of Gillick competence (R46). */
    public static final int AGE_OF_PRESUMED_COMPETENCE = 16;

    /**
     * True if this authority lets its holder decide for the patient on {@code date}: parental
     * responsibility for a child under 16 not assessed Gillick competent to agree their care plan
     * ({@link CompetenceDecision#CARE_PLAN_AGREEMENT}); an LPA for health and
     * welfare or a court deputyship for a patient flagged as lacking capacity (R8, R46).
     *
     * @param patient the patient the holder would decide for
     * @param date    the date of the decision, in England
     * @return whether the authority applies then
     */
    public boolean appliesTo(Patient patient, LocalDate date) {
        return switch (this) {
            case PARENTAL_RESPONSIBILITY -> patient.ageOn(date) < AGE_OF_PRESUMED_COMPETENCE
                    && patient.gillickCompetenceFor(CompetenceDecision.CARE_PLAN_AGREEMENT, date).isEmpty();
            case LPA_HEALTH_WELFARE, COURT_DEPUTY -> patient.has(PatientFlag.LACKS_CAPACITY);
        };
    }
}
