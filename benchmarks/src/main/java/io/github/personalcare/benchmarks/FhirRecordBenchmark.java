package io.github.personalcare.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.examples.Demo;
import io.github.personalcare.fhir.FhirImporter;
import io.github.personalcare.fhir.FhirLimits;
import io.github.personalcare.fhir.FhirWriter;
import io.github.personalcare.record.PatientRecord;
import io.github.personalcare.fhir.PatientRecordMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The demo patient's whole record (care team, care plan with goals, budget and ledger, referral,
 * consents, audit trail) as a FHIR Bundle: exporting it to JSON text, and importing that text back
 * with every check the importer makes. The record is built once by running the demo story.
 * Run: {@code mvn -q -B -pl benchmarks -am compile exec:exec -Dexec.executable=java -Dexec.args="-cp %classpath org.openjdk.jmh.Main FhirRecordBenchmark"}.
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
    private PatientRecord record;
    private String bundle;

    @Setup(Level.Trial)
    public void tellTheStory() throws IOException {
        Path file = Files.createTempFile("patient-bundle", ".json");
        try {
            Demo.run(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8),
                    "--fhir-out", file.toString());
            bundle = Files.readString(file);
        } finally {
            Files.deleteIfExists(file);
        }
        record = importer.read(bundle, mapper).value();
    }

    /** Domain record to FHIR JSON text. */
    @Benchmark
    public String exportBundle() {
        ObjectNode json = mapper.toFhir(record);
        return FhirWriter.toJson(json);
    }

    /** FHIR JSON text to the domain record: bounded parse, every mapper, every check. */
    @Benchmark
    public PatientRecord importBundle() {
        return importer.read(bundle, mapper).value();
    }
}
