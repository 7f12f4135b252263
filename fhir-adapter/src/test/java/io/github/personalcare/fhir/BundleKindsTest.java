package io.github.personalcare.fhir;

import io.github.personalcare.record.PatientRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.lang.InvalidInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kind of Bundle that carries a record is read: collection, transaction, batch, document,
 * searchset (a search or {@code Patient/$everything} result, its pages joined first); a server's
 * responses and other kinds are refused with the reason.
 */
class BundleKindsTest {
    private static final String BASE = "https://fhir.example.nhs.uk/R4/";

    private final FhirImporter importer = new FhirImporter(FhirLimits.DEFAULT);
    private final PatientRecordMapper mapper = new PatientRecordMapper();
    private final PatientRecord record = BudgetFixtures.record();

    private PatientRecord imported(JsonNode bundle) {
        return importer.read(FhirWriter.toJson(bundle), mapper).value();
    }

    /**
     * The record as a server returns it from {@code Patient/<id>/$everything}: absolute fullUrls,
     * relative {@code Type/id} references, every entry with its search mode, and an outcome entry.
     */
    private ObjectNode everything(List<ObjectNode> resources) {
        ObjectNode bundle = JsonNodeFactory.instance.objectNode();
        bundle.put("resourceType", "Bundle");
        bundle.put("type", "searchset");
        bundle.putArray("link").addObject().put("relation", "self")
                .put("url", BASE + "Patient/" + record.patient().id() + "/$everything");
        ArrayNode entries = bundle.putArray("entry");
        Set<String> seen = new HashSet<>();
        for (ObjectNode r : resources) {
            String key = r.get("resourceType").asText() + "/" + r.get("id").asText();
            if (!seen.add(key)) {
                continue; // the record names some resources twice; a server returns each once
            }
            ObjectNode entry = entries.addObject();
            entry.put("fullUrl", BASE + key);
            entry.set("resource", r.deepCopy());
            entry.putObject("search").put("mode", "Patient".equals(r.get("resourceType").asText()) ? "match" : "include");
        }
        ObjectNode outcome = entries.addObject();
        outcome.putObject("resource").put("resourceType", "OperationOutcome").putArray("issue").addObject()
                .put("severity", "information").put("code", "informational");
        outcome.putObject("search").put("mode", "outcome");
        return bundle;
    }

    @Test
    @DisplayName("a $everything searchset with absolute fullUrls and relative references imports as the collection does")
    void everythingSearchsetImports() {
        PatientRecord fromCollection = imported(mapper.toFhir(record));

        ObjectNode everything = everything(mapper.resources(record));
        int outcome = everything.get("entry").size() - 1;

        FhirImport<PatientRecord> result = importer.read(FhirWriter.toJson(everything), mapper);

        assertThat(result.value()).isEqualTo(fromCollection);
        assertThat(result.ignored()).contains("$.entry[" + outcome + "].resource");
    }

