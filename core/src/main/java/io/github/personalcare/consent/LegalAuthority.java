package io.github.personalcare.consent;

/**
 * The authority under which a representative gives or changes consent for a patient (§4.5):
 * which one counts depends on the patient's age (R46, R47).
 */
public enum LegalAuthority {
    /** A person with parental responsibility for a child. */
    PARENTAL_RESPONSIBILITY,
    /** A registered lasting power of attorney for health and welfare. */
    LPA_HEALTH_AND_WELFARE,
    /** A deputy appointed by the Court of Protection. */
    COURT_APPOINTED_DEPUTY,
    /** A clinician's recorded best-interests decision for a patient who lacks capacity (MCA 2005). */
    BEST_INTERESTS_DECISION;

    /**
     * {@return whether the authority lets a representative act for an adult patient (R47, from 16)}
     * Every authority but parental responsibility does.
     */
    public boolean actsForAnAdult() {
        return this != PARENTAL_RESPONSIBILITY;
    }
}
