package io.github.personalcare.fhir;

import io.github.personalcare.access.DataClass;
import io.github.personalcare.access.SensitivityLabel;
import io.github.personalcare.consent.BasePolicy;
import io.github.personalcare.consent.ConsentCategory;
import io.github.personalcare.consent.ConsentScope;
import io.github.personalcare.consent.ConsentStatus;
import io.github.personalcare.consent.ProvisionType;
import java.util.Map;
import java.util.Optional;

/** The FHIR R4 codes of a consent's status, scope, category, base policy, provision type and data classes. */
final class ConsentCodes {
    /**
     * The standard security label of each SDK sensitivity label, in the R4 security-labels value set,
     * written as {@code securityLabel} (and never read: the exact label travels in an SDK extension
     * on the coding). v3 ActCode information sensitivity where HL7 has one (safeguarding as
     * abuse or domestic violence); the Data Protection Act exemptions (information about a third
     * party, or that could cause serious harm) have none and are written as the v3 confidentiality
     * {@code R} (restricted) they imply ({@link #labelSystem}).
     */
    static final CodeTable<SensitivityLabel> LABEL = CodeTable.of(SensitivityLabel.class, Map.of(), Map.of(
            SensitivityLabel.SEXUAL_HEALTH, "SEX",
            SensitivityLabel.MENTAL_HEALTH, "MH",
            SensitivityLabel.SAFEGUARDING, "SDV",
            SensitivityLabel.SUBSTANCE_MISUSE, "SUD",
            SensitivityLabel.HIV, "HIV",
            SensitivityLabel.GENETIC, "GDIS",
            SensitivityLabel.THIRD_PARTY, "R",
            SensitivityLabel.SERIOUS_HARM, "R"));

    /** How a v3 ActCode information-sensitivity code relates to the SDK label it is read as. */
    enum LabelFit {
        /** The same kind of information: read as the label on any provision. */
        SAME,
        /**
         * A part of the label's information (psychotherapy notes of mental health): read as the whole
         * label only where that can withhold more and never permit more, a deny provision with no
         * provisions nested in it; refused anywhere else.
         */
        PART
    }

    /** A v3 code read as an SDK label, and how well it fits. */
    record V3Label(SensitivityLabel label, LabelFit fit) {
    }

    /**
     * The v3 ActCode information-sensitivity codes ({@code _InformationSensitivityPolicy}, HL7
     * Terminology, {@code http://terminology.hl7.org/CodeSystem/v3-ActCode}) read on a consent
     * provision, by meaning: SEX "sexuality and reproductive health information sensitivity" is
     * sexual health; MH "mental health" (psychological disorders) is mental health; SUD "substance use
     * disorder" and ETH "substance abuse" (alcohol or drug abuse) are substance misuse; HIV "HIV/AIDS"
     * is HIV. Parts of a label: STD "sexually transmitted disease" of sexual health; PSY "psychiatry
     * disorder" and PSYTHPN "psychotherapy note" of mental health; ETHUD "alcohol use disorder" and
     * OPIOIDUD "opioid use disorder" of substance misuse; SDV "sexual assault, abuse, or domestic
     * violence" of safeguarding; GDIS "genetic disease" and SICKLE "sickle cell" of genetic
     * information. Any other code (BH "behavioral health", wider than any one label; CEL celebrity,
     * EMP employee, DEMO, DIA, PDS, PRS, TBOO ...) names no SDK label and refuses the consent.
     */
    static final Map<String, V3Label> V3_LABELS = Map.ofEntries(
            Map.entry("SEX", new V3Label(SensitivityLabel.SEXUAL_HEALTH, LabelFit.SAME)),
            Map.entry("STD", new V3Label(SensitivityLabel.SEXUAL_HEALTH, LabelFit.PART)),
            Map.entry("MH", new V3Label(SensitivityLabel.MENTAL_HEALTH, LabelFit.SAME)),
            Map.entry("PSY", new V3Label(SensitivityLabel.MENTAL_HEALTH, LabelFit.PART)),
            Map.entry("PSYTHPN", new V3Label(SensitivityLabel.MENTAL_HEALTH, LabelFit.PART)),
            Map.entry("SUD", new V3Label(SensitivityLabel.SUBSTANCE_MISUSE, LabelFit.SAME)),
            Map.entry("ETH", new V3Label(SensitivityLabel.SUBSTANCE_MISUSE, LabelFit.SAME)),
            Map.entry("ETHUD", new V3Label(SensitivityLabel.SUBSTANCE_MISUSE, LabelFit.PART)),
            Map.entry("OPIOIDUD", new V3Label(SensitivityLabel.SUBSTANCE_MISUSE, LabelFit.PART)),
            Map.entry("HIV", new V3Label(SensitivityLabel.HIV, LabelFit.SAME)),
            Map.entry("SDV", new V3Label(SensitivityLabel.SAFEGUARDING, LabelFit.PART)),
            Map.entry("GDIS", new V3Label(SensitivityLabel.GENETIC, LabelFit.PART)),
            Map.entry("SICKLE", new V3Label(SensitivityLabel.GENETIC, LabelFit.PART)));

