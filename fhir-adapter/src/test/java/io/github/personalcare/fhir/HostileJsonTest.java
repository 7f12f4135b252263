package io.github.personalcare.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: hostile JSON is refused while it is read, at a precise path, with the memory of what
 * was read so far; allocation is counted (never timed) and compared with Jackson's own tree reader
 * on the same bytes, the baseline the reader replaced.
 */
class HostileJsonTest {
    private final PatientMapper patients = new PatientMapper();
    private final FhirImporter importer = new FhirImporter(FhirLimits.DEFAULT);

    /** {@code {"resourceType":"Bundle","type":"collection","entry":[{},{},...]}} of about {@code bytes}. */
    private static byte[] emptyObjects(int bytes) {
        StringBuilder sb = new StringBuilder(bytes + 64).append("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
        while (sb.length() < bytes) {
            sb.append("{},");
        }
        sb.append("{}]}");
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void tenMegabytesOfEmptyObjectsAreRefusedAtTheArrayLimitWithAFractionOfTheTreeReadersAllocation() {
        byte[] body = emptyObjects(9_600_000); // 3.2 million values: today's 350 MB case

        assertThatExceptionOfType(FhirImportException.class)
                .isThrownBy(() -> importer.read(new ByteArrayInputStream(body), patients))
                .satisfies(e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.rule()).isEqualTo("LIMIT");
                    assertThat(p.jsonPath()).isEqualTo("$.entry[100000]");
                    assertThat(p.message()).startsWith("an array holds more than 100000 elements");
                }));

        long ours = allocated(() -> {
            try {
                return importer.read(new ByteArrayInputStream(body), patients);
            } catch (FhirImportException refused) {
                return null;
            }
        });
        long jacksonTree = allocated(() -> {
            try {
                return new ObjectMapper().readTree(body);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        // Jackson's tree holds all 3.2 million objects; the bounded reader stops at 100,000.
        assertThat(ours).isLessThan(jacksonTree / 10).isLessThan(64L * 1024 * 1024);
    }

    @Test
    void manySmallArraysAreRefusedAtTheValueLimit() {
        FhirImporter strict = new FhirImporter(FhirLimits.DEFAULT.withMaxValues(10_000, 100_000));
        StringBuilder sb = new StringBuilder("{\"resourceType\":\"Patient\",\"extension\":[");
        for (int i = 0; i < 20_000; i++) {
            sb.append(i == 0 ? "" : ",").append("[1]");
        }
        String body = sb.append("]}").toString();

        assertThatExceptionOfType(FhirImportException.class).isThrownBy(() -> strict.read(body, patients))
                .satisfies(e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.rule()).isEqualTo("LIMIT");
                    assertThat(p.message()).startsWith("the document holds more than 10000 values");
                    assertThat(p.jsonPath()).startsWith("$.extension[");
                }));
    }

    @Test
    void aHugeArrayOfNumbersIsRefusedAtTheArrayLimit() {
        FhirImporter strict = new FhirImporter(FhirLimits.DEFAULT.withMaxValues(1_000_000, 1_000));
        String body = "{\"resourceType\":\"Patient\",\"identifier\":[" + "1,".repeat(5_000) + "1]}";

        assertThatExceptionOfType(FhirImportException.class).isThrownBy(() -> strict.read(body, patients))
                .satisfies(e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.rule()).isEqualTo("LIMIT");
                    assertThat(p.jsonPath()).isEqualTo("$.identifier[1000]");
                }));
    }

    @Test
    void aNumberBeyondTheDoubleRangeIsReadExactlyAndRefusedAsAnAmountAtItsPath() {
        ObjectNode charge = new LedgerEntryMapper().toFhir(BudgetFixtures.ledger().get(1));
        String text = FhirWriter.toJson(charge);
        String amount = "\"value\":" + charge.at("/priceOverride/value").asText();
        assumeThat(text).contains(amount);
        String hostile = text.replace(amount, "\"value\":1e309");

        assertThatExceptionOfType(FhirImportException.class)
                .isThrownBy(() -> importer.read(hostile, new LedgerEntryMapper()))
                .satisfies(e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p.jsonPath())
                        .isEqualTo("$.priceOverride.value")));
    }

    @Test
    void aValidRecordReadsAsBeforeWithinTheDefaultLimits() {
        var record = BudgetFixtures.record();
        String bundle = FhirWriter.toJson(new PatientRecordMapper().toFhir(record));
        var read = importer.read(bundle, new PatientRecordMapper());
        assertThat(read.value()).isEqualTo(record);
    }

    /** Bytes this thread allocated running {@code work}, counted by the JVM (the test is skipped where it cannot). */
    private static long allocated(Supplier<Object> work) {
        long before = allocatedSoFar();
        work.get();
        return allocatedSoFar() - before;
    }

    private static long allocatedSoFar() {
        try {
            // reflection: this module reads neither java.management nor jdk.management
            Object threads = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                    .invoke(null);
            return (long) Class.forName("com.sun.management.ThreadMXBean")
                    .getMethod("getCurrentThreadAllocatedBytes").invoke(threads);
        } catch (ReflectiveOperationException | ClassCastException unsupported) {
            assumeThat(unsupported).as("this JVM does not count allocated bytes").isNull();
            return 0;
        }
    }
}
