package io.github.personalcare.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Issue 14: the bounded reader builds the same tree as Jackson's own tree reader (configured as the
 * SDK configured it before: exact decimals, trailing zeros kept) for any document within the
 * limits: objects, arrays, strings with escapes and non-ASCII text, integers of every size,
 * decimals with exponents, booleans and nulls.
 */
class BoundedReaderEquivalenceProperties {
    private static final ObjectMapper TREE = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    private final FhirJson bounded = new FhirJson(FhirLimits.DEFAULT);

    @Property(tries = 300)
    void theBoundedReaderBuildsTheTreeJacksonBuilds(@ForAll("documents") String document) throws Exception {
        JsonNode expected = TREE.readTree(document);
        JsonNode read = bounded.read(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)));

        assertThat(read).isEqualTo(expected);
        assertThat(FhirWriter.toJson(read)).isEqualTo(FhirWriter.toJson(expected));
    }

    @Provide
    Arbitrary<String> documents() {
        return object(3);
    }

    private static Arbitrary<String> value(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).map(BoundedReaderEquivalenceProperties::quoted),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.bigIntegers().between(java.math.BigInteger.TEN.pow(20).negate(), java.math.BigInteger.TEN.pow(20))
                        .map(String::valueOf),
                Arbitraries.bigDecimals().between(new java.math.BigDecimal("-1e12"), new java.math.BigDecimal("1e12"))
                        .ofScale(3).map(java.math.BigDecimal::toPlainString),
                Arbitraries.of("1e309", "-2.50E-7", "0.00", "1.10", "6.02e23", "true", "false", "null"));
        if (depth == 0) {
            return scalar;
        }
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, scalar),
                net.jqwik.api.Tuple.of(1, object(depth - 1)),
                net.jqwik.api.Tuple.of(1, value(depth - 1).list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]")));
    }

    private static Arbitrary<String> object(int depth) {
        Arbitrary<String> member = net.jqwik.api.Combinators.combine(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8), Arbitraries.lazy(() -> value(depth)))
                .as((k, v) -> quoted(k) + ":" + v);
        return member.list().ofMaxSize(5).uniqueElements(m -> m.substring(0, m.indexOf("\":") + 1))
                .map(List::copyOf).map(l -> "{" + String.join(", ", l) + "}");
    }

    private static String quoted(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
