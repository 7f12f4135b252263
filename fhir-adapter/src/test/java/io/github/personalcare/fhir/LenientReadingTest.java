package io.github.personalcare.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.careteam.CareTeam;
import io.github.personalcare.careteam.ProfessionalMember;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.referral.Priority;
import io.github.personalcare.referral.Referral;
import io.github.personalcare.referral.ReferralState;
import io.github.personalcare.referral.RequestType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 18, item 1: records other systems write are read by stated rules, with a warning naming the
 * path of what was read differently or not kept; refusals stay for the domain rules.
 */
class LenientReadingTest {
    private final FhirImporter importer = new FhirImporter(FhirLimits.DEFAULT);

    private static String practitioner(String identifiers) {
        return """
                {"resourceType": "Practitioner", "id": "dr-1", "identifier": [%s]}""".formatted(identifiers);
    }

    @ParameterizedTest(name = "{0} number read as user id {2}")
    @CsvSource({
            "GMC,  https://fhir.hl7.org.uk/Id/gmc-number,  gmc:C1234567",
            "GMP,  https://fhir.hl7.org.uk/Id/gmp-number,  gmp:C1234567",
            "GPhC, https://fhir.hl7.org.uk/Id/gphc-number, gphc:C1234567",
            "NMC,  https://fhir.hl7.org.uk/Id/nmc-number,  nmc:C1234567"})
    void aRegistrationNumberIsReadAsTheUserIdWithAWarning(String register, String system, String expected) {
        FhirImport<UserId> read = importer.read(practitioner("""
                {"system": "%s", "value": "C1234567"}""".formatted(system)), new PractitionerMapper());
        assertThat(read.value()).isEqualTo(UserId.of(expected));
        assertThat(read.warnings()).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.identifier[0]", "USER_ID_FROM_REGISTER"));
    }

    @Test
    void anSdsUserIdWinsOverARegistrationNumberWhateverTheOrder() {
        FhirImport<UserId> read = importer.read(practitioner("""
                {"system": "https://fhir.hl7.org.uk/Id/gphc-number", "value": "2041239"},
                {"system": "https://fhir.nhs.uk/Id/sds-user-id", "value": "G12345678"}"""), new PractitionerMapper());
        assertThat(read.value()).isEqualTo(UserId.of("G12345678"));
        assertThat(read.warnings()).isEmpty();
    }

    @Test
    void withoutANationalIdentifierTheUserIdIsDerivedFromTheResourceId() {
        FhirImport<UserId> read = importer.read(practitioner("""
                {"system": "urn:oid:2.16.528.1.1007.3.1", "value": "938273695"}"""), new PractitionerMapper());
        assertThat(read.value()).isEqualTo(UserId.of("fhir:" + ForeignIds.derived("Practitioner", "dr-1")));
        assertThat(read.warnings()).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.id", "USER_ID_DERIVED"));
    }

    private static String practitionerRole(String coding) {
        return """
                {"resourceType": "PractitionerRole", "id": "role-1",
                 "practitioner": {"reference": "Practitioner/dr-1"},
                 "organization": {"identifier": {"system": "https://fhir.nhs.uk/Id/ods-organization-code", "value": "B82617"}},
                 "code": [{"coding": [%s]}]}""".formatted(coding);
    }

    @ParameterizedTest(name = "{0} {1} is {2}")
    @CsvSource({
            "https://fhir.hl7.org.uk/CodeSystem/UKCore-SDSJobRoleName, R0260,     GENERAL_PRACTITIONER",
            "https://fhir.hl7.org.uk/CodeSystem/UKCore-SDSJobRoleName, R0050,     CONSULTANT",
            "https://fhir.nhs.uk/CodeSystem/NHSDigital-SDS-JobRoleCode, R1290,    PHARMACIST",
            "http://snomed.info/sct,                                    62247001, GENERAL_PRACTITIONER",
            "http://snomed.info/sct,                                    224535009, NURSE",
            "http://terminology.hl7.org/CodeSystem/practitioner-role,   researcher, RESEARCHER"})
    void nationalAndHl7RoleCodesWithAClearMeaningMapToTheSdkRole(String system, String code, ProfessionalRole role) {
        FhirImport<Actor.Professional> read = importer.read(practitionerRole("""
                {"system": "%s", "code": "%s"}""".formatted(system, code)), new PractitionerRoleMapper());
        assertThat(read.value().role()).isEqualTo(role);
        assertThat(read.value().user()).isEqualTo(UserId.of("fhir:" + ForeignIds.derived("Practitioner", "dr-1")));
        assertThat(read.value().organisation().value()).isEqualTo("B82617");
        assertThat(read.warnings()).extracting(ImportProblem::jsonPath, ImportProblem::rule).containsExactlyInAnyOrder(
                tuple("$.practitioner.reference", "USER_ID_DERIVED"), tuple("$.code[0]", "ROLE_MAPPED"));
    }

