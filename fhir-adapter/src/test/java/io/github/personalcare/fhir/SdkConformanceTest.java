package io.github.personalcare.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.feedback.Feedback;
import io.github.personalcare.fhir.conformance.UkCoreValidator;
import io.github.personalcare.record.PatientRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The SDK's published conformance resources ({@link SdkConformance}) cover everything the mappers
 * write, and with them loaded every export validates with 0 errors and 0 warnings (R51), except the
 * ones listed by message in {@link UkCoreValidator#ACCEPTED_WARNINGS}; a feedback response is
 * checked against the published Questionnaire.
 */
class SdkConformanceTest {
    private static final Pattern NARRATIVE = Pattern.compile(
            "<div xmlns=\"http://www\\.w3\\.org/1999/xhtml\"><p>[A-Z][a-z ]+</p></div>");

    private final UkCoreValidator validator = TestSupplierCodes.validator();
    private final PatientRecordMapper records = new PatientRecordMapper();

    @Test
    @DisplayName("the conformance Bundle in the artifact is exactly what the code tables give")
    void thePublishedFileIsGeneratedFromTheCodeTables() throws IOException {
        String expected = FhirWriter.toJson(SdkConformance.bundle());
        JsonNode published;
        try (InputStream in = SdkConformance.class.getClassLoader().getResourceAsStream(SdkConformance.RESOURCE)) {
            assertThat(in).as(SdkConformance.RESOURCE).isNotNull();
            published = FhirJsonForTests.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        if (!published.equals(FhirJsonForTests.parse(expected))) {
            Path fresh = Path.of("target", "sdk-conformance.json");
            Files.writeString(fresh, expected);
            throw new AssertionError("src/main/resources/" + SdkConformance.RESOURCE
                    + " is out of date: copy " + fresh.toAbsolutePath() + " over it");
        }
    }

    @Test
    @DisplayName("a supplier's code lists are published complete, each with its codes and displays; lists it gives no "
            + "codes for stay fragments; no codes gives bundle() itself")
    void supplierCodeListsArePublishedComplete() {
        assertThat(FhirWriter.toJson(SdkConformance.bundle(SupplierCodes.none())))
                .isEqualTo(FhirWriter.toJson(SdkConformance.bundle()));
        SupplierCodes codes = SupplierCodes.builder()
                .add(SupplierCodes.CodeList.SPECIALTY, "CARDIOLOGY", "Cardiology")
                .add(SupplierCodes.CodeList.SPECIALTY, "ENT", "Ear, nose and throat").build();
        JsonNode specialty = null;
        JsonNode reasons = null;
        for (JsonNode entry : SdkConformance.bundle(codes).path("entry")) {
            JsonNode r = entry.path("resource");
            if ("CodeSystem".equals(r.path("resourceType").asText())) {
                if (r.path("url").asText().equals(SupplierCodes.CodeList.SPECIALTY.url())) {
                    specialty = r;
                } else if (r.path("url").asText().equals(SupplierCodes.CodeList.REFERRAL_REASON.url())) {
                    reasons = r;
                }
            }
        }
        assertThat(specialty.path("content").asText()).isEqualTo("complete");
        assertThat(specialty.path("count").asInt()).isEqualTo(2);
        assertThat(specialty.at("/concept/1/code").asText()).isEqualTo("ENT");
        assertThat(specialty.at("/concept/1/display").asText()).isEqualTo("Ear, nose and throat");
        assertThat(reasons.path("content").asText()).isEqualTo("fragment");
        assertThat(validator.errors(FhirWriter.toJson(specialty))).isEmpty();
    }

    @Test
    @DisplayName("SupplierCodes refuses a blank or badly spaced code, a blank display and a repeated code, naming the field")
    void supplierCodesRefuseBadInput() {
        SupplierCodes.Builder b = SupplierCodes.builder().add(SupplierCodes.CodeList.SPEND_CATEGORY, "GYM", "Gym");
        for (String bad : new String[] {"", " GYM", "A  B", null}) {
            assertThatThrownBy(() -> b.add(SupplierCodes.CodeList.SPEND_CATEGORY, bad, "x"))
                    .isInstanceOfSatisfying(io.github.personalcare.lang.InvalidInputException.class,
                            e -> assertThat(e.rule()).isEqualTo("CODE"));
        }
        assertThatThrownBy(() -> b.add(SupplierCodes.CodeList.SPEND_CATEGORY, "SWIM", " "))
                .isInstanceOfSatisfying(io.github.personalcare.lang.InvalidInputException.class,
                        e -> assertThat(e.rule()).isEqualTo("REQUIRED"));
        assertThatThrownBy(() -> b.add(SupplierCodes.CodeList.SPEND_CATEGORY, "GYM", "Gym again"))
                .isInstanceOfSatisfying(io.github.personalcare.lang.InvalidInputException.class,
                        e -> assertThat(e.rule()).isEqualTo("DUPLICATE"));
        assertThat(b.build().codes(SupplierCodes.CodeList.SPEND_CATEGORY)).containsOnlyKeys("GYM");
    }

    @Test
    @DisplayName("a code the supplier did not list is reported once its list is published complete")
    void anUnlistedSupplierCodeIsReported() {
        ObjectNode export = records.toFhir(BudgetFixtures.record());
        String json = FhirWriter.toJson(export).replace("\"PERSONAL_ASSISTANT\"", "\"NOT_LISTED_BY_SUPPLIER\"");
        assertThat(json).contains("NOT_LISTED_BY_SUPPLIER");
        List<String> reported = new ArrayList<>(validator.errors(json));
        reported.addAll(validator.unexpectedWarnings(json));
        assertThat(reported).anyMatch(m -> m.contains("NOT_LISTED_BY_SUPPLIER"));
    }

    @Test
    @DisplayName("R51 fixtures of every mapper validate with 0 errors and 0 warnings; all SDK codes and extensions are published")
    void everyFixtureHasNoWarnings() {
        List<ObjectNode> exports = new ArrayList<>();
        exports.add(records.toFhir(PatientRecord.of(Fixtures.ada(), Fixtures.adaAudit())));
        exports.add(records.toFhir(PatientRecord.of(Fixtures.sensitiveAda(), List.of())));
        exports.add(records.toFhir(PatientRecord.builder(Fixtures.ada()).careTeams(List.of(CareFixtures.team()))
                .carePlans(List.of(CareFixtures.underReview(), CareFixtures.reagreed())).audit(Fixtures.adaAudit())
                .referrals(List.of(ReferralConsentFixtures.bookedTwoWeekWait()))
                .consents(List.of(ReferralConsentFixtures.carerMaySeeThePlan(),
                        ReferralConsentFixtures.researchOptOutByAttorney()))
                .build()));
        exports.add(records.toFhir(BudgetFixtures.record()));
        exports.add(records.toTransaction(BudgetFixtures.record()));
        PatientFacingMappersTest.everyKindOfEconsultation().forEach(e -> exports.add(new EconsultTaskMapper().toFhir(e)));
        PatientFacingMappersTest.everyKindOfFeedback().forEach(f -> exports.add(new FeedbackMapper().toFhir(f)));
        AppointmentMappingTest.slotFixtures().forEach(s -> exports.add(new SlotMapper().toFhir(s)));
        AppointmentMappingTest.appointmentFixtures().forEach(a -> exports.add(new AppointmentMapper().toFhir(a)));
        for (ObjectNode export : exports) {
            String json = FhirWriter.toJson(export);
            String what = export.path("resourceType").asText() + "/" + export.path("id").asText();
            assertThat(validator.errors(json)).as(what).isEmpty();
            assertThat(validator.unexpectedWarnings(json)).as(what).isEmpty();
            assertEverySdkCodeAndExtensionIsPublished(export);
        }
    }

    @Test
    @DisplayName("R51 the published feedback Questionnaire is itself valid, and a response is checked against it")
    void feedbackIsCheckedAgainstThePublishedQuestionnaire() {
        String questionnaire = FhirWriter.toJson(SdkConformance.feedbackQuestionnaire());
        assertThat(validator.errors(questionnaire)).isEmpty();
        assertThat(validator.unexpectedWarnings(questionnaire)).isEmpty();

        List<Feedback> kinds = PatientFacingMappersTest.everyKindOfFeedback();
        ObjectNode wrongCode = new FeedbackMapper().toFhir(kinds.get(0));
        // An involvement code where the Friends and Family Test answer belongs: outside that question's value set.
        ((ObjectNode) wrongCode.at("/item/0/answer/0/valueCoding")).put("system", FhirSystems.SDK_CODES + "involvement")
                .put("code", "TO_SOME_EXTENT").put("display", "To some extent");
        assertThat(errors(wrongCode)).anyMatch(m -> m.startsWith("ERROR QuestionnaireResponse.item[0].answer[0]")
                && m.contains("not in the options value set"));

        ObjectNode notAsked = new FeedbackMapper().toFhir(kinds.get(0));
        ObjectNode service = ((com.fasterxml.jackson.databind.node.ArrayNode) notAsked.get("item")).addObject();
        service.put("linkId", "service").put("text", FeedbackMapper.QUESTIONS.get("service"));
        service.putArray("answer").addObject().put("valueString", "SVC-1");
        assertThat(errors(notAsked)).anyMatch(m -> m.contains("not enabled (item id = 'service')"));

        ObjectNode unknown = new FeedbackMapper().toFhir(kinds.get(0));
        ((ObjectNode) unknown.at("/item/0")).put("linkId", "mood");
        assertThat(errors(unknown)).anyMatch(m -> m.contains("LinkId 'mood' not found in questionnaire"))
                .anyMatch(m -> m.contains("No response answer found for required item 'experience'"));
    }

    private List<String> errors(ObjectNode resource) {
        return validator.errors(FhirWriter.toJson(resource));
    }

    @Property(tries = 5)
    @Label("R51 generated whole records validate with 0 errors and 0 warnings")
    void generatedRecordsHaveNoWarnings(@ForAll("records") PatientRecord record) {
        String json = FhirWriter.toJson(records.toFhir(record));
        assertThat(validator.errors(json)).isEmpty();
        assertThat(validator.unexpectedWarnings(json)).isEmpty();
    }

    @Property(tries = 200)
    @Label("every SDK code and extension a generated record is written with is in its published resource")
    void everyCodeEmittedIsPublished(@ForAll("records") PatientRecord record) {
        assertEverySdkCodeAndExtensionIsPublished(records.toFhir(record));
    }

    @Property(tries = 50)
    @Label("every resource written has a generated narrative saying only its type, and import ignores it")
    void everyResourceHasAGeneratedNarrativeThatImportIgnores(@ForAll("records") PatientRecord record) {
        ObjectNode bundle = records.toFhir(record);
        for (JsonNode entry : bundle.path("entry")) {
            JsonNode text = entry.path("resource").path("text");
            assertThat(text.path("status").asText()).isEqualTo("generated");
            assertThat(text.path("div").asText()).matches(NARRATIVE)
                    .contains(Narratives.words(entry.path("resource").path("resourceType").asText()));
        }
        FhirImport<PatientRecord> imported = new FhirImporter(FhirLimits.DEFAULT).read(FhirWriter.toJson(bundle),
                records);
        assertThat(imported.ignored()).noneMatch(path -> path.endsWith(".text"));
    }

    @Provide
    Arbitrary<PatientRecord> records() {
        return GeneratedRecords.records();
    }

    /** Every coding of an SDK code system has a published code; every SDK extension (and part) is published. */
    static void assertEverySdkCodeAndExtensionIsPublished(JsonNode document) {
        Map<String, Set<String>> codes = SdkConformance.codesBySystem();
        Map<String, Set<String>> extensions = SdkConformance.partsByExtension();
        walk(document, codes, extensions);
    }

    private static void walk(JsonNode node, Map<String, Set<String>> codes, Map<String, Set<String>> extensions) {
        if (node.isArray()) {
            node.forEach(n -> walk(n, codes, extensions));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        String system = node.path("system").asText("");
        if (system.startsWith(FhirSystems.SDK_CODES) && node.has("code")) {
            assertThat(codes).as("published code systems").containsKey(system);
            Set<String> known = codes.get(system);
            if (!known.isEmpty()) {
                assertThat(known).as(system).contains(node.path("code").asText());
            }
        }
        for (JsonNode extension : node.path("extension")) {
            String url = extension.path("url").asText("");
            if (url.startsWith(FhirSystems.SDK_BASE)) {
                assertThat(extensions).as("published extensions").containsKey(url);
                for (JsonNode part : extension.path("extension")) {
                    assertThat(extensions.get(url)).as(url).contains(part.path("url").asText());
                    for (JsonNode subPart : part.path("extension")) {
                        assertThat(extensions.get(url)).as(url).contains(subPart.path("url").asText());
                    }
                }
            }
        }
        node.forEach(n -> walk(n, codes, extensions));
    }
}
