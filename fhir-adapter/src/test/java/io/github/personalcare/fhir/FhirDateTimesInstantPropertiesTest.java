package io.github.personalcare.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** {@link FhirDateTimes#parseInstant} reads exactly as {@code OffsetDateTime.parse(..).toInstant()}. */
class FhirDateTimesInstantPropertiesTest {

    @Property(tries = 2000)
    void canonicalTextReadsAsTheFormatterReadsIt(@ForAll("canonical") String text) {
        assertThat(FhirDateTimes.canonical(text)).as(text).isNotNull();
        assertThat(FhirDateTimes.parseInstant(text)).as(text).isEqualTo(OffsetDateTime.parse(text).toInstant());
    }

    @Property(tries = 3000)
    void anyEditOfCanonicalTextIsReadOrRefusedAsTheFormatterDoes(@ForAll("canonical") String text,
            @ForAll @IntRange(min = 0, max = 34) int at, @ForAll("edits") char replacement) {
        String edited = at < text.length()
                ? text.substring(0, at) + replacement + text.substring(at + 1)
                : text + replacement;
        Instant expected;
        try {
            expected = OffsetDateTime.parse(edited).toInstant();
        } catch (DateTimeParseException e) {
            assertThatExceptionOfType(DateTimeParseException.class).as(edited)
                    .isThrownBy(() -> FhirDateTimes.parseInstant(edited));
            return;
        }
        assertThat(FhirDateTimes.parseInstant(edited)).as(edited).isEqualTo(expected);
    }

    @Test
    void daysThatDoNotExistAndOutOfRangeFieldsAreRefused() {
        for (String bad : new String[] {"2026-02-29T10:00:00Z", "2024-02-30T10:00:00Z", "2026-04-31T10:00:00Z",
                "2026-13-01T10:00:00Z", "2026-12-07T24:00:00Z", "2026-12-07T10:60:00Z", "2026-12-07T10:00:60Z",
                "2026-12-07T10:00:00+19:00", "2026-12-07T10:00:00.1234567891Z",
                "2026-12-07T10:00:00", "2026-12-07 10:00:00Z"}) {
            assertThatExceptionOfType(DateTimeParseException.class).as(bad)
                    .isThrownBy(() -> FhirDateTimes.parseInstant(bad));
        }
        assertThat(FhirDateTimes.parseInstant("2024-02-29T23:59:59.999999999-01:30"))
                .isEqualTo(Instant.parse("2024-03-01T01:29:59.999999999Z"));
        assertThat(FhirDateTimes.parseInstant("2026-12-07t10:00:00z")).isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));
    }

    @Provide
    Arbitrary<String> canonical() {
        Arbitrary<Long> seconds = Arbitraries.longs().between(-62_000_000_000L, 250_000_000_000L);
        Arbitrary<Integer> nanos = Arbitraries.integers().between(0, 999_999_999);
        Arbitrary<Integer> digits = Arbitraries.integers().between(0, 9);
        Arbitrary<Integer> offsetMinutes = Arbitraries.integers().between(-17 * 60 - 59, 17 * 60 + 59);
        return Combinators.combine(seconds, nanos, digits, offsetMinutes).as((s, n, d, o) -> {
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(o * 60);
            OffsetDateTime t = Instant.ofEpochSecond(s, n).atOffset(offset);
            String date = String.format("%04d-%02d-%02dT%02d:%02d:%02d", t.getYear(), t.getMonthValue(),
                    t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
            String fraction = d == 0 ? "" : "." + String.format("%09d", t.getNano()).substring(0, d);
            return date + fraction + (o == 0 ? "Z" : offset.getId());
        }).filter(text -> text.charAt(0) != '-');
    }

    @Provide
    Arbitrary<Character> edits() {
        return Arbitraries.of('0', '1', '2', '3', '5', '9', '-', '+', ':', '.', 'T', 't', 'Z', 'z', ' ', 'x', '/');
    }
}
