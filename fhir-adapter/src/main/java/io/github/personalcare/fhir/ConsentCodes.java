package io.github.personalcare.fhir;

import io.github.personalcare.consent.BasePolicy;
import io.github.personalcare.consent.ConsentCategory;
import io.github.personalcare.consent.ConsentScope;
import io.github.personalcare.consent.ConsentStatus;
import io.github.personalcare.consent.ProvisionType;
import java.util.Map;

/** The FHIR R4 codes of a consent's status, scope, category, base policy and provision type. */
final class ConsentCodes {
    /** {@code Consent.status}. */
    static final CodeTable<ConsentStatus> STATUS = CodeTable.of(ConsentStatus.class, Map.of(
            ConsentStatus.DRAFT, "draft",
            ConsentStatus.PROPOSED, "proposed",
            ConsentStatus.ACTIVE, "active",
            ConsentStatus.REJECTED, "rejected",
            ConsentStatus.INACTIVE, "inactive",
            ConsentStatus.ENTERED_IN_ERROR, "entered-in-error"));

    /** {@code Consent.scope} in {@link FhirSystems#CONSENT_SCOPE}. */
    static final CodeTable<ConsentScope> SCOPE = CodeTable.of(ConsentScope.class, Map.of(
            ConsentScope.PATIENT_PRIVACY, "patient-privacy",
            ConsentScope.TREATMENT, "treatment",
            ConsentScope.RESEARCH, "research",
            ConsentScope.ADR, "adr"));

    /**
     * {@code Consent.category} in {@link #CATEGORY_SYSTEM}; only the code confirmed in the domain
     * notes is mapped (a category from another system gets its own table).
     */
    static final CodeTable<ConsentCategory> CATEGORY = CodeTable.of(ConsentCategory.class, Map.of(
            ConsentCategory.INFORMATION_ACCESS, "INFA"));

    /** The code system of every {@link #CATEGORY}. */
    static final String CATEGORY_SYSTEM = FhirSystems.V3_ACT_CODE;

    /** {@code Consent.policyRule} in {@link FhirSystems#V3_ACT_CODE}. */
    static final CodeTable<BasePolicy> BASE_POLICY = CodeTable.of(BasePolicy.class, Map.of(
            BasePolicy.OPT_IN, "OPTIN",
            BasePolicy.OPT_OUT, "OPTOUT"));

    /** {@code Consent.provision.type}. */
    static final CodeTable<ProvisionType> PROVISION_TYPE = CodeTable.of(ProvisionType.class, Map.of(
            ProvisionType.PERMIT, "permit",
            ProvisionType.DENY, "deny"));

    /**
     * {@code provision.actor.role} ({@link FhirSystems#V3_PARTICIPATION_TYPE}) of a person or an
     * organisation: information recipient. A professional role or a relationship kind is the
     * role of the other actors.
     */
    static final String RECIPIENT = "IRCP";

    private ConsentCodes() {
    }
}
