package io.github.personalcare.fhir;

import io.github.personalcare.access.DataClass;
import io.github.personalcare.consent.BasePolicy;
import io.github.personalcare.consent.ConsentCategory;
import io.github.personalcare.consent.ConsentScope;
import io.github.personalcare.consent.ConsentStatus;
import io.github.personalcare.consent.ProvisionType;
import java.util.Map;
import java.util.Optional;

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

    /** The FHIR resource-types code system: another system's {@code provision.class}. */
    static final String RESOURCE_TYPES = "http://hl7.org/fhir/resource-types";

    // Read only, many to one: the SDK data class that holds each resource type the SDK maps.
    private static final Map<String, DataClass> CLASS_OF_TYPE = Map.ofEntries(
            Map.entry("Patient", DataClass.DEMOGRAPHICS),
            Map.entry("CareTeam", DataClass.CARE_TEAM),
            Map.entry("RelatedPerson", DataClass.CARE_TEAM),
            Map.entry("CarePlan", DataClass.CARE_PLAN),
            Map.entry("Goal", DataClass.CARE_PLAN),
            Map.entry("Account", DataClass.BUDGET),
            Map.entry("ChargeItem", DataClass.BUDGET),
            Map.entry("ServiceRequest", DataClass.REFERRAL),
            Map.entry("Consent", DataClass.CONSENT),
            Map.entry("AuditEvent", DataClass.AUDIT_LOG),
            Map.entry("Communication", DataClass.MESSAGE),
            Map.entry("Task", DataClass.ECONSULTATION),
            Map.entry("QuestionnaireResponse", DataClass.FEEDBACK),
            Map.entry("Appointment", DataClass.APPOINTMENT),
            Map.entry("MedicationRequest", DataClass.PRESCRIPTION),
            Map.entry("MedicationStatement", DataClass.PRESCRIPTION));

    private ConsentCodes() {
    }

    /** The data class that holds a FHIR resource type, if the SDK holds data of that type. */
    static Optional<DataClass> dataClassOf(String resourceType) {
        return Optional.ofNullable(CLASS_OF_TYPE.get(resourceType));
    }
}