    @ParameterizedTest(name = "{0} {1} names no single SDK role")
    @CsvSource({
            "https://fhir.hl7.org.uk/CodeSystem/UKCore-SDSJobRoleName, R8000",
            "http://terminology.hl7.org/CodeSystem/practitioner-role,   doctor",
            "http://terminology.hl7.org/CodeSystem/v2-0286,             RP"})
    void aRoleCodeWithoutAClearMappingRefusesAPractitionerRoleWithOneProblem(String system, String code) {
        FhirImportException e = FhirJsonForTests.refused(practitionerRole("""
                {"system": "%s", "code": "%s"}""".formatted(system, code)), new PractitionerRoleMapper());
        assertThat(e.problems()).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.code", "ROLE"));
    }

    private static final String TEAM = """
            {"resourceType": "CareTeam", "id": "team-1", "status": "active",
             "subject": {"reference": "Patient/pat-1"},
             "period": {"start": "2026-03-30"},
             "participant": [%s]}""";

    @Test
    @DisplayName("a foreign professional participant without a period is a member from the team's start (R12 is for carers)")
    void aProfessionalParticipantWithoutAPeriodIsKeptFromTheTeamsStart() {
        FhirImport<CareTeam> read = importer.read(TEAM.formatted("""
                {"role": [{"coding": [{"system": "http://snomed.info/sct", "code": "62247001"}]}],
                 "member": {"reference": "Practitioner/dr-1"},
                 "onBehalfOf": {"identifier": {"system": "https://fhir.nhs.uk/Id/ods-organization-code", "value": "B82617"}}}"""),
                new CareTeamMapper());
        ProfessionalMember member = read.value().professionals().get(0);
        assertThat(member.role()).isEqualTo(ProfessionalRole.GENERAL_PRACTITIONER);
        assertThat(member.organisation().value()).isEqualTo("B82617");
        // 2026-03-30 is in British Summer Time: the day starts at 23:00 UTC the evening before
        assertThat(member.period().start()).isEqualTo(Instant.parse("2026-03-29T23:00:00Z"));
        assertThat(member.period().end()).isEmpty();
        assertThat(read.warnings()).extracting(ImportProblem::jsonPath, ImportProblem::rule).contains(
                tuple("$.participant[0].period", "PERIOD_FROM_TEAM"),
                tuple("$.participant[0].extension", "MEMBER_ID_DERIVED"),
                tuple("$.period.start", "DATE_WIDENED"));
    }

    @Test
    void aParticipantWhoseRoleNamesNoSdkRoleIsLeftOutWithAWarning() {
        FhirImport<CareTeam> read = importer.read(TEAM.formatted("""
                {"role": [{"text": "adviser"}], "member": {"reference": "Practitioner/dr-1"}},
                {"member": {"reference": "Patient/pat-1"}}"""), new CareTeamMapper());
        assertThat(read.value().professionals()).isEmpty();
        assertThat(read.warnings()).extracting(ImportProblem::jsonPath, ImportProblem::rule).contains(
                tuple("$.participant[0].role", "ROLE_UNMAPPED"),
                tuple("$.participant[1].member", "PARTICIPANT_NOT_KEPT"));
    }

    @Test
    @DisplayName("R12: a carer without the SDK's carer role and a period is still refused")
    void r12ACarerWithoutRoleAndPeriodIsRefused() {
        FhirImportException e = FhirJsonForTests.refused(TEAM.formatted("""
                {"role": [{"text": "daughter"}], "member": {"reference": "RelatedPerson/rp-1"}}"""), new CareTeamMapper());
        assertThat(e.problems()).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.participant[0].role", "R12"));
    }

