package io.github.personalcare.fhir;

import io.github.personalcare.access.ProfessionalRole;
import java.util.Map;
import java.util.Optional;

/**
 * National and HL7 role codes another system may put on a PractitionerRole or a CareTeam
 * participant, and the {@link ProfessionalRole} each clearly names. Only codes whose meaning is one
 * of the SDK's roles are listed: an SDS access role such as R8000 "Clinical Practitioner Access
 * Role", SNOMED CT "Medical practitioner" or HL7 "doctor" could be a GP or a consultant, so they
 * are not mapped, and the caller reports a warning.
 */
final class ProfessionalRoleCodes {
    /** UK Core's code system of SDS job role names. */
    static final String SDS_JOB_ROLE = "https://fhir.hl7.org.uk/CodeSystem/UKCore-SDSJobRoleName";
    /** NHS England's code system of SDS job role codes (same R-codes). */
    static final String SDS_JOB_ROLE_NHS = "https://fhir.nhs.uk/CodeSystem/NHSDigital-SDS-JobRoleCode";
    /** SNOMED CT (occupations, descendants of 223366009 |Healthcare professional|). */
    static final String SNOMED = "http://snomed.info/sct";
    /** HL7 practitioner-role code system (doctor, nurse, pharmacist, researcher, teacher, ict). */
    static final String HL7_PRACTITIONER_ROLE = "http://terminology.hl7.org/CodeSystem/practitioner-role";

    private static final Map<String, ProfessionalRole> SDS = Map.ofEntries(
            Map.entry("R0260", ProfessionalRole.GENERAL_PRACTITIONER), // General Medical Practitioner
            Map.entry("R0270", ProfessionalRole.GENERAL_PRACTITIONER), // Salaried General Practitioner
            Map.entry("R0050", ProfessionalRole.CONSULTANT),           // Consultant
            Map.entry("R0600", ProfessionalRole.NURSE),                // Specialist Nurse Practitioner
            Map.entry("R0620", ProfessionalRole.NURSE),                // Staff Nurse
            Map.entry("R0700", ProfessionalRole.NURSE),                // Community Nurse
            Map.entry("R8001", ProfessionalRole.NURSE),                // Nurse Access Role
            Map.entry("R0950", ProfessionalRole.ALLIED_HEALTH_PROFESSIONAL), // Occupational Therapist
            Map.entry("R1110", ProfessionalRole.ALLIED_HEALTH_PROFESSIONAL), // Physiotherapist
            Map.entry("R1070", ProfessionalRole.ALLIED_HEALTH_PROFESSIONAL), // Paramedic
            Map.entry("R1290", ProfessionalRole.PHARMACIST),           // Pharmacist
            Map.entry("R1330", ProfessionalRole.SOCIAL_WORKER));       // Social Worker

    private static final Map<String, ProfessionalRole> SCT = Map.of(
            "62247001", ProfessionalRole.GENERAL_PRACTITIONER,         // General practitioner
            "224535009", ProfessionalRole.NURSE,                       // Registered nurse
            "106292003", ProfessionalRole.NURSE,                       // Professional nurse
            "46255001", ProfessionalRole.PHARMACIST,                   // Pharmacist
            "36682004", ProfessionalRole.ALLIED_HEALTH_PROFESSIONAL,   // Physiotherapist
            "80546007", ProfessionalRole.ALLIED_HEALTH_PROFESSIONAL,   // Occupational therapist
            "397897005", ProfessionalRole.ALLIED_HEALTH_PROFESSIONAL); // Paramedic

    private static final Map<String, ProfessionalRole> HL7 = Map.of(
            "nurse", ProfessionalRole.NURSE,
            "pharmacist", ProfessionalRole.PHARMACIST,
            "researcher", ProfessionalRole.RESEARCHER);

    private static final Map<String, Map<String, ProfessionalRole>> BY_SYSTEM = Map.of(
            SDS_JOB_ROLE, SDS, SDS_JOB_ROLE_NHS, SDS, SNOMED, SCT, HL7_PRACTITIONER_ROLE, HL7);

    private ProfessionalRoleCodes() {
    }

    /** {@return the SDK role a national or HL7 role code clearly names, or empty} */
    static Optional<ProfessionalRole> roleOf(String system, String code) {
        return Optional.ofNullable(BY_SYSTEM.getOrDefault(system, Map.of()).get(code));
    }

    /**
     * The SDK role the codings of a CodeableConcept name: a coding of the SDK's own system wins
     * (read by the caller); else the first national or HL7 coding with a clear mapping.
     */
    static Optional<ProfessionalRole> roleOf(FhirElement concept) {
        for (FhirElement coding : concept.objects("coding")) {
            Optional<String> system = coding.text("system");
            Optional<String> code = coding.text("code");
            if (system.isPresent() && code.isPresent()) {
                Optional<ProfessionalRole> role = roleOf(system.get(), code.get());
                if (role.isPresent()) {
                    return role;
                }
            }
        }
        return Optional.empty();
    }
}
