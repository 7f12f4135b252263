package io.github.personalcare.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.record.PatientRecord;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: the streaming writer. In pretty mode it writes the same bytes as the databind writer it
 * replaced (kept here as the oracle: an ObjectWriter with the same pretty printer, text then UTF-8),
 * whether to a String or to a stream, for whole generated records (non-ASCII names and free text,
 * amounts with trailing zeros) and for arbitrary trees (emoji, control characters, every number
 * kind); compact mode writes what Jackson writes without a pretty printer.
 */
class FhirWriterTest {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();
    private static final ObjectWriter BEFORE_PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final PatientRecordMapper records = new PatientRecordMapper();

    @Property(tries = 60)
    void prettyIsByteForByteTheFormerCanonicalFormForWholeRecords(@ForAll("records") PatientRecord record)
            throws IOException {
        assertSameBytes(records.toFhir(record));
        assertSameBytes(records.toTransaction(record));
    }

    @Property(tries = 300)
    void prettyAndCompactMatchJacksonForAnyTree(@ForAll("trees") JsonNode tree) throws IOException {
        assertSameBytes(tree);
        String compact = MAPPER.writeValueAsString(tree);
        assertThat(FhirWriter.toJson(tree)).isEqualTo(compact);
        assertThat(FhirWriter.toBytes(tree)).isEqualTo(compact.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theFixtureRecordsWithAmountsAndTextAreTheSameBytes() throws IOException {
        assertSameBytes(records.toFhir(BudgetFixtures.record()));
        ObjectNode charge = new LedgerEntryMapper().toFhir(BudgetFixtures.ledger().get(1));
        String amount = charge.at("/priceOverride/value").decimalValue().toString();
        assertThat(amount).endsWith("0"); // 1800.50: the trailing zero is kept either way
        assertThat(FhirWriter.toJson(charge, FhirWriter.Style.PRETTY)).contains("\"value\" : " + amount + ",");
        assertThat(FhirWriter.toJson(charge)).contains("\"value\":" + amount + ",");
    }

    @Test
    void compactHasNoWhiteSpaceOutsideStrings() {
        ObjectNode bundle = records.toFhir(BudgetFixtures.record());
        String compact = FhirWriter.toJson(bundle);
        String pretty = FhirWriter.toJson(bundle, FhirWriter.Style.PRETTY);
        assertThat(compact).doesNotContain("\n").doesNotContain("\" : ").startsWith("{\"resourceType\":\"Bundle\"");
        assertThat(compact.length()).isLessThan(pretty.length());
    }

    @Test
    void writingFlushesButDoesNotCloseTheCallersStream() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FilterOutputStream out = new FilterOutputStream(bytes) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        ObjectNode patient = new PatientMapper().toFhir(Fixtures.ada());
        FhirWriter.write(patient, out);
        assertThat(closed[0]).isFalse();
        assertThat(bytes.toByteArray()).isEqualTo(FhirWriter.toBytes(patient));
    }

    @Test
    void aLoneSurrogateIsEscapedInBytesSoItReadsBackUnchanged() throws IOException {
        // The one difference from before: text then UTF-8 turned a lone surrogate into '?'.
        ObjectNode odd = NODES.objectNode().put("text", "a\ud83db");
        byte[] bytes = FhirWriter.toBytes(odd);
        assertThat(new String(bytes, StandardCharsets.US_ASCII)).isEqualTo("{\"text\":\"a\\uD83Db\"}");
        assertThat(MAPPER.readTree(bytes)).isEqualTo(odd);
    }

    @Test
    void aNodeThatIsNotJsonIsRefused() {
        ObjectNode odd = NODES.objectNode();
        odd.putPOJO("value", new Object());
        assertThatIllegalArgumentException().isThrownBy(() -> FhirWriter.toJson(odd)).withMessageContaining("POJO");
    }

    private static void assertSameBytes(JsonNode tree) throws IOException {
        String before = BEFORE_PRETTY.writeValueAsString(tree);
        assertThat(FhirWriter.toJson(tree, FhirWriter.Style.PRETTY)).isEqualTo(before);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FhirWriter.write(tree, out, FhirWriter.Style.PRETTY);
        assertThat(out.toByteArray()).isEqualTo(before.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<PatientRecord> records() {
        // exportable last: care and budgets added after it may show a restricted patient's practice (R49)
        return GeneratedRecords.records().flatMap(GeneratedCarePlans::withCare).flatMap(GeneratedBudgets::withBudgets)
                .map(GeneratedRecords::exportable);
    }

    @Provide
    Arbitrary<JsonNode> trees() {
        return object(3).map(JsonNode.class::cast);
    }

    private static Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12),
                Arbitraries.strings().withChars('a', 'é', '£', '€', '"', '\\', '/', '\n', '\t', '\u0001', '\u2028')
                        .ofMaxLength(12),
                Arbitraries.of("", "Zoë Ŵyn-Ó'Brien", "😀 ok", "𝄞 clef", "ß\u00a0ü"));
    }

    private static Arbitrary<JsonNode> scalar() {
        return Arbitraries.oneOf(
                text().map(NODES::textNode),
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(20).negate(), BigInteger.TEN.pow(20))
                        .map(NODES::numberNode),
                Arbitraries.of("12.50", "10000.00", "0.00", "-2.50E-7", "1E+3", "0.1", "123456789012345678901.5")
                        .map(s -> DecimalNode.valueOf(new BigDecimal(s))),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode()));
    }

    private static Arbitrary<JsonNode> value(int depth) {
        if (depth == 0) {
            return scalar();
        }
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, scalar()),
                net.jqwik.api.Tuple.of(1, object(depth - 1).map(JsonNode.class::cast)),
                net.jqwik.api.Tuple.of(1, Arbitraries.lazy(() -> value(depth - 1)).list().ofMaxSize(4).map(l -> {
                    ArrayNode array = NODES.arrayNode();
                    l.forEach(array::add);
                    return (JsonNode) array;
                })));
    }

    private static Arbitrary<ObjectNode> object(int depth) {
        Arbitrary<List<String>> names = text().list().ofMaxSize(5).uniqueElements();
        return names.flatMap(keys -> Arbitraries.lazy(() -> value(depth)).list().ofSize(keys.size()).map(values -> {
            ObjectNode object = NODES.objectNode();
            List<String> k = new ArrayList<>(keys);
            for (int i = 0; i < k.size(); i++) {
                object.set(k.get(i), values.get(i));
            }
            return object;
        }));
    }
}