    @ParameterizedTest(name = "{0} as a {1} reads as {2}")
    @CsvSource({
            "2026-01-15,           start, 2026-01-15T00:00:00Z",
            "2026-06-08,           start, 2026-06-07T23:00:00Z",
            "2026-06-08,           end,   2026-06-08T23:00:00Z",
            "2026-06,              end,   2026-06-30T23:00:00Z",
            "2026,                 start, 2026-01-01T00:00:00Z",
            "2026,                 end,   2027-01-01T00:00:00Z",
            "2026-06-08T10:00:00Z, end,   2026-06-08T10:00:00Z"})
    void aDateWithoutATimeIsWidenedInEuropeLondonWithAWarningOnlyWhenWidened(String value, String as, Instant expected) {
        ImportContext context = ImportContext.root();
        FhirElement at = FhirElement.resource(FhirJsonForTests.parse("""
                {"resourceType": "CarePlan", "created": "%s"}""".formatted(value)), context, "CarePlan").orElseThrow();
        Optional<Instant> read = as.equals("start") ? FhirDateTimes.start(at, "created", value)
                : FhirDateTimes.end(at, "created", value);
        assertThat(read).contains(expected);
        assertThat(context.warnings()).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactlyElementsOf(value.contains("T") ? List.of()
                        : List.of(tuple("$.created", "DATE_WIDENED")));
    }

    @ParameterizedTest(name = "{0} is refused")
    @CsvSource({"2026-13-01", "2026-06-08T10:00:00", "08/06/2026"})
    void whatIsNeitherADateNorADateTimeWithAZoneIsRefused(String value) {
        ImportContext context = ImportContext.root();
        FhirElement at = FhirElement.resource(FhirJsonForTests.parse("""
                {"resourceType": "CarePlan"}"""), context, "CarePlan").orElseThrow();
        assertThat(FhirDateTimes.start(at, "created", value)).isEmpty();
        assertThat(context.problems()).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.created", "DATE"));
    }

    @Test
    @DisplayName("R28 a referral without a priority reads as routine, FHIR's meaning if missing, with a warning")
    void r28AReferralWithoutPriorityReadsAsRoutine() {
        ServiceRequestMapper mapper = new ServiceRequestMapper();
        ObjectNode json = referralWithoutPriority(mapper);
        FhirImport<Referral> read = importer.read(FhirWriter.toJson(json), mapper);
        assertThat(read.value().priority()).isEqualTo(Priority.ROUTINE);
        assertThat(read.warnings()).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.priority", "PRIORITY_DEFAULTED"));
    }

    @Test
    @DisplayName("R28 asap and stat are still refused: they have no e-RS priority")
    void r28AsapIsStillRefused() {
        ServiceRequestMapper mapper = new ServiceRequestMapper();
        ObjectNode json = referralWithoutPriority(mapper);
        json.put("priority", "asap");
        assertThat(FhirJsonForTests.problems(json, mapper)).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.priority", "R28"));
    }

    /** An SDK export of a routine referral, as another system would write it: no priority, no e-RS priority. */
    private static ObjectNode referralWithoutPriority(ServiceRequestMapper mapper) {
        ObjectNode json = mapper.toFhir(ReferralConsentFixtures.simple(
                ReferralState.NOT_BOOKED, Priority.ROUTINE, RequestType.APPOINTMENT));
        json.remove("priority");
        ArrayNode kept = json.arrayNode();
        json.withArray("extension").forEach(e -> {
            if (!e.path("url").asText().equals(ServiceRequestMapper.PRIORITY)) {
                kept.add(e);
            }
        });
        json.set("extension", kept);
        return json;
    }

    @Test
    void aPrivacyConsentWithoutPerformerOrInfaCategoryReadsAsThePatientsInformationAccessConsent() {
        ConsentMapper mapper = new ConsentMapper();
        ObjectNode json = mapper.toFhir(ReferralConsentFixtures.carerMaySeeThePlan());
        json.remove("performer");
        json.putArray("category").addObject().putArray("coding").addObject()
                .put("system", "http://loinc.org").put("code", "59284-0");
        FhirImport<io.github.personalcare.consent.ConsentRecord> read = importer.read(FhirWriter.toJson(json), mapper);
        assertThat(read.value().terms()).isEqualTo(ReferralConsentFixtures.carerMaySeeThePlan().terms());
        assertThat(read.warnings()).extracting(ImportProblem::jsonPath, ImportProblem::rule).containsExactlyInAnyOrder(
                tuple("$.performer", "PERFORMER_DEFAULTED"), tuple("$.category", "CATEGORY_FROM_SCOPE"));
    }

    @Test
    @DisplayName("R50 an AuditEvent another system wrote is refused with one problem: it cannot join the tamper-evident trail")
    void r50AForeignAuditEventIsRefusedWithOneProblem() {
        FhirImportException e = FhirJsonForTests.refused("""
                {"resourceType": "AuditEvent", "id": "example",
                 "type": {"system": "http://dicom.nema.org/resources/ontology/DCM", "code": "110110"},
                 "recorded": "2012-10-25T22:04:27+11:00",
                 "agent": [{"requestor": true, "who": {"reference": "Practitioner/dr-1"}}],
                 "source": {"observer": {"display": "hospital"}},
                 "entity": [{"what": {"reference": "Patient/pat-1"}}]}""", new AuditEventMapper());
        assertThat(e.problems()).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.entity", "R50"));
    }

