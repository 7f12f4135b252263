package io.github.personalcare.fhir;

/**
 * The URIs the mapping uses: NHS and UK Core identifier and code systems, UK Core profiles, and
 * the few systems the SDK defines itself (under {@link #SDK_BASE}) for facts that have no
 * national code, such as patient flags or the SDK's professional roles. Documented in
 * {@code docs/fhir-mapping.md}.
 */
public final class FhirSystems {
    /** NHS number identifier system, always emitted (R2). */
    public static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
    /** Legacy STU3 NHS number system: accepted on input only (R2). */
    public static final String NHS_NUMBER_LEGACY = "http://fhir.nhs.net/Id/nhs-number";
    /** ODS organisation code identifier system (R5). */
    public static final String ODS_ORGANIZATION = "https://fhir.nhs.uk/Id/ods-organization-code";
    /** ODS site code identifier system (R5): a site code is read with it and written back with it. */
    public static final String ODS_SITE = "https://fhir.nhs.uk/Id/ods-site-code";
    /** SDS user id identifier system: accepted on input as a professional's user id. */
    public static final String SDS_USER_ID = "https://fhir.nhs.uk/Id/sds-user-id";
    /** General Medical Council number (doctors): accepted on input as a professional's user id {@code gmc:<number>}. */
    public static final String GMC_NUMBER = "https://fhir.hl7.org.uk/Id/gmc-number";
    /** General Medical Practitioner (GP) number: accepted on input as a user id {@code gmp:<number>}. */
    public static final String GMP_NUMBER = "https://fhir.hl7.org.uk/Id/gmp-number";
    /** General Pharmaceutical Council number: accepted on input as a user id {@code gphc:<number>}. */
    public static final String GPHC_NUMBER = "https://fhir.hl7.org.uk/Id/gphc-number";
    /** Nursing and Midwifery Council PIN: accepted on input as a user id {@code nmc:<number>}. */
    public static final String NMC_NUMBER = "https://fhir.hl7.org.uk/Id/nmc-number";

    /** UK Core NHS number verification status extension (R3). */
    public static final String NHS_NUMBER_VERIFICATION_EXTENSION =
            "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus";
    /** UK Core England code system of NHS number verification statuses, codes 01–08 (R3). */
    public static final String NHS_NUMBER_VERIFICATION_ENGLAND =
            "https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland";
    /**
     * UK Core Wales code system of verification statuses (R3): its {@code nn} is read and written
     * with it; its 01–08 are accepted on input as the England codes.
     */
    public static final String NHS_NUMBER_VERIFICATION_WALES =
            "https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusWales";

    /** HL7 v3 confidentiality codes; {@code R} (restricted) marks an S-flagged patient (R49). */
    public static final String V3_CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
    /** HL7 v3 PurposeOfUse codes ({@code TREAT}, {@code ETREAT} ...). */
    public static final String V3_ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
    /** DICOM audit event types; {@code 110110} "Patient Record". */
    public static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";
    /** Audit entity types ({@code 1} person, {@code 2} system object). */
    public static final String AUDIT_ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    /** Object roles of audit entities ({@code 1} patient, {@code 4} domain resource). */
    public static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";

    /** Base of every URI the SDK defines itself. */
    public static final String SDK_BASE = "https://personalcare.github.io/fhir";
    /** SDK identifier system of a professional's or carer's {@code UserId}. */
    public static final String SDK_USER_ID = SDK_BASE + "/Id/user-id";
    /** SDK code system of {@code ProfessionalRole} names. */
    public static final String SDK_PROFESSIONAL_ROLE = SDK_BASE + "/CodeSystem/professional-role";
    /** SDK code system of {@code PatientFlag} names. */
    public static final String SDK_PATIENT_FLAG = SDK_BASE + "/CodeSystem/patient-flag";
    /** SDK extension carrying one patient flag as a Coding of {@link #SDK_PATIENT_FLAG}. */
    public static final String SDK_PATIENT_FLAG_EXTENSION = SDK_BASE + "/StructureDefinition/patient-flag";
    /** SDK code system of audited actions ({@code "careplan.agree"} ...). */
    public static final String SDK_AUDIT_ACTION = SDK_BASE + "/CodeSystem/audit-action";
    /** SDK code system naming the hash-chain facts kept in an AuditEvent entity's details. */
    public static final String SDK_AUDIT_RECORD = SDK_BASE + "/CodeSystem/audit-record";

