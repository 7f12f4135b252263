package io.github.personalcare.fhir.rest;

import io.github.personalcare.fhir.testserver.HapiFhirServer;
import io.github.personalcare.fhir.testserver.InMemoryStore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against a real FHIR server: HAPI FHIR's plain RestfulServer with an in-memory,
 * versioned Patient provider and HAPI's paging, on embedded Jetty bound to 127.0.0.1 on a random
 * port inside the test JVM.
 */
class HapiServerTest {
    private static final String NHS = "https://fhir.nhs.uk/Id/nhs-number";
    private static final FhirContext R4 = HapiFhirServer.R4;
    private static final PatientProvider patients = new PatientProvider();
    private static HapiFhirServer server;
    private static FhirClient fhir;

    /** Patients with every version kept; conditional create by identifier; If-Match checked. */
    public static final class PatientProvider implements IResourceProvider {
        private final Map<String, List<Patient>> versions = new LinkedHashMap<>();
        private int nextId = 1;

        @Override
        public Class<Patient> getResourceType() {
            return Patient.class;
        }

        synchronized void clear() {
            versions.clear();
        }

        synchronized int count() {
            return versions.size();
        }

        private Patient store(String id, Patient patient) {
            List<Patient> history = versions.computeIfAbsent(id, k -> new ArrayList<>());
            Patient copy = patient.copy();
            copy.setId(new IdType("Patient", id, Integer.toString(history.size() + 1)));
            copy.getMeta().setVersionId(Integer.toString(history.size() + 1));
            history.add(copy);
            return copy;
        }

        private MethodOutcome outcome(Patient stored, boolean created) {
            MethodOutcome outcome = new MethodOutcome(stored.getIdElement());
            outcome.setCreated(created);
            outcome.setResource(stored);
            return outcome;
        }

        @Read(version = true)
        public synchronized Patient read(@IdParam IdType id) {
            List<Patient> history = versions.get(id.getIdPart());
            if (history == null) {
                throw new ResourceNotFoundException(id);
            }
            if (id.hasVersionIdPart()) {
                int v = Integer.parseInt(id.getVersionIdPart());
                if (v < 1 || v > history.size()) {
                    throw new ResourceNotFoundException(id);
                }
                return history.get(v - 1);
            }
            return history.get(history.size() - 1);
        }

        @Create
        public synchronized MethodOutcome create(@ResourceParam Patient patient, @ConditionalUrlParam String conditional) {
            if (conditional != null) {
                String token = conditional.substring(conditional.indexOf("identifier=") + "identifier=".length());
                List<Patient> found = matching(token);
                if (!found.isEmpty()) {
                    return outcome(found.get(0), false);
                }
            }
            return outcome(store("hapi-" + nextId++, patient), true);
        }

        @Update
        public synchronized MethodOutcome update(@IdParam IdType id, @ResourceParam Patient patient) {
            List<Patient> history = versions.get(id.getIdPart());
            if (id.hasVersionIdPart() && (history == null || !id.getVersionIdPart().equals(Integer.toString(history.size())))) {
                throw new ResourceVersionConflictException("version is not the current one");
            }
            return outcome(store(id.getIdPart(), patient), history == null);
        }

        @Search
        public synchronized IBundleProvider search(@OptionalParam(name = Patient.SP_IDENTIFIER) TokenParam identifier) {
            List<IBaseResource> found = new ArrayList<>();
            if (identifier == null) {
                versions.values().forEach(h -> found.add(h.get(h.size() - 1)));
            } else {
                found.addAll(matching(identifier.getSystem() + "|" + identifier.getValue()));
            }
            return new SimpleBundleProvider(found);
        }

        private List<Patient> matching(String token) {
            String decoded = java.net.URLDecoder.decode(token, java.nio.charset.StandardCharsets.UTF_8);
            return versions.values().stream().map(h -> h.get(h.size() - 1))
                    .filter(p -> p.getIdentifier().stream().anyMatch(i -> (i.getSystem() + "|" + i.getValue()).equals(decoded)))
                    .collect(Collectors.toList());
        }
    }

    @BeforeAll
    static void startServer() throws Exception {
        server = HapiFhirServer.start(List.of(patients));
        fhir = FhirClient.builder(server.baseUrl()).build();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @BeforeEach
    void emptyServer() {
        patients.clear();
    }

    private static ObjectNode patient(String nhsNumber, String family) {
        Patient p = new Patient();
        p.addIdentifier(new Identifier().setSystem(NHS).setValue(nhsNumber));
        p.addName().setFamily(family);
        return FhirClientTest.json(R4.newJsonParser().encodeResourceToString(p));
    }

    @Test
    void theServersCapabilityStatementDeclaresWhatTheClientNeeds() {
        fhir.requireInteractions("Patient", "read", "vread", "create", "update", "search-type");
    }

    @Test
    void aCreatedPatientIsReadAndReadAtItsVersion() {
        WriteResult created = fhir.create(patient("9434765870", "Lovelace"));
        assertThat(created.created()).isTrue();
        assertThat(created.versionId()).contains("1");
        ObjectNode read = fhir.read("Patient", created.id());
        assertThat(read.path("name").get(0).path("family").asText()).isEqualTo("Lovelace");
        assertThat(fhir.vread("Patient", created.id(), "1").path("meta").path("versionId").asText()).isEqualTo("1");
        assertThatExceptionOfType(FhirNotFoundException.class).isThrownBy(() -> fhir.vread("Patient", created.id(), "2"));
    }

    @Test
    void aConditionalCreateSentTwiceLeavesOneResource() {
        WriteResult first = fhir.createIfNoneExist(patient("9434765870", "Lovelace"), NHS, "9434765870");
        WriteResult second = fhir.createIfNoneExist(patient("9434765870", "Lovelace"), NHS, "9434765870");
        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(patients.count()).isEqualTo(1);
    }

    @Test
    void anUpdateFromAStaleVersionIsATypedConflictAndChangesNothing() {
        WriteResult created = fhir.create(patient("9434765870", "Lovelace"));
        ObjectNode v1 = fhir.read("Patient", created.id());
        WriteResult v2 = fhir.update(v1.deepCopy().put("gender", "female"), "1");
        assertThat(v2.versionId()).contains("2");
        assertThatExceptionOfType(FhirVersionConflictException.class)
                .isThrownBy(() -> fhir.update(v1.deepCopy().put("gender", "male"), "1"))
                .satisfies(e -> assertThat(e.retryable()).isFalse());
        assertThat(fhir.read("Patient", created.id()).path("gender").asText()).isEqualTo("female");
    }

    @Test
    void aSearchPagesThroughAll250Patients() {
        for (int i = 0; i < 250; i++) {
            fhir.create(patient("n" + i, "Family" + i));
        }
        List<String> ids = fhir.search(FhirSearch.of("Patient").count(50)).map(p -> p.path("id").asText())
                .collect(Collectors.toList());
        assertThat(ids).hasSize(250).doesNotHaveDuplicates();
    }

    @Test
    void aSearchByIdentifierFindsThePatient() {
        fhir.create(patient("9434765870", "Lovelace"));
        fhir.create(patient("9000000009", "Babbage"));
        assertThat(fhir.search(FhirSearch.of("Patient").byIdentifier(NHS, "9000000009")))
                .extracting(p -> p.path("name").get(0).path("family").asText()).containsExactly("Babbage");
    }
}