    @Test
    @DisplayName("R50 an AuditEvent with entity details of its own, but not the SDK's chain, is refused with one problem")
    void r50AForeignAuditEventWithItsOwnDetailsIsRefusedWithOneProblem() {
        FhirImportException e = FhirJsonForTests.refused("""
                {"resourceType": "AuditEvent", "id": "example-error",
                 "type": {"system": "http://dicom.nema.org/resources/ontology/DCM", "code": "110110"},
                 "recorded": "2017-09-07T23:42:24Z",
                 "agent": [{"requestor": true, "who": {"reference": "Practitioner/dr-1"}}],
                 "source": {"observer": {"display": "hospital"}},
                 "entity": [{"what": {"reference": "Patient/pat-1"},
                             "detail": [{"type": "requested transaction", "valueString": "anything"}]}]}""",
                new AuditEventMapper());
        assertThat(e.problems()).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.entity", "R50"));
    }

    @Test
    void aProvisionActorNamedOnlyByPractitionerReferenceIsTheUserAPractitionerImportGives() {
        ConsentMapper mapper = new ConsentMapper();
        ObjectNode json = mapper.toFhir(ReferralConsentFixtures.carerMaySeeThePlan());
        ArrayNode actors = (ArrayNode) json.at("/provision/provision/0/actor");
        actors.removeAll();
        actors.addObject().set("reference", json.objectNode().put("reference", "Practitioner/dr-1"));
        ((ObjectNode) actors.get(0)).putObject("role").putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/v3-ParticipationType").put("code", "PRCP");
        FhirImport<io.github.personalcare.consent.ConsentRecord> read = importer.read(FhirWriter.toJson(json), mapper);
        assertThat(read.value().terms().provision().provisions().get(0).actors()).containsExactly(
                io.github.personalcare.consent.ProvisionActor.person(
                        UserId.of("fhir:" + ForeignIds.derived("Practitioner", "dr-1"))));
        assertThat(read.warnings()).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.provision.provision[0].actor[0].reference.reference", "USER_ID_DERIVED"));
    }

    @Test
    @DisplayName("R5 a provision actor that is an Organization without an ODS code is refused: dropping it would widen the provision")
    void r5AProvisionActorOrganisationWithoutOdsCodeIsRefused() {
        ConsentMapper mapper = new ConsentMapper();
        ObjectNode json = mapper.toFhir(ReferralConsentFixtures.carerMaySeeThePlan());
        ArrayNode actors = (ArrayNode) json.at("/provision/provision/0/actor");
        actors.removeAll();
        ObjectNode actor = actors.addObject();
        actor.putObject("role").putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/v3-ParticipationType").put("code", "PRCP");
        actor.putObject("reference").put("reference", "Organization/f001");
        assertThat(FhirJsonForTests.problems(json, mapper)).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.provision.provision[0].actor[0].reference", "R5"));
    }

    @Test
    @DisplayName("R45 a provision class given as a FHIR resource type reads as the SDK data class; an unknown class is refused")
    void r45AResourceTypeClassReadsAsTheDataClassThatHoldsIt() {
        ConsentMapper mapper = new ConsentMapper();
        ObjectNode json = mapper.toFhir(ReferralConsentFixtures.carerMaySeeThePlan());
        ArrayNode classes = (ArrayNode) json.at("/provision/provision/0/class");
        classes.removeAll();
        classes.addObject().put("system", "http://hl7.org/fhir/resource-types").put("code", "MedicationStatement");
        FhirImport<io.github.personalcare.consent.ConsentRecord> read = importer.read(FhirWriter.toJson(json), mapper);
        assertThat(read.value().terms().provision().provisions().get(0).dataClasses())
                .containsExactly(io.github.personalcare.access.DataClass.PRESCRIPTION);
        assertThat(read.warnings()).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.provision.provision[0].class[0].code", "CLASS_FROM_RESOURCE_TYPE"));

        ((ObjectNode) classes.get(0)).put("system", "urn:ietf:bcp:13").put("code", "application/hl7-cda+xml");
        assertThat(FhirJsonForTests.problems(json, mapper)).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.provision.provision[0].class[0].system", "DATA_CLASS"));
    }