    /** UK Core Patient profile. */
    public static final String UKCORE_PATIENT = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient";
    /** UK Core Organization profile. */
    public static final String UKCORE_ORGANIZATION = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Organization";
    /** UK Core Practitioner profile. */
    public static final String UKCORE_PRACTITIONER = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Practitioner";
    /** UK Core PractitionerRole profile. */
    public static final String UKCORE_PRACTITIONER_ROLE =
            "https://fhir.hl7.org.uk/StructureDefinition/UKCore-PractitionerRole";
    /** UK Core AuditEvent profile. */
    public static final String UKCORE_AUDIT_EVENT = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-AuditEvent";

    /** UK Core CareTeam profile. */
    public static final String UKCORE_CARE_TEAM = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-CareTeam";
    /** UK Core RelatedPerson profile (carers on the care team). */
    public static final String UKCORE_RELATED_PERSON =
            "https://fhir.hl7.org.uk/StructureDefinition/UKCore-RelatedPerson";
    /** UK Core CarePlan profile. */
    public static final String UKCORE_CARE_PLAN = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-CarePlan";
    /** Base R4 Goal profile: UK Core has no Goal profile (R51). */
    public static final String R4_GOAL = "http://hl7.org/fhir/StructureDefinition/Goal";
    /** SDK identifier system of a care team membership ({@code MemberId}). */
    public static final String SDK_CARE_TEAM_MEMBER = SDK_BASE + "/Id/care-team-member";
    /** SDK identifier system of a care plan goal: {@code <plan id>/<goal id>} or {@code <plan id>/<version>/<goal id>}. */
    public static final String SDK_CARE_PLAN_GOAL = SDK_BASE + "/Id/care-plan-goal";
    /** SDK code system of {@code CarerRole} names. */
    public static final String SDK_CARER_ROLE = SDK_BASE + "/CodeSystem/carer-role";
    /** SDK code system of {@code PlanSection} names (tags activities and notes of a care plan). */
    public static final String SDK_PLAN_SECTION = SDK_BASE + "/CodeSystem/plan-section";
    /** Base of the SDK's own extension URLs. */
    public static final String SDK_EXTENSION = SDK_BASE + "/StructureDefinition/";
    /** UK Core ServiceRequest profile (referrals). */
    public static final String UKCORE_SERVICE_REQUEST =
            "https://fhir.hl7.org.uk/StructureDefinition/UKCore-ServiceRequest";
    /** UBRN identifier system of e-RS R4 and the NHS England IG, always emitted (R4). */
    public static final String UBRN = "https://fhir.nhs.uk/Id/UBRN";
    /** GP Connect (STU3) UBRN identifier system: accepted on input only (R4). */
    public static final String UBRN_GP_CONNECT = "https://fhir.nhs.uk/Id/ubr-number";
    /** e-RS priority codes {@code ROUTINE}, {@code URGENT}, {@code TWO_WEEK_WAIT} (R52). */
    public static final String ERS_PRIORITY = "https://fhir.nhs.uk/STU3/CodeSystem/eRS-Priority-1";
    /** e-RS referral state codes (domain notes §3.2). */
    public static final String ERS_REFERRAL_STATE = "https://fhir.nhs.uk/STU3/CodeSystem/eRS-ReferralState-1";
    /** e-RS R4 ServiceRequest categories ({@code referral}). */
    public static final String ERS_CATEGORY = "https://fhir.nhs.uk/CodeSystem/message-category-servicerequest";
    /** e-RS R4 ServiceRequest codes ({@code advice-and-guidance}). */
    public static final String ERS_REQUEST_CODE = "https://fhir.nhs.uk/CodeSystem/servicerequest-code";
    /** SDK extensions and code systems of a referral (state, priority, shortlist, appointments, clocks, history). */
    public static final String SDK_REFERRAL = SDK_BASE + "/StructureDefinition/referral-";
    /** SDK code systems of a referral's enums, by suffix ({@code referral-state}, {@code rtt-stop-reason} ...). */
    public static final String SDK_CODES = SDK_BASE + "/CodeSystem/";
    /** SDK identifier system of a healthcare service in the supplier's directory. */
    public static final String SDK_SERVICE_ID = SDK_BASE + "/Id/service-id";