    @Test
    @DisplayName("a searchset with a next link is one page of a paged result: refused with BUNDLE_PAGED at the link")
    void aPageOfAPagedResultIsRefused() {
        ObjectNode page = everything(mapper.resources(record));
        ((ArrayNode) page.get("link")).addObject().put("relation", "next").put("url", BASE + "?page=2");

        List<ImportProblem> problems = FhirJsonForTests.problems(page, mapper);

        assertThat(problems).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("$.link[1]", "BUNDLE_PAGED"));
    }

    @Test
    @DisplayName("pages joined with joinPages import as one record; a resource included on two pages is kept once")
    void joinedPagesImport() {
        List<ObjectNode> resources = mapper.resources(record);
        int half = resources.size() / 2;
        ObjectNode first = everything(resources.subList(0, half + 1));
        ((ArrayNode) first.get("link")).addObject().put("relation", "next").put("url", BASE + "?page=2");
        // the second page repeats the last resource of the first, as an include may be
        ObjectNode second = everything(resources.subList(half, resources.size()));
        int distinct = everything(resources).get("entry").size();

        ObjectNode joined = FhirBundles.joinPages(List.of(first, second));

        assertThat(joined.get("link")).isNull();
        // the outcome entries have no fullUrl, so each page's is kept
        assertThat(joined.get("total").asInt()).isEqualTo(distinct + 1);
        assertThat(imported(joined)).isEqualTo(imported(mapper.toFhir(record)));
    }

    @Test
    @DisplayName("joinPages refuses a page that is not a searchset Bundle, and no pages at all")
    void joinPagesRefusesWhatIsNotAPage() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> FhirBundles.joinPages(List.of(mapper.toFhir(record))))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("BUNDLE_TYPE"));
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> FhirBundles.joinPages(List.of()));
    }

    @Test
    @DisplayName("a document Bundle imports; its Composition is reported as ignored")
    void documentImports() {
        ObjectNode bundle = mapper.toFhir(record);
        bundle.put("type", "document");
        ObjectNode composition = JsonNodeFactory.instance.objectNode();
        composition.put("resourceType", "Composition");
        composition.put("id", "c1");
        composition.put("status", "final");
        ArrayNode entries = bundle.putArray("entry");
        entries.addObject().put("fullUrl", "urn:uuid:6f0e0d4e-3c1b-4a5e-9f47-2b9a1d0c7e11").set("resource", composition);
        mapper.toFhir(record).get("entry").forEach(entries::add);

        FhirImport<PatientRecord> result = importer.read(FhirWriter.toJson(bundle), mapper);

        assertThat(result.value()).isEqualTo(imported(mapper.toFhir(record)));
        assertThat(result.ignored()).contains("$.entry[0].resource");
    }

    @Test
    @DisplayName("a batch Bundle of PUTs imports as the transaction does")
    void batchImports() {
        ObjectNode batch = mapper.toTransaction(record);
        batch.put("type", "batch");
        assertThat(imported(batch)).isEqualTo(imported(mapper.toTransaction(record)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"transaction-response", "batch-response"})
    @DisplayName("a server's transaction or batch response is refused with BUNDLE_RESPONSE: it holds outcomes, not the record")
    void responsesAreRefused(String type) {
        ObjectNode response = mapper.toTransaction(record);
        response.put("type", type);

        List<ImportProblem> problems = FhirJsonForTests.problems(response, mapper);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.jsonPath()).isEqualTo("$.type");
            assertThat(p.rule()).isEqualTo("BUNDLE_RESPONSE");
            assertThat(p.message()).contains("response");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"history", "message", "something-else"})
    @DisplayName("history, message and unknown Bundle types are refused with BUNDLE_TYPE at $.type")
    void otherKindsAreRefused(String type) {
        ObjectNode bundle = mapper.toFhir(record);
        bundle.put("type", type);

        assertThat(FhirJsonForTests.problems(bundle, mapper)).singleElement()
                .satisfies(p -> assertThat(List.of(p.jsonPath(), p.rule())).containsExactly("$.type", "BUNDLE_TYPE"));
    }

    @Test
    @DisplayName("entries without resource.id take the uuid of their urn:uuid fullUrl (ID_FROM_FULL_URL), and "
            + "references by urn:uuid and by Type/uuid resolve to them")
    void idsFromUrnUuidFullUrls() {
        PatientRecord expected = imported(mapper.toFhir(record));
        ObjectNode bundle = mapper.toTransaction(record);
        String patientUrl = null;
        for (JsonNode entry : bundle.get("entry")) {
            ObjectNode resource = (ObjectNode) entry.get("resource");
            if ("Patient".equals(resource.get("resourceType").asText())) {
                patientUrl = entry.get("fullUrl").asText();
            }
            resource.remove("id");
        }
        // one reference to the patient as Type/uuid instead of the fullUrl
        String patientRef = "Patient/" + patientUrl.substring("urn:uuid:".length());
        int rewritten = 0;
        for (JsonNode entry : bundle.get("entry")) {
            rewritten += rewrite(entry.get("resource"), patientUrl, patientRef);
        }
        assertThat(rewritten).isPositive();

        FhirImport<PatientRecord> result = importer.read(FhirWriter.toJson(bundle), mapper);

        assertThat(result.value()).isEqualTo(expected);
        assertThat(result.warnings()).extracting(ImportProblem::rule).containsOnly("ID_FROM_FULL_URL");
        assertThat(result.warnings()).extracting(ImportProblem::jsonPath).contains("$.entry[0].fullUrl");
        assertThat(FhirWriter.toJson(mapper.toFhir(result.value()))).isEqualTo(FhirWriter.toJson(mapper.toFhir(expected)));
    }

    @Test
    @DisplayName("an entry without resource.id and without a urn:uuid fullUrl is refused with ID_MISSING")
    void noIdAndNoUrnUuidIsRefused() {
        ObjectNode bundle = mapper.toFhir(record);
        ObjectNode first = (ObjectNode) bundle.get("entry").get(0);
        ((ObjectNode) first.get("resource")).remove("id");
        first.put("fullUrl", BASE + "Patient/somewhere");

        assertThatExceptionOfType(FhirImportException.class)
                .isThrownBy(() -> importer.read(FhirWriter.toJson(bundle), mapper))
                .satisfies(e -> assertThat(e.problems()).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                        .contains(org.assertj.core.groups.Tuple.tuple("$.entry[0].resource.id", "ID_MISSING")));
    }

    @Test
    @DisplayName("FhirImporter.mapEntry reads one entry on its own, its id from a urn:uuid fullUrl")
    void oneEntryOnItsOwn() {
        ObjectNode bundle = mapper.toFhir(record);
        ObjectNode entry = ((ObjectNode) bundle.get("entry").get(0)).deepCopy();
        String id = ((ObjectNode) entry.get("resource")).remove("id").asText();

        FhirImport<io.github.personalcare.patient.Patient> result = FhirImporter.mapEntry(entry, new PatientMapper());

        assertThat(result.value()).isEqualTo(record.patient());
        assertThat(result.value().id().value().toString()).isEqualTo(id);
        assertThat(result.warnings()).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("$.fullUrl", "ID_FROM_FULL_URL"));
        entry.remove("fullUrl");
        assertThatExceptionOfType(FhirImportException.class).isThrownBy(() -> FhirImporter.mapEntry(entry, new PatientMapper()))
                .satisfies(e -> assertThat(e.problems()).extracting(ImportProblem::rule).contains("ID_MISSING"));
    }

    // every reference to the patient by its fullUrl becomes Type/uuid; references to other entries stay urn:uuid
    private static int rewrite(JsonNode node, String from, String to) {
        int n = 0;
        if (node.isObject() && from.equals(node.path("reference").asText()) && node.size() > 0) {
            ((ObjectNode) node).put("reference", to);
            n++;
        }
        for (JsonNode child : node) {
            n += rewrite(child, from, to);
        }
        return n;
    }
}
