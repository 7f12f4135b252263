package io.github.personalcare.prescription;

import io.github.personalcare.lang.InvalidInputException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** dm+d codes have the SNOMED CT identifier format: 6–18 digits, a concept partition, a Verhoeff check digit. */
class DmdCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"42109611000001109", "39720311000001101", "322236009", "22298006", "39113611000001102"})
    void snomedAndDmdConceptIdsAreAccepted(String id) {
        assertThat(DmdCode.of(id).value()).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "1234567890123456789", "4210961100000110A", "042109611000001109",
            "42109611000001108", "322236019", "42109611000001129"})
    void malformedIdsAreRefusedNamingTheField(String id) {
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> DmdCode.of(id))
                .satisfies(e -> assertThat(e.field()).isEqualTo("dmdCode"))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("DMD"));
    }

    @Test
    void aMissingCodeIsRequired() {
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> DmdCode.of(null))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("REQUIRED"));
    }

    @Provide
    Arbitrary<String> payloads() {
        // an item identifier (no leading zero), then a concept partition: 00 (core) or 10 (extension)
        return Arbitraries.strings().numeric().ofMinLength(3).ofMaxLength(15).filter(s -> s.charAt(0) != '0')
                .flatMap(item -> Arbitraries.of("00", "10").map(partition -> item + partition));
    }

    @Property
    void aPayloadWithItsVerhoeffDigitIsValidAndEverySingleDigitChangeIsCaught(@ForAll("payloads") String payload,
            @ForAll @IntRange(min = 0, max = 17) int position, @ForAll @IntRange(min = 1, max = 9) int shift) {
        String id = payload + DmdCode.verhoeffDigit(payload);
        assertThat(DmdCode.verhoeffValid(id)).isTrue();
        assertThat(DmdCode.of(id).value()).isEqualTo(id);

        int at = position % id.length();
        char changed = (char) ('0' + (id.charAt(at) - '0' + shift) % 10);
        String typo = id.substring(0, at) + changed + id.substring(at + 1);
        assertThat(DmdCode.verhoeffValid(typo)).as("Verhoeff catches every single-digit error").isFalse();
    }

    @Property
    void adjacentTranspositionsAreCaught(@ForAll("payloads") String payload, @ForAll @IntRange(min = 0, max = 16) int p) {
        String id = payload + DmdCode.verhoeffDigit(payload);
        int at = p % (id.length() - 1);
        if (id.charAt(at) == id.charAt(at + 1)) {
            return;
        }
        String swapped = id.substring(0, at) + id.charAt(at + 1) + id.charAt(at) + id.substring(at + 2);
        assertThat(DmdCode.verhoeffValid(swapped)).isFalse();
    }
}
