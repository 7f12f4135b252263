package io.github.personalcare.examples;

import io.github.personalcare.record.PatientRecord;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.audit.AuditChain;
import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.fhir.FhirImporter;
import io.github.personalcare.fhir.FhirLimits;
import io.github.personalcare.fhir.FhirWriter;

import io.github.personalcare.fhir.PatientRecordMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;

/**
 * FHIR gives a Bundle's entries no order: the demo patient's whole record, as the demo writes it,
 * imports as the same record whatever the order of its entries, and its audit chain verifies (R50).
 */
class DemoBundleOrderPropertiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUNDLE = demoBundle();

    private final FhirImporter importer = new FhirImporter(FhirLimits.DEFAULT);
    private final PatientRecordMapper mapper = new PatientRecordMapper();

    private static String demoBundle() {
        try {
            Path out = Files.createTempFile("demo-bundle", ".json");
            try {
                Demo.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), "--fhir-out",
                        out.toString());
                return Files.readString(out);
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Property(tries = 30)
    @Label("R50 any order of the demo Bundle's entries imports as the same record and the audit chain verifies")
    void anyEntryOrderImportsAsTheSameRecord(@ForAll Random random) throws IOException {
        PatientRecord inOrder = importer.read(BUNDLE, mapper).value();
        ObjectNode bundle = (ObjectNode) JSON.readTree(BUNDLE);
        List<JsonNode> entries = new ArrayList<>();
        bundle.withArray("entry").forEach(entries::add);
        Collections.shuffle(entries, random);
        ArrayNode shuffled = bundle.putArray("entry");
        entries.forEach(shuffled::add);

        PatientRecord back = importer.read(FhirWriter.toJson(bundle), mapper).value();

        assertThat(back).isEqualTo(inOrder);
        assertThat(back.audit()).hasSizeGreaterThan(1);
        assertThat(back.ledger()).isNotEmpty();
        List<AuditRecord> chain = back.audit();
        assertThat(AuditChain.verify(back.patient().id().value().toString(), chain,
                Optional.of(chain.get(chain.size() - 1))).isIntact()).isTrue();
    }
}