    /** UK Core Consent profile. */
    public static final String UKCORE_CONSENT = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Consent";
    /** UK Core QuestionnaireResponse profile (feedback). */
    public static final String UKCORE_QUESTIONNAIRE_RESPONSE =
            "https://fhir.hl7.org.uk/StructureDefinition/UKCore-QuestionnaireResponse";
    /** UK Core Task profile (e-consultations). */
    public static final String UKCORE_TASK = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Task";
    /** FHIR consent scopes ({@code patient-privacy}, {@code treatment}, {@code research}, {@code adr}). */
    public static final String CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope";
    /** FHIR consent actions ({@code access}, {@code collect}, {@code use}, {@code disclose}, {@code correct}). */
    public static final String CONSENT_ACTION = "http://terminology.hl7.org/CodeSystem/consentaction";
    /** HL7 v3 ActCode: {@code OPTIN}/{@code OPTOUT} policy rules, {@code INFA} category. */
    public static final String V3_ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    /** HL7 v3 ParticipationType: {@code IRCP} (information recipient), the role of a person or organisation actor. */
    public static final String V3_PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";

    /** UK Core Communication profile (secure messages). */
    public static final String UKCORE_COMMUNICATION = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Communication";
    /** SDK identifier system of a message: {@code <conversation id>/<sequence>}. */
    public static final String SDK_CONVERSATION_MESSAGE = SDK_BASE + "/Id/conversation-message";
    /** SDK identifier system of a conversation (the extension grouping its messages). */
    public static final String SDK_CONVERSATION_ID = SDK_BASE + "/Id/conversation-id";
    /** SDK extensions of a message (conversation, sender, correction, attachment labels). */
    public static final String SDK_MESSAGE = SDK_BASE + "/StructureDefinition/message-";

    private FhirSystems() {
    }

    /** dm+d: the NHS Dictionary of Medicines and Devices, the UK Core code system of medicines. */
    public static final String DMD = "https://dmd.nhs.uk";
    /** UK Core MedicationRequest. */
    public static final String UKCORE_MEDICATION_REQUEST =
            "https://fhir.hl7.org.uk/StructureDefinition/UKCore-MedicationRequest";
    /** UK Core MedicationStatement. */
    public static final String UKCORE_MEDICATION_STATEMENT =
            "https://fhir.hl7.org.uk/StructureDefinition/UKCore-MedicationStatement";
    /** FHIR's course-of-therapy codes ({@code continuous} for a repeat). */
    public static final String COURSE_OF_THERAPY = "http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy";
    /** UCUM, for the supply duration in days. */
    public static final String UCUM = "http://unitsofmeasure.org";
    /** The SDK's repeat medicine ids. */
    public static final String SDK_REPEAT_MEDICINE_ID = SDK_BASE + "/Id/repeat-medicine";
    /** Prefix of the SDK's prescription extensions. */
    public static final String SDK_PRESCRIPTION = SDK_BASE + "/StructureDefinition/prescription-";
}
