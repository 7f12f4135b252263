package io.github.personalcare.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Hostile or broken bodies give a typed error naming the location, with bounded memory; nothing is imported. */
class BadInputTest {
    private final PatientMapper patients = new PatientMapper();

    private FhirImportException refused(String body) {
        return FhirJsonForTests.refused(body, patients);
    }

    private String adaJson() {
        return FhirWriter.toJson(patients.toFhir(Fixtures.ada()));
    }

    @Test
    void malformedJsonNamesPathLineAndColumnButNotTheContent() {
        FhirImportException e = refused("{\n  \"resourceType\": \"Patient\",\n  \"name\": [ {\"family\": Lovelace} ]\n}");
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.jsonPath()).isEqualTo("$.name[0].family");
            assertThat(p.rule()).isEqualTo("JSON");
            assertThat(p.message()).isEqualTo("malformed JSON at line 3, column 32");
        });
        assertThat(e.getMessage()).doesNotContain("Lovelace");
    }

    @Test
    void truncatedJsonIsReportedAsUnexpectedEnd() {
        assertThat(refused("{\"resourceType\": \"Patient\", \"name\": [").problems())
                .singleElement().satisfies(p -> assertThat(p.message()).startsWith("unexpected end of input"));
    }

    @Test
    void emptyBodyIsRefused() {
        assertThat(refused("").problems()).singleElement()
                .isEqualTo(new ImportProblem("$", "JSON", "body is empty"));
    }

    @Test
    void repeatedKeyIsRefusedRatherThanSilentlyOverwritten() {
        FhirImportException e = refused("{\"resourceType\": \"Patient\", \"birthDate\": \"1950-12-10\", \"birthDate\": \"1999-01-01\"}");
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("JSON");
            assertThat(p.jsonPath()).isEqualTo("$.birthDate");
            assertThat(p.message()).startsWith("a key appears twice in one object at line 1");
        });
        assertThat(e.getMessage()).doesNotContain("1999");

        FhirImportException nested = refused("{\"resourceType\": \"Patient\", \"name\": [{\"family\": \"A\", "
                + "\"given\": [\"B\"], \"family\": \"C\"}]}");
        assertThat(nested.problems()).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("JSON");
            assertThat(p.jsonPath()).isEqualTo("$.name[0].family");
        });
    }

    @Test
    void trailingContentAfterTheResourceIsRefused() {
        assertThat(refused(adaJson() + " {}").problems()).singleElement()
                .satisfies(p -> assertThat(p.rule()).isEqualTo("JSON"));
    }

    @Test
    void wrongResourceTypeIsNamed() {
        assertThat(refused(adaJson().replace("\"Patient\"", "\"Organization\"")).problems())
                .containsExactly(new ImportProblem("$.resourceType", "RESOURCE_TYPE", "must be Patient"));
    }

    @Test
    void aJsonArrayIsNotAResource() {
        assertThat(refused("[1, 2]").problems())
                .containsExactly(new ImportProblem("$", "STRUCTURE", "must be a JSON object"));
    }

    @Test
    void missingRequiredElementsAreEachListed() {
        ObjectNode json = patients.toFhir(Fixtures.ada());
        json.remove("birthDate");
        json.remove("name");
        assertThat(refused(FhirWriter.toJson(json)).problems()).extracting(ImportProblem::jsonPath)
                .containsExactly("$.name", "$.birthDate");
    }

    @Test
    @DisplayName("R1 an NHS number with a wrong check digit is refused at its path, without the number")
    void r1WrongCheckDigitIsRefusedAtItsPath() {
        FhirImportException e = refused(adaJson().replace("9434765870", "9434765871"));
        assertThat(e.problems()).containsExactly(new ImportProblem("$.identifier[0].value", "R1",
                "nhsNumber: check digit does not match (R1)"));
        assertThat(e.getMessage()).doesNotContain("943476587");
    }

    @Test
    void aWrongTypeOfJsonValueIsNamed() {
        assertThat(refused(adaJson().replace("\"1950-12-10\"", "19501210")).problems())
                .containsExactly(new ImportProblem("$.birthDate", "STRUCTURE", "must be a string"));
    }

    @Test
    void fiftyMegabyteBodyIsRefusedAfterReadingNoMoreThanTheLimit() {
        long fifty = 50L * 1024 * 1024;
        GeneratedBody body = new GeneratedBody(fifty);
        FhirImporter small = new FhirImporter(FhirLimits.DEFAULT.withMaxBytes(1024 * 1024));
        assertThatExceptionOfType(FhirImportException.class)
                .isThrownBy(() -> small.read(body, patients))
                .satisfies(e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.rule()).isEqualTo("LIMIT");
                    assertThat(p.message()).contains("1048576 bytes");
                }));
        // Refused early: at most the limit plus one read-ahead buffer was taken from the stream.
        assertThat(body.served()).isLessThanOrEqualTo(1024 * 1024 + 64 * 1024);
    }

    @Test
    void deeplyNestedJsonIsRefusedAtTheDepthLimit() {
        String deep = "{\"resourceType\": \"Patient\", \"extension\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        assertThat(refused(deep).problems()).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("LIMIT");
            assertThat(p.message()).startsWith("nesting is deeper than 64");
            assertThat(p.jsonPath()).startsWith("$.extension[0][0][0]");
        });
    }

    @Test
    void overlongStringIsRefused() {
        FhirImporter strict = new FhirImporter(new FhirLimits(10_000_000, 64, 1000, 64));
        String body = "{\"resourceType\": \"Patient\", \"id\": \"" + "x".repeat(5000) + "\"}";
        assertThatExceptionOfType(FhirImportException.class).isThrownBy(() -> strict.read(body, patients))
                .satisfies(e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.rule()).isEqualTo("LIMIT");
                    assertThat(p.jsonPath()).isEqualTo("$.id");
                }));
    }

    @Test
    void overlongNumberIsRefused() {
        String body = "{\"resourceType\": \"Patient\", \"x\": " + "9".repeat(1000) + "}";
        assertThat(refused(body).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("a number is longer than 64"));
    }

    @Test
    void aHugeNumberOfProblemsIsCappedSoTheListStaysBounded() {
        StringBuilder body = new StringBuilder("{\"resourceType\": \"Patient\", \"identifier\": [");
        for (int i = 0; i < 1000; i++) {
            body.append(i == 0 ? "" : ",").append("1");
        }
        body.append("]}");
        assertThat(refused(body.toString()).problems()).hasSize(ImportContext.MAX_PROBLEMS);
    }

    /** A body of {@code size} bytes made up on demand (an endless JSON string), counting what was read. */
    private static final class GeneratedBody extends InputStream {
        private final long size;
        private long served;

        GeneratedBody(long size) {
            this.size = size;
        }

        long served() {
            return served;
        }

        @Override
        public int read() {
            if (served >= size) {
                return -1;
            }
            byte[] prefix = "{\"resourceType\": \"Patient\", \"text\": \"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            int b = served < prefix.length ? prefix[(int) served] : 'a';
            served++;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (served >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - served);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) read();
            }
            return n;
        }
    }
}