    @Test
    @DisplayName("R46 R47 a consent given by someone who is neither the patient nor a representative with authority is refused")
    void r47APerformerWithoutAuthorityIsRefused() {
        ConsentMapper mapper = new ConsentMapper();
        ObjectNode json = mapper.toFhir(ReferralConsentFixtures.carerMaySeeThePlan());
        json.putArray("performer").addObject().put("reference", "RelatedPerson/peter");
        assertThat(FhirJsonForTests.problems(json, mapper)).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.performer[0]", "PERFORMER_AUTHORITY"));
    }

    @Test
    void anOpenPlansPeriodEndIsNotAnEndingAndIsKeptOnlyAsAWarning() {
        FhirImport<io.github.personalcare.careplan.CarePlan> read = importer.read("""
                {"resourceType": "CarePlan", "id": "f201", "status": "draft", "intent": "proposal",
                 "subject": {"reference": "Patient/f201"}, "created": "2013-03-11",
                 "period": {"start": "2013-03-11", "end": "2013-03-13"}}""", new CarePlanMapper());
        assertThat(read.value().endedAt()).isEmpty();
        assertThat(read.warnings()).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .contains(tuple("$.period.end", "PERIOD_END_NOT_KEPT"));
    }

    @Test
    void aReferralsCodedReasonIsReadFromItsDisplayAndAForeignPerformerIsNotKept() {
        ServiceRequestMapper mapper = new ServiceRequestMapper();
        ObjectNode json = mapper.toFhir(ReferralConsentFixtures.simple(
                ReferralState.NOT_BOOKED, Priority.ROUTINE, RequestType.APPOINTMENT));
        json.putArray("reasonCode").addObject().putArray("coding").addObject()
                .put("system", "http://snomed.info/sct").put("code", "11092001").put("display", "Sinus tachycardia");
        json.putArray("performer").addObject().put("reference", "Practitioner/dr-2");
        FhirImport<Referral> read = importer.read(FhirWriter.toJson(json), mapper);
        assertThat(read.value().clinicalReason()).isEqualTo("Sinus tachycardia");
        assertThat(read.value().chosenService()).isEmpty();
        assertThat(read.warnings()).extracting(ImportProblem::jsonPath, ImportProblem::rule).containsExactlyInAnyOrder(
                tuple("$.reasonCode[0].coding", "REASON_FROM_CODING"), tuple("$.performer[0]", "PERFORMER_NOT_KEPT"));
    }

    @Test
    void aReferralWhoseRequesterIsNoClinicianIsRefusedWithItsOwnCode() {
        ServiceRequestMapper mapper = new ServiceRequestMapper();
        ObjectNode json = mapper.toFhir(ReferralConsentFixtures.simple(
                ReferralState.NOT_BOOKED, Priority.ROUTINE, RequestType.APPOINTMENT));
        json.putObject("requester").put("reference", "Device/ward-kiosk");
        assertThat(FhirJsonForTests.problems(json, mapper)).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.requester", "REQUESTER_NOT_PRACTITIONER"));
    }

    @Test
    void aGoalsCodedMeasureIsReadFromItsDisplayButAGoalWithoutItsPlanIsRefused() {
        String goal = """
                {"resourceType": "Goal", "id": "example", "lifecycleStatus": "active",
                 "description": {"text": "Target weight is 160 to 180 lbs."}, "subject": {"reference": "Patient/example"},
                 "target": [{"measure": {"coding": [{"system": "http://loinc.org", "code": "3141-9",
                   "display": "Weight Measured"}]}}]}""";
        assertThat(FhirJsonForTests.refused(goal, new GoalMapper()).problems())
                .extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.identifier", "GOAL_WITHOUT_PLAN"));
    }

    @Test
    void aPractitionerRoleOfNobodyAndAResourceWithoutIdAreRefusedWithTheirOwnCodes() {
        assertThat(FhirJsonForTests.refused("""
                {"resourceType": "PractitionerRole", "id": "role-1",
                 "organization": {"identifier": {"system": "https://fhir.nhs.uk/Id/ods-organization-code", "value": "B82617"}},
                 "code": [{"coding": [{"system": "https://fhir.hl7.org.uk/CodeSystem/UKCore-SDSJobRoleName",
                   "code": "R0260"}]}]}""", new PractitionerRoleMapper()).problems())
                .extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.practitioner", "PRACTITIONER_MISSING"));
        assertThat(FhirJsonForTests.refused("""
                {"resourceType": "CareTeam", "status": "active", "subject": {"reference": "Patient/p-1"}}""",
                new CareTeamMapper()).problems())
                .extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .contains(tuple("$.id", "ID_MISSING"));
    }
}