    /** The code system of {@link #LABEL}'s code for {@code label}. */
    static String labelSystem(SensitivityLabel label) {
        return label == SensitivityLabel.THIRD_PARTY || label == SensitivityLabel.SERIOUS_HARM
                ? FhirSystems.V3_CONFIDENTIALITY : FhirSystems.V3_ACT_CODE;
    }

    /**
     * {@code Consent.provision.class} in {@link #RESOURCE_TYPES}: the resource type the SDK writes
     * each class of data as, one each, so the code reads back exactly. On input the SDK's own
     * {@code data-class} codes (its exports before the standard codes) are read too.
     */
    static final CodeTable<DataClass> DATA_CLASS = CodeTable.of(DataClass.class, Map.ofEntries(
            Map.entry(DataClass.DEMOGRAPHICS, "Patient"),
            Map.entry(DataClass.CARE_TEAM, "CareTeam"),
            Map.entry(DataClass.CARE_PLAN, "CarePlan"),
            Map.entry(DataClass.BUDGET, "Account"),
            Map.entry(DataClass.REFERRAL, "ServiceRequest"),
            Map.entry(DataClass.CONSENT, "Consent"),
            Map.entry(DataClass.AUDIT_LOG, "AuditEvent"),
            Map.entry(DataClass.MESSAGE, "Communication"),
            Map.entry(DataClass.ECONSULTATION, "Task"),
            Map.entry(DataClass.FEEDBACK, "QuestionnaireResponse"),
            Map.entry(DataClass.APPOINTMENT, "Appointment"),
            Map.entry(DataClass.PRESCRIPTION, "MedicationRequest")));

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

    /**
     * {@code Consent.policyRule} in {@link FhirSystems#V3_ACT_CODE}: read from other systems' consents,
     * no longer written ({@link #BASE_POLICY_URI} is).
     */
    static final CodeTable<BasePolicy> BASE_POLICY = CodeTable.of(BasePolicy.class, Map.of(
            BasePolicy.OPT_IN, "OPTIN",
            BasePolicy.OPT_OUT, "OPTOUT"));

    /**
     * The SDK's policy URI for each base policy, written as {@code policy[0].uri} (ppc-1 needs
     * policy or policyRule). R4's {@code policyRule} binding (consent-policy, extensible) lists only
     * US and other national regulations, none of which is an NHS consent's opt-in or opt-out, so the
     * base policy is a policy the SDK names: {@code …/fhir/consent-policy/opt-in} (nothing is shared
     * unless a provision permits it) and {@code …/opt-out} (everything is shared unless a provision
     * denies it). {@link #BASE_POLICY} in {@code policyRule} is still read (HL7's own examples use it).
     */
    static final CodeTable<BasePolicy> BASE_POLICY_URI = CodeTable.of(BasePolicy.class, Map.of(
            BasePolicy.OPT_IN, FhirSystems.SDK_BASE + "/consent-policy/opt-in",
            BasePolicy.OPT_OUT, FhirSystems.SDK_BASE + "/consent-policy/opt-out"));

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

    /**
     * The FHIR resource-types code system, which the R4 consent-content-class value set includes
     * whole: the SDK's {@code provision.class} ({@link #DATA_CLASS}), and another system's.
     */
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
