package io.github.personalcare.fhir;

import io.github.personalcare.record.PatientRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.access.SensitivityLabel;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.referral.Attachment;
import io.github.personalcare.referral.Priority;
import io.github.personalcare.referral.Referral;
import io.github.personalcare.referral.ReferralState;
import io.github.personalcare.referral.RequestType;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ServiceRequestMapperTest {
    private static final String ERS_PRIORITY = "https://fhir.nhs.uk/STU3/CodeSystem/eRS-Priority-1";

    private final ServiceRequestMapper mapper = new ServiceRequestMapper();
    private final FhirImporter importer = new FhirImporter(FhirLimits.DEFAULT);
    private final Referral referral = ReferralConsentFixtures.bookedTwoWeekWait();

    private Referral roundTrip(JsonNode json) {
        return importer.read(FhirWriter.toJson(json), mapper).value();
    }

    private List<ImportProblem> problems(JsonNode json) {
        return FhirJsonForTests.problems(json, mapper);
    }

    private static ObjectNode extension(ObjectNode json, String url) {
        for (JsonNode e : json.get("extension")) {
            if (e.get("url").asText().equals(url)) {
                return (ObjectNode) e;
            }
        }
        throw new AssertionError("no extension " + url);
    }

    @Test
    void theWholeReferralSurvivesExportAndImport() {
        ObjectNode json = mapper.toFhir(referral);
        Referral back = roundTrip(json);
        assertThat(back).isEqualTo(referral);
        assertThat(FhirWriter.toJson(mapper.toFhir(back))).isEqualTo(FhirWriter.toJson(json));
    }

    @Test
    void elementsAreMappedAsDocumented() {
        JsonNode json = mapper.toFhir(referral);
        assertThat(json.at("/meta/profile/0").asText())
                .isEqualTo("https://fhir.hl7.org.uk/StructureDefinition/UKCore-ServiceRequest");
        assertThat(json.get("id").asText()).isEqualTo(ReferralConsentFixtures.REFERRAL_ID.toString());
        assertThat(json.get("status").asText()).isEqualTo("active");
        assertThat(json.at("/subject/reference").asText()).isEqualTo("Patient/" + Fixtures.ADA_ID);
        assertThat(json.at("/requester/identifier/value").asText()).isEqualTo("U100001");
        assertThat(json.at("/requester/reference").asText()).startsWith("Practitioner/");
        assertThat(json.get("authoredOn").asText()).isEqualTo("2026-11-02T10:15:00Z");
        assertThat(json.at("/performerType/coding/0/code").asText()).isEqualTo("BREAST_SURGERY");
        assertThat(json.at("/performer/0/type").asText()).isEqualTo("HealthcareService");
        assertThat(json.at("/performer/0/identifier/value").asText()).isEqualTo("svc-leeds-2ww");
        assertThat(json.at("/performer/0/display").asText()).isEqualTo("Leeds Breast Clinic (2WW)");
        assertThat(json.at("/reasonCode/0/text").asText()).startsWith("Breast lump");
        assertThat(json.has("code")).isFalse();
        JsonNode org = extension((ObjectNode) json, ServiceRequestMapper.REFERRING_ORGANISATION);
        assertThat(org.at("/valueReference/identifier/value").asText()).isEqualTo("A81001");
    }

    @Test
    @DisplayName("R4 the UBRN is exported with system https://fhir.nhs.uk/Id/UBRN")
    void r4UbrnIsExportedWithTheUbrnSystem() {
        JsonNode json = mapper.toFhir(referral);
        assertThat(json.get("identifier")).hasSize(1);
        assertThat(json.at("/identifier/0/system").asText()).isEqualTo("https://fhir.nhs.uk/Id/UBRN");
        assertThat(json.at("/identifier/0/value").asText()).isEqualTo("000040000001");
    }

    @Test
    @DisplayName("R4 the GP Connect UBRN system is accepted on input and the UBRN system emitted again")
    void r4GpConnectUbrnSystemIsAcceptedOnInput() {
        ObjectNode json = mapper.toFhir(referral);
        ((ObjectNode) json.at("/identifier/0")).put("system", "https://fhir.nhs.uk/Id/ubr-number");
        Referral back = roundTrip(json);
        assertThat(back.ubrn()).isEqualTo(ReferralConsentFixtures.UBRN);
        assertThat(mapper.toFhir(back).at("/identifier/0/system").asText()).isEqualTo("https://fhir.nhs.uk/Id/UBRN");
    }

    @Test
    @DisplayName("R4 a UBRN that is not 12 digits is refused at its path")
    void r4MalformedUbrnIsRefused() {
        ObjectNode json = mapper.toFhir(referral);
        ((ObjectNode) json.at("/identifier/0")).put("value", "12345");
        assertThat(problems(json)).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.identifier[0].value", "R4"));
    }

    @Test
    @DisplayName("R4 a ServiceRequest without a UBRN, or with two, is refused")
    void r4MissingOrSecondUbrnIsRefused() {
        ObjectNode none = mapper.toFhir(referral);
        ((ObjectNode) none.at("/identifier/0")).put("system", "https://example.org/other-id");
        assertThat(problems(none)).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.identifier", "R4"));
        ObjectNode two = mapper.toFhir(referral);
        ((ArrayNode) two.get("identifier")).add(Elements.identifier(FhirSystems.UBRN_GP_CONNECT, "000040000002"));
        assertThat(problems(two)).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.identifier[1]", "R4"));
    }

    @Test
    @DisplayName("R52 a two-week-wait referral is priority urgent plus the e-RS TWO_WEEK_WAIT coding, intent order, category referral")
    void r52TwoWeekWaitIsUrgentPlusTheErsPriorityCoding() {
        ObjectNode json = mapper.toFhir(referral);
        assertThat(json.get("priority").asText()).isEqualTo("urgent");
        JsonNode ers = extension(json, ServiceRequestMapper.PRIORITY).get("valueCoding");
        assertThat(ers.get("system").asText()).isEqualTo(ERS_PRIORITY);
        assertThat(ers.get("code").asText()).isEqualTo("TWO_WEEK_WAIT");
        assertThat(json.get("intent").asText()).isEqualTo("order");
        assertThat(json.at("/category/0/coding/0/system").asText())
                .isEqualTo("https://fhir.nhs.uk/CodeSystem/message-category-servicerequest");
        assertThat(json.at("/category/0/coding/0/code").asText()).isEqualTo("referral");
    }

    @ParameterizedTest
    @CsvSource({"ROUTINE, routine", "URGENT, urgent", "TWO_WEEK_WAIT, urgent"})
    @DisplayName("R52 every e-RS priority has its FHIR priority and keeps its e-RS coding through the round trip")
    void r52EveryPriorityMapsAndRoundTrips(Priority priority, String fhir) {
        Referral r = ReferralConsentFixtures.simple(ReferralState.NOT_BOOKED, priority, RequestType.APPOINTMENT);
        ObjectNode json = mapper.toFhir(r);
        assertThat(json.get("priority").asText()).isEqualTo(fhir);
        assertThat(extension(json, ServiceRequestMapper.PRIORITY).at("/valueCoding/code").asText())
                .isEqualTo(priority.name());
        assertThat(roundTrip(json).priority()).isEqualTo(priority);
    }

    @Test
    @DisplayName("R52 a FHIR priority that contradicts the e-RS priority coding is refused")
    void r52ContradictingPriorityIsRefused() {
        ObjectNode json = mapper.toFhir(referral);
        json.put("priority", "routine");
        assertThat(problems(json)).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.priority", "R52"));
    }

    @Test
    @DisplayName("R52 intent other than order is refused")
    void r52IntentOtherThanOrderIsRefused() {
        ObjectNode json = mapper.toFhir(referral);
        json.put("intent", "plan");
        assertThat(problems(json)).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.intent", "R52"));
    }

    @Test
    @DisplayName("R28 without the e-RS coding, routine and urgent are read; asap is refused")
    void r28PriorityFromFhirAloneWhenThereIsNoErsCoding() {
        ObjectNode json = mapper.toFhir(ReferralConsentFixtures.simple(ReferralState.NOT_BOOKED, Priority.URGENT,
                RequestType.APPOINTMENT));
        removeExtension(json, ServiceRequestMapper.PRIORITY);
        assertThat(roundTrip(json).priority()).isEqualTo(Priority.URGENT);
        json.put("priority", "asap");
        assertThat(problems(json)).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.priority", "R28"));
    }

    @Test
    @DisplayName("R49 the e-RS export is refused for an S-flagged patient")
    void r49ErsExportIsRefusedForSensitivePatients() {
        assertThat(mapper.toErs(referral, Fixtures.ada())).isEqualTo(mapper.toFhir(referral));
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> mapper.toErs(referral, Fixtures.sensitiveAda()))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R49"));
    }

    @ParameterizedTest
    @EnumSource(ReferralState.class)
    @DisplayName("R30 every state maps to a ServiceRequest status and comes back exactly")
    void r30EveryStateMapsToAStatusAndBack(ReferralState state) {
        ObjectNode json = mapper.toFhir(ReferralConsentFixtures.simple(state, Priority.ROUTINE, RequestType.APPOINTMENT));
        String expected = switch (state) {
            case DRAFT -> "draft";
            case COMPLETED -> "completed";
            case CANCELLED_REFERRAL -> "revoked";
            default -> "active";
        };
        assertThat(json.get("status").asText()).isEqualTo(expected);
        JsonNode codings = extension(json, ServiceRequestMapper.STATE).at("/valueCodeableConcept/coding");
        assertThat(codings.get(0).get("code").asText()).isEqualTo(state.name());
        assertThat(codings.size()).isEqualTo(ReferralCodes.ERS_STATE.codeIfAny(state).isPresent() ? 2 : 1);
        assertThat(roundTrip(json).state()).isEqualTo(state);
    }

    @Test
    @DisplayName("R30 ACCEPTED is BOOKED to e-RS; a ServiceRequest with only the e-RS state code reads it")
    void r30ErsStateCodeAloneIsRead() {
        ObjectNode json = mapper.toFhir(ReferralConsentFixtures.simple(ReferralState.ACCEPTED, Priority.ROUTINE,
                RequestType.APPOINTMENT));
        ArrayNode codings = (ArrayNode) extension(json, ServiceRequestMapper.STATE).at("/valueCodeableConcept/coding");
        assertThat(codings.get(1).get("code").asText()).isEqualTo("BOOKED");
        codings.remove(0);
        assertThat(roundTrip(json).state()).isEqualTo(ReferralState.BOOKED);
        ((ObjectNode) codings.get(0)).put("code", "APP_CANCELLED_BY_PATIENT");
        assertThat(roundTrip(json).state()).isEqualTo(ReferralState.APPT_CANCELLED_BY_PATIENT);
        ((ObjectNode) codings.get(0)).put("code", "ASSESSMENT_RESULT");
        assertThat(problems(json)).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.extension[0].valueCodeableConcept.coding[0].code", "R30"));
    }

    @Test
    @DisplayName("R30 a status that contradicts the referral state is refused")
    void r30StatusContradictingTheStateIsRefused() {
        ObjectNode json = mapper.toFhir(referral);
        json.put("status", "completed");
        assertThat(problems(json)).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.status", "R30"));
    }

    @Test
    @DisplayName("R34 advice and guidance is coded advice-and-guidance and comes back as such")
    void r34AdviceAndGuidanceIsCoded() {
        ObjectNode json = mapper.toFhir(ReferralConsentFixtures.simple(ReferralState.ADVICE_REQUESTED, Priority.ROUTINE,
                RequestType.ADVICE_AND_GUIDANCE));
        assertThat(json.at("/code/coding/0/code").asText()).isEqualTo("advice-and-guidance");
        assertThat(json.at("/code/coding/0/system").asText()).isEqualTo("https://fhir.nhs.uk/CodeSystem/servicerequest-code");
        assertThat(roundTrip(json).requestType()).isEqualTo(RequestType.ADVICE_AND_GUIDANCE);
    }

    @Test
    @DisplayName("R29 a chosen service that is not on the shortlist is refused")
    void r29ChosenServiceNotOnTheShortlistIsRefused() {
        ObjectNode json = mapper.toFhir(referral);
        ((ObjectNode) json.at("/performer/0/identifier")).put("value", "svc-elsewhere");
        assertThat(problems(json)).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$", "R29"));
    }

    @Test
    @DisplayName("R35 two open RTT clocks are refused")
    void r35TwoOpenClocksAreRefused() {
        ObjectNode json = mapper.toFhir(referral);
        ArrayNode extensions = (ArrayNode) json.get("extension");
        extensions.add(extension(json, ServiceRequestMapper.CLOCK).deepCopy());
        assertThat(problems(json)).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$", "R35"));
    }

    @Test
    @DisplayName("R36 an RTT clock that stops before it starts is refused at the clock's path")
    void r36ClockStoppingBeforeItStartsIsRefused() {
        ObjectNode json = mapper.toFhir(referral);
        ObjectNode clock = extension(json, ServiceRequestMapper.CLOCK);
        ((ArrayNode) clock.get("extension")).add(SdkExtensions.of("stoppedOn", "Date", "2020-01-01"));
        ((ArrayNode) clock.get("extension")).add(SdkExtensions.of("stopReason", "Coding",
                SdkExtensions.coding("rtt-stop-reason", io.github.personalcare.referral.StopReason.PATIENT_DIED)));
        int index = indexOf(json, ServiceRequestMapper.CLOCK);
        assertThat(problems(json)).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.extension[" + index + "]", "R36"));
    }

    @Test
    void missingRequiredElementsAreEachReportedWithTheirPath() {
        ObjectNode json = mapper.toFhir(referral);
        json.remove(List.of("subject", "requester", "authoredOn", "reasonCode", "performerType"));
        json.put("id", "not a FHIR id");
        assertThat(problems(json)).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactlyInAnyOrder(
                        tuple("$.id", "ID"),
                        tuple("$.subject", "REQUIRED"),
                        tuple("$.requester", "REQUESTER_MISSING"),
                        tuple("$.authoredOn", "AUTHORED_ON_MISSING"),
                        tuple("$.reasonCode", "CLINICAL_REASON_MISSING"),
                        tuple("$.performerType", "SPECIALTY_MISSING"));
    }

    @Test
    void wrongCodesInTheSdkExtensionsAreReportedWithTheirPath() {
        ObjectNode json = mapper.toFhir(referral);
        int appointment = indexOf(json, ServiceRequestMapper.APPOINTMENT);
        ((ObjectNode) extension(json, ServiceRequestMapper.APPOINTMENT).at("/extension/3/valueCoding"))
                .put("code", "MAYBE");
        int history = indexOf(json, ServiceRequestMapper.HISTORY);
        ((ObjectNode) extension(json, ServiceRequestMapper.HISTORY).at("/extension/3")).put("valueInstant", "yesterday");
        assertThat(problems(json)).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(
                        tuple("$.extension[" + appointment + "].extension[3].valueCoding.code", "CODE"),
                        tuple("$.extension[" + history + "].extension[3].valueInstant", "DATE"));
    }

    @Test
    void aSubjectThatIsNotAPatientUuidIsRefused() {
        ObjectNode json = mapper.toFhir(referral);
        ((ObjectNode) json.get("subject")).put("reference", "Group/123");
        assertThat(problems(json)).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.subject.reference", "SUBJECT"));
    }

    @Test
    void aReferralOfAnotherPatientIsRefusedInTheWholeRecordBundle() {
        Referral other = new Referral(referral.id(), referral.ubrn(), new PatientId(UUID.randomUUID()),
                referral.referrer(), referral.priority(), referral.specialty(), referral.clinicalReason(),
                referral.requestType(), referral.attachments(), referral.shortlist(), referral.choice(),
                referral.chosenService(), referral.appointments(), referral.clocks(), referral.state(),
                referral.history(), referral.createdAt());
        List<ObjectNode> resources = new java.util.ArrayList<>(new PatientRecordMapper().resources(
                PatientRecord.of(Fixtures.ada(), Fixtures.adaAudit())));
        resources.add(mapper.toFhir(other));
        ObjectNode bundle = FhirBundles.collection(resources);
        assertThatExceptionOfType(FhirImportException.class)
                .isThrownBy(() -> importer.read(FhirWriter.toJson(bundle), new PatientRecordMapper()))
                .satisfies(e -> assertThat(e.problems()).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                        .containsExactly(tuple("$.entry", "ONE_PATIENT")));
    }

    @Test
    void elementsAndExtensionsTheSdkDoesNotKeepAreReportedAsIgnored() {
        ObjectNode json = mapper.toFhir(referral);
        json.putArray("note").addObject().put("text", "call first");
        ((ArrayNode) json.get("extension")).add(SdkExtensions.of("https://example.org/x", "String", "y"));
        int foreign = json.get("extension").size() - 1;
        var result = importer.read(FhirWriter.toJson(json), mapper);
        assertThat(result.value()).isEqualTo(referral);
        assertThat(result.ignored()).containsExactlyInAnyOrder("$.note", "$.extension[" + foreign + "]");
    }

    @Test
    @DisplayName("R48 an attachment's sensitivity labels travel with it, so a receiver still withholds it")
    void attachmentLabelsSurviveTheRoundTrip() {
        ObjectNode json = mapper.toFhir(referral);

        assertThat(FhirWriter.toJson(json)).contains(ServiceRequestMapper.ATTACHMENT_LABEL).contains("THIRD_PARTY");
        Referral back = importer.read(FhirWriter.toJson(json), mapper).value();
        assertThat(back.attachments()).extracting(Attachment::labels)
                .containsExactly(Set.of(), Set.of(SensitivityLabel.THIRD_PARTY));
    }

    @Test
    @DisplayName("R48 an unknown extension on an attachment (a misspelt label?) is refused, never dropped")
    void anUnknownAttachmentExtensionIsRefused() {
        String json = FhirWriter.toJson(mapper.toFhir(referral))
                .replace(ServiceRequestMapper.ATTACHMENT_LABEL, ServiceRequestMapper.ATTACHMENT_LABEL + "s");

        assertThatExceptionOfType(FhirImportException.class).isThrownBy(() -> importer.read(json, mapper))
                .satisfies(e -> assertThat(e.problems()).extracting(ImportProblem::rule).contains("R48"));
    }

    @Test
    void wholeRecordBundleCarriesTheReferrerAndImportsTheReferralBack() {
        PatientRecord record = PatientRecord.builder(Fixtures.ada()).referrals(List.of(referral)).build();
        PatientRecordMapper records = new PatientRecordMapper();
        ObjectNode bundle = records.toFhir(record);
        List<String> types = new java.util.ArrayList<>();
        bundle.get("entry").forEach(e -> types.add(e.at("/resource/resourceType").asText()));
        assertThat(types).containsExactly("Patient", "Organization", "Practitioner", "ServiceRequest");
        JsonNode serviceRequest = bundle.at("/entry/3/resource");
        assertThat(serviceRequest.at("/requester/reference").asText()).isEqualTo(bundle.at("/entry/2/fullUrl").asText());
        assertThat(serviceRequest.at("/subject/reference").asText()).isEqualTo(bundle.at("/entry/0/fullUrl").asText());
        PatientRecord back = importer.read(FhirWriter.toJson(bundle), records).value();
        assertThat(back.referrals()).containsExactly(referral);
    }

    @Test
    void theUkCoreHipReplacementExampleListsWhatTheSdkNeedsAndDoesNotFind() throws java.io.IOException {
        String example = java.nio.file.Files.readString(OfficialExamplesTest.EXAMPLES.resolve(
                "ukcore/UKCore-ServiceRequest-HipReplacement-Example.json"));
        assertThat(problems(FhirJsonForTests.parse(example))).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(
                        tuple("$.identifier", "R4"),
                        tuple("$.extension", "R30"),
                        tuple("$.extension", "R5"),
                        tuple("$.performerType", "SPECIALTY_MISSING"),
                        tuple("$.reasonCode", "CLINICAL_REASON_MISSING"));
    }

    private static int indexOf(JsonNode json, String url) {
        JsonNode extensions = json.get("extension");
        for (int i = 0; i < extensions.size(); i++) {
            if (extensions.get(i).get("url").asText().equals(url)) {
                return i;
            }
        }
        throw new AssertionError("no extension " + url);
    }

    private static void removeExtension(ObjectNode json, String url) {
        ((ArrayNode) json.get("extension")).remove(indexOf(json, url));
    }
}
