package io.github.personalcare.consent;

import io.github.personalcare.lang.ConfigurationException;
import io.github.personalcare.access.AccessAction;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The organisation's consent policy: the ages and switches the {@link ConsentEngine} applies when
 * no consent decides, with NHS England defaults ({@link #nhsEnglandDefaults()}). Nothing here
 * permits by default; every option narrows or times what the rules allow. Law values (the age of
 * presumed competence) may be overridden, and {@link #lawOverrides()} lists the overrides so the
 * SDK can log them.
 *
 * <pre>{@code
 * ConsentPolicy policy = ConsentPolicy.builder()
 *         .proxyRestrictionAge(12)                 // a local cut-off between 11 and 14 (§4.5)
 *         .breakGlassValidity(Duration.ofHours(4))
 *         .build();
 * PersonalCare care = PersonalCare.builder().consentPolicy(policy).build();
 * }</pre>
 *
 * @param zone                        the time zone dates (ages) are taken in; default Europe/London
 * @param proxyRestrictionAge         from this birthday a parent's proxy access needs the competent
 *                                    child's consent (R47); default 11
 * @param adultProxyAge               from this birthday any proxy needs the patient's consent or a
 *                                    legal authority for adults (R47); default 16
 * @param presumedCompetenceAge       from this birthday a patient is presumed competent to consent;
 *                                    younger patients need a Gillick-competence record (R46); law
 *                                    default 16
 * @param patientOnlineAccessAge      from this birthday the patient sees their own record online
 *                                    (R48); default 16
 * @param breakGlassValidity          how long a break-glass episode lasts after a reason is given:
 *                                    within it, further emergency access by the same professional
 *                                    needs no new reason but is still audited and alerted (R40);
 *                                    default 8 hours (SDK design)
 * @param breakGlassActions           the actions break-glass allows; default view only (ACCESS)
 * @param directCareRequiresClinicalRole direct care needs a clinical role as well as a
 *                                    relationship (R39); default true
 * @param breakGlassRequiresClinicalRole break-glass needs a clinical role (R40); default true
 * @param selfClaimedRelationships    a clinician may claim a legitimate relationship the SDK has no
 *                                    record of ({@code AccessContext.claimingRelationship}), which is
 *                                    permitted for direct care, audited and alerted (R40); default true
 */
public record ConsentPolicy(
        ZoneId zone,
        int proxyRestrictionAge,
        int adultProxyAge,
        int presumedCompetenceAge,
        int patientOnlineAccessAge,
        Duration breakGlassValidity,
        Set<AccessAction> breakGlassActions,
        boolean directCareRequiresClinicalRole,
        boolean breakGlassRequiresClinicalRole,
        boolean selfClaimedRelationships) {

    /** Presumed competence from 16: Family Law Reform Act 1969, Mental Capacity Act 2005 (§4.5). */
    public static final int LAW_PRESUMED_COMPETENCE_AGE = 16;

    private static final ConsentPolicy DEFAULTS = builder().build();

    /**
     * Checks the policy: ages between 0 and 25, the proxy restriction age not above the adult proxy
     * age, a break-glass validity of more than 0 and at most 24 hours, and no null zone or action
     * set.
     *
     * @param zone                           the time zone dates (ages) are taken in
     * @param proxyRestrictionAge            from this birthday a parent's proxy access needs the
     *                                       competent child's consent (R47)
     * @param adultProxyAge                  from this birthday any proxy needs the patient's
     *                                       consent or a legal authority for adults (R47)
     * @param presumedCompetenceAge          from this birthday a patient is presumed competent to
     *                                       consent (R46)
     * @param patientOnlineAccessAge         from this birthday the patient sees their own record
     *                                       online (R48)
     * @param breakGlassValidity             how long a break-glass episode lasts after a reason is
     *                                       given (R40)
     * @param breakGlassActions              the actions break-glass allows
     * @param directCareRequiresClinicalRole whether direct care needs a clinical role as well as a
     *                                       relationship (R39)
     * @param breakGlassRequiresClinicalRole whether break-glass needs a clinical role (R40)
     * @param selfClaimedRelationships       whether a clinician may claim a legitimate relationship
     *                                       the SDK has no record of (R40)
     * @throws ConfigurationException naming the option if a value is out of range
     */
    public ConsentPolicy {
        if (zone == null) {
            throw new ConfigurationException("consentPolicy.zone", "must not be null");
        }
        age("consentPolicy.proxyRestrictionAge", proxyRestrictionAge);
        age("consentPolicy.adultProxyAge", adultProxyAge);
        age("consentPolicy.presumedCompetenceAge", presumedCompetenceAge);
        age("consentPolicy.patientOnlineAccessAge", patientOnlineAccessAge);
        if (proxyRestrictionAge > adultProxyAge) {
            throw new ConfigurationException("consentPolicy.proxyRestrictionAge", "must not exceed adultProxyAge");
        }
        if (breakGlassValidity == null || breakGlassValidity.isNegative() || breakGlassValidity.isZero()
                || breakGlassValidity.compareTo(Duration.ofHours(24)) > 0) {
            throw new ConfigurationException("consentPolicy.breakGlassValidity", "must be more than 0 and at most 24 hours");
        }
        if (breakGlassActions == null) {
            throw new ConfigurationException("consentPolicy.breakGlassActions", "must not be null");
        }
        breakGlassActions = breakGlassActions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(breakGlassActions));
    }

    private static void age(String option, int value) {
        if (value < 0 || value > 25) {
            throw new ConfigurationException(option, "must be between 0 and 25");
        }
    }

    /**
     * The NHS England defaults, as listed on each option.
     *
     * @return the policy with every option at its default
     */
    public static ConsentPolicy nhsEnglandDefaults() {
        return DEFAULTS;
    }

    /**
     * A builder starting from the NHS England defaults.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The names of options that override a value set in law (to be logged when the SDK starts).
     *
     * @return the overriding options' names; empty when the policy keeps the law's values
     */
    public List<String> lawOverrides() {
        List<String> overrides = new ArrayList<>();
        if (presumedCompetenceAge != LAW_PRESUMED_COMPETENCE_AGE) {
            overrides.add("presumedCompetenceAge");
        }
        return List.copyOf(overrides);
    }

    /** Builds a {@link ConsentPolicy}; not thread-safe. */
    public static final class Builder {
        private ZoneId zone = ZoneId.of("Europe/London");
        private int proxyRestrictionAge = 11;
        private int adultProxyAge = 16;
        private int presumedCompetenceAge = LAW_PRESUMED_COMPETENCE_AGE;
        private int patientOnlineAccessAge = 16;
        private Duration breakGlassValidity = Duration.ofHours(8);
        private Set<AccessAction> breakGlassActions = EnumSet.of(AccessAction.ACCESS);
        private boolean directCareRequiresClinicalRole = true;
        private boolean breakGlassRequiresClinicalRole = true;
        private boolean selfClaimedRelationships = true;

        private Builder() {
        }

        /**
         * The time zone ages are computed in.
         *
         * @param value the zone
         * @return this builder
         */
        public Builder zone(ZoneId value) {
            this.zone = value;
            return this;
        }

        /**
         * The birthday from which a parent's proxy access is restricted (R47).
         *
         * @param value the age, 0 to 25
         * @return this builder
         */
        public Builder proxyRestrictionAge(int value) {
            this.proxyRestrictionAge = value;
            return this;
        }

        /**
         * The birthday from which any proxy needs the patient's consent or an adult authority (R47).
         *
         * @param value the age, 0 to 25
         * @return this builder
         */
        public Builder adultProxyAge(int value) {
            this.adultProxyAge = value;
            return this;
        }

        /**
         * The age of presumed competence (R46). A law value: an override is listed by
         * {@link ConsentPolicy#lawOverrides()} and logged when the SDK starts.
         *
         * @param value the age, 0 to 25
         * @return this builder
         */
        public Builder presumedCompetenceAge(int value) {
            this.presumedCompetenceAge = value;
            return this;
        }

        /**
         * The age from which the patient sees their own record online (R48).
         *
         * @param value the age, 0 to 25
         * @return this builder
         */
        public Builder patientOnlineAccessAge(int value) {
            this.patientOnlineAccessAge = value;
            return this;
        }

        /**
         * How long a break-glass episode lasts (R40).
         *
         * @param value the duration, more than 0 and at most 24 hours
         * @return this builder
         */
        public Builder breakGlassValidity(Duration value) {
            this.breakGlassValidity = value;
            return this;
        }

        /**
         * The actions break-glass allows (R40).
         *
         * @param value the actions; empty for none
         * @return this builder
         */
        public Builder breakGlassActions(Set<AccessAction> value) {
            this.breakGlassActions = value;
            return this;
        }

        /**
         * Whether direct care needs a clinical role (R39).
         *
         * @param value whether it does
         * @return this builder
         */
        public Builder directCareRequiresClinicalRole(boolean value) {
            this.directCareRequiresClinicalRole = value;
            return this;
        }

        /**
         * Whether break-glass needs a clinical role (R40).
         *
         * @param value whether it does
         * @return this builder
         */
        public Builder breakGlassRequiresClinicalRole(boolean value) {
            this.breakGlassRequiresClinicalRole = value;
            return this;
        }

        /**
         * Whether clinicians may claim a relationship the SDK has no record of (R40).
         *
         * @param value whether they may
         * @return this builder
         */
        public Builder selfClaimedRelationships(boolean value) {
            this.selfClaimedRelationships = value;
            return this;
        }

        /**
         * The policy.
         *
         * @return the policy, immutable
         * @throws ConfigurationException naming the option if a value is out of range
         */
        public ConsentPolicy build() {
            return new ConsentPolicy(zone, proxyRestrictionAge, adultProxyAge, presumedCompetenceAge,
                    patientOnlineAccessAge, breakGlassValidity, breakGlassActions, directCareRequiresClinicalRole,
                    breakGlassRequiresClinicalRole, selfClaimedRelationships);
        }
    }
}
