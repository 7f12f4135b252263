package io.github.personalcare.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.fhir.conformance.UkCoreValidator;
import io.github.personalcare.fhir.rest.FhirClient;
import io.github.personalcare.fhir.rest.FhirServerException;
import io.github.personalcare.fhir.rest.FhirValidationException;
import io.github.personalcare.fhir.testserver.HapiFhirServer;
import io.github.personalcare.fhir.testserver.InMemoryStore;
import io.github.personalcare.fhir.rest.OutcomeIssue;
import io.github.personalcare.record.PatientRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real HAPI FHIR server in its validating mode (HAPI's request validation with the offline
 * R4 + UK Core validator of the conformance tests, and the reference check): the SDK's whole record
 * is accepted as single writes and as one transaction and reads back as the same record; a Patient
 * that breaks a UK Core rule is refused with 422, alone or inside a transaction, and the client
 * surfaces the typed validation failure without the server's diagnostics text.
 */
class RecordOverValidatingFhirServerTest {
    private final PatientRecordMapper records = new PatientRecordMapper();

    /**
     * The shared validator loads R4 and UK Core and builds snapshots on its first validation (15 to
     * 30 s here): done once for the class, outside any request's read timeout.
     */
    @BeforeAll
    static void warmUpTheValidator() {
        assertThat(UkCoreValidator.shared().errors(FhirWriter.toJson(new PatientMapper().toFhir(Fixtures.ada())))).isEmpty();
    }

    @Test
    void aWholeRecordPushedInDependencyOrderToTheValidatingServerReadsBackAsTheSameRecord() {
        PatientRecord record = RecordOverFhirRestTest.wholeRecord(CareFixtures.reagreed());
        assertThat(RecordOverFhirRestTest.pushAndReadBack(record, true, true, RecordOverFhirRestTest::singleWrites))
                .isEqualTo(record);
    }

    @Test
    void aWholeRecordPushedAsOneTransactionToTheValidatingServerReadsBackAsTheSameRecord() {
        PatientRecord record = RecordOverFhirRestTest.wholeRecord(CareFixtures.underReview());
        assertThat(RecordOverFhirRestTest.pushAndReadBack(record, true, true, RecordOverFhirRestTest::oneTransaction))
                .isEqualTo(record);
    }

    @Test
    void aPatientWhoseNhsNumberIdentifierHasNoValueIsRefusedWithTheTypedValidationFailure() throws Exception {
        ObjectNode patient = withoutNhsNumberValue(new PatientMapper().toFhir(Fixtures.ada()));
        InMemoryStore store = new InMemoryStore(Set.of("Patient"), false);
        try (HapiFhirServer server = HapiFhirServer.startValidating(store)) {
            FhirClient fhir = FhirClient.builder(server.baseUrl()).build();
            FhirValidationException refused = catchThrowableOfType(FhirValidationException.class, () -> fhir.upsert(patient));
            assertRefusedForTheNhsNumber(refused);
            assertThat(store.count()).isZero();
        }
    }

    @Test
    void aTransactionHoldingAPatientWhoseNhsNumberIdentifierHasNoValueIsRefusedWhole() throws Exception {
        List<ObjectNode> resources = new ArrayList<>(records.resources(RecordOverFhirRestTest.wholeRecord(CareFixtures.agreed())));
        resources.replaceAll(r -> r.path("resourceType").asText().equals("Patient") ? withoutNhsNumberValue(r) : r);
        InMemoryStore store = new InMemoryStore(RecordOverFhirRestTest.types(resources), true);
        try (HapiFhirServer server = HapiFhirServer.startValidating(store)) {
            FhirClient fhir = FhirClient.builder(server.baseUrl()).build();
            FhirValidationException refused = catchThrowableOfType(FhirValidationException.class,
                    () -> fhir.pushAsTransaction(resources));
            assertRefusedForTheNhsNumber(refused);
            assertThat(store.count()).isZero();
        }
    }

    /** UK Core Patient: the {@code nhsNumber} identifier slice requires a value. */
    private static ObjectNode withoutNhsNumberValue(ObjectNode patient) {
        ObjectNode broken = patient.deepCopy();
        for (JsonNode identifier : broken.path("identifier")) {
            if (identifier.path("system").asText().equals(FhirSystems.NHS_NUMBER)) {
                ((ObjectNode) identifier).remove("value");
            }
        }
        return broken;
    }

    private static void assertRefusedForTheNhsNumber(FhirValidationException refused) {
        assertThat(refused).isNotNull();
        assertThat(refused.failure()).isEqualTo(FhirServerException.Failure.VALIDATION_FAILED);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.retryable()).isFalse();
        List<OutcomeIssue> errors = refused.issues().stream()
                .filter(i -> i.severity().equals("error") || i.severity().equals("fatal")).toList();
        assertThat(errors).isNotEmpty().allSatisfy(i -> assertThat(i.code()).isNotEmpty());
        assertThat(errors).anySatisfy(i -> assertThat(i.expression()).anySatisfy(e -> assertThat(e).contains(".identifier[0]")));
        // the message names the status and issue codes only: no diagnostics, no patient data
        assertThat(refused.getMessage()).startsWith("FHIR server answered 422")
                .doesNotContain("minimum", "nhsNumber", "Patient.identifier", Fixtures.ada().nhsNumber().value());
    }
}
