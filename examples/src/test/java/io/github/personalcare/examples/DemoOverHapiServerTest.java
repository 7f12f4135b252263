package io.github.personalcare.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.personalcare.fhir.rest.FhirClient;
import io.github.personalcare.fhir.rest.FhirSearch;
import io.github.personalcare.fhir.testserver.HapiFhirServer;
import io.github.personalcare.fhir.testserver.InMemoryStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: the demo's own story against a real HAPI FHIR server (fhir-adapter's test helper:
 * HAPI's plain RestfulServer on embedded Jetty, 127.0.0.1, random port) that refuses any write
 * whose references do not resolve, plain and validating against R4 + UK Core. With
 * {@code --fhir-relay} the outbox relay sends each of the story's events as the write it implies
 * (patients, care plans, budgets, referrals, consents, access audits, messages, appointments,
 * prescriptions, e-consultations, feedback) while the story is told; then the record is pushed and
 * read back, and must equal the record the SDK holds.
 */
class DemoOverHapiServerTest {
    /** Every resource type the story writes. */
    static final List<String> TYPES = List.of("Patient", "Organization", "Practitioner", "PractitionerRole",
            "RelatedPerson", "CareTeam", "CarePlan", "Goal", "Account", "ChargeItem", "ServiceRequest", "Consent",
            "AuditEvent", "Communication", "Appointment", "Slot", "Schedule", "MedicationRequest",
            "MedicationStatement", "Task", "QuestionnaireResponse");

    @TempDir
    Path dir;

    private String demo(String... args) {
        var bytes = new ByteArrayOutputStream();
        String[] all = new String[args.length + 2];
        all[0] = "--fhir-out";
        all[1] = dir.resolve("bundle.json").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        Demo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), all);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** How many resources of each type the server holds. */
    private static Map<String, Long> held(String baseUrl) {
        FhirClient fhir = FhirClient.builder(baseUrl).build();
        Map<String, Long> counts = new TreeMap<>();
        for (String type : TYPES) {
            long n = fhir.search(FhirSearch.of(type).count(100)).count();
            if (n > 0) {
                counts.put(type, n);
            }
        }
        return counts;
    }

    /** Tells the story against the server with the relay on; asserts every event and the record were accepted. */
    private void storyAccepted(HapiFhirServer server) {
        String out = demo("--fhir-server", server.baseUrl(), "--fhir-relay");

        assertThat(out).contains("in dependency order and read them back: the same record").doesNotContain("9434765870");
        assertThat(out.lines().filter(l -> l.startsWith("FHIR: the outbox relay sent")))
                .as("every event accepted: nothing refused").singleElement().asString()
                .endsWith("each as the write it implies");
    }

    @Test
    void theStorysEventsRelayedToAServerThatChecksReferencesAreAllAcceptedAndTheRecordReadsBackTheSame()
            throws Exception {
        try (HapiFhirServer server = HapiFhirServer.start(new InMemoryStore(TYPES, true))) {
            storyAccepted(server);

            Map<String, Long> held = held(server.baseUrl());
            assertThat(held).containsKeys("Communication", "Appointment", "Slot", "Schedule", "MedicationRequest",
                    "MedicationStatement", "Task", "AuditEvent");
            assertThat(held).as("feedback is read by the patient and carers only: the relay (the GP) sends none")
                    .doesNotContainKey("QuestionnaireResponse");
        }
    }

    @Test
    void theStorysRecordAndEventsAreAcceptedByAServerValidatingAgainstUkCore() throws Exception {
        try (HapiFhirServer server = HapiFhirServer.startValidating(new InMemoryStore(TYPES, true))) {
            storyAccepted(server);
        }
    }
}
