package io.github.personalcare.benchmarks;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.examples.Demo;
import io.github.personalcare.fhir.FhirImporter;
import io.github.personalcare.fhir.FhirLimits;
import io.github.personalcare.fhir.FhirWriter;
import io.github.personalcare.fhir.PatientRecordMapper;
import io.github.personalcare.record.PatientRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A patient's whole record as a FHIR Bundle, the SDK beside HAPI FHIR in the same run (issue 14):
 * the SDK's export (domain record to JSON text, compact and pretty, and compact to a stream), its
 * import (JSON text to the domain record, bounded parse and every check), and, on the same compact
 * JSON, HAPI FHIR's R4 JSON parser parsing it into HAPI's model and encoding that model back.
 *
 * <p>{@code record}: {@code demo} is the demo patient's record, built by running the demo story;
 * {@code large} is {@link LargeRecord} (a plan with 10 goals and 20 actions, a budget with 200
 * ledger entries, 3 referrals, 5 consents and the audit trail). Run:
 * {@code mvn -q -B -pl benchmarks -am compile exec:exec -Dexec.executable=java -Dexec.args="-cp %classpath org.openjdk.jmh.Main FhirRecordBenchmark -prof gc"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FhirRecordBenchmark {
    private final PatientRecordMapper mapper = new PatientRecordMapper();
    private final FhirImporter importer = new FhirImporter(FhirLimits.DEFAULT);
    @Param({"demo", "large"})
    public String record;
    private PatientRecord value;
    private String compact;
    private IParser hapi;
    private Bundle hapiBundle;

    @Setup(Level.Trial)
    public void build() throws IOException {
        value = "demo".equals(record) ? demoRecord() : LargeRecord.build();
        compact = FhirWriter.toJson(mapper.toFhir(value));
        // The import must pass every check, or the figures would be those of a refusal.
        if (!importer.read(compact, mapper).value().equals(value)) {
            throw new IllegalStateException("the record does not round-trip");
        }
        // HAPI's context scans its model once; created here, never in a measured call.
        hapi = FhirContext.forR4().newJsonParser();
        hapiBundle = hapi.parseResource(Bundle.class, compact);
    }

    private PatientRecord demoRecord() throws IOException {
        Path file = Files.createTempFile("patient-bundle", ".json");
        try {
            Demo.run(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8),
                    "--fhir-out", file.toString());
            return importer.read(Files.readString(file), mapper).value();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** SDK: domain record to compact FHIR JSON text (the default, as sent over REST). */
    @Benchmark
    public String sdkExportCompact() {
        return FhirWriter.toJson(mapper.toFhir(value));
    }

    /** SDK: domain record to pretty FHIR JSON text (files people read). */
    @Benchmark
    public String sdkExportPretty() {
        return FhirWriter.toJson(mapper.toFhir(value), FhirWriter.Style.PRETTY);
    }

    /** SDK: domain record streamed as compact UTF-8 to an output stream, no text in between. */
    @Benchmark
    public void sdkExportToStream() throws IOException {
        FhirWriter.write(mapper.toFhir(value), OutputStream.nullOutputStream());
    }

    /** SDK: compact FHIR JSON text to the domain record: bounded parse, every mapper, every check. */
    @Benchmark
    public PatientRecord sdkImport(ImportInput input) {
        return importer.read(input.json, mapper).value();
    }

    /** Baseline: HAPI FHIR parses the same compact JSON into its R4 model. */
    @Benchmark
    public Bundle hapiParse(ImportInput input) {
        return hapi.parseResource(Bundle.class, input.json);
    }

    /**
     * The JSON both importers read. {@code generated}: the SDK's export as it is, every resource
     * with its generated narrative ({@code text.div}, XHTML that HAPI parses into its XML model and
     * the SDK skips as derived). {@code none}: the same Bundle with every {@code text} removed, as
     * many other systems send it, so the comparison does not rest on the narratives alone.
     */
    @State(Scope.Benchmark)
    public static class ImportInput {
        @Param({"generated", "none"})
        public String narrative;
        String json;

        @Setup(Level.Trial)
        public void build(FhirRecordBenchmark state) throws IOException {
            json = "none".equals(narrative) ? withoutNarratives(state.compact) : state.compact;
            if (!state.importer.read(json, state.mapper).value().equals(state.value)) {
                throw new IllegalStateException("the record does not round-trip without narratives");
            }
        }

        private static String withoutNarratives(String bundle) throws IOException {
            ObjectMapper json = new ObjectMapper();
            ObjectNode root = (ObjectNode) json.readTree(bundle);
            root.remove("text");
            for (JsonNode entry : root.path("entry")) {
                JsonNode resource = entry.path("resource");
                if (resource instanceof ObjectNode r) {
                    r.remove("text");
                }
            }
            return json.writeValueAsString(root);
        }
    }

    /** Baseline: HAPI FHIR encodes that model back to JSON text. */
    @Benchmark
    public String hapiEncode() {
        return hapi.encodeResourceToString(hapiBundle);
    }
}
