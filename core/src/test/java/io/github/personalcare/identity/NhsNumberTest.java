package io.github.personalcare.identity;

import io.github.personalcare.patient.Patient;
import io.github.personalcare.lang.InvalidInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class NhsNumberTest {

    @Test
    @DisplayName("R1 published valid numbers are accepted")
    void publishedValidNumbersAreAccepted() {
        assertThat(NhsNumber.parse("9434765870").value()).isEqualTo("9434765870");
        assertThat(NhsNumber.parse("9912003888").value()).isEqualTo("9912003888");
    }

    @Test
    @DisplayName("R1 the spaced display form and hyphens are accepted")
    void spacedAndHyphenatedFormsAreAccepted() {
        assertThat(NhsNumber.parse("943 476 5870")).isEqualTo(new NhsNumber("9434765870"));
        assertThat(NhsNumber.parse("943-476-5870")).isEqualTo(new NhsNumber("9434765870"));
        assertThat(NhsNumber.parse("9434765870").formatted()).isEqualTo("943 476 5870");
    }

    @Test
    @DisplayName("R1 a wrong check digit is rejected naming the field and rule, never the value")
    void wrongCheckDigitIsRejected() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> NhsNumber.parse("9434765871"))
                .satisfies(e -> {
                    assertThat(e.field()).isEqualTo("nhsNumber");
                    assertThat(e.rule()).isEqualTo("R1");
                    assertThat(e.getMessage()).isEqualTo("nhsNumber: check digit does not match (R1)");
                    assertThat(e.getMessage()).doesNotContain("9434765871").doesNotContain("5871");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "123", "94347658700", "943476587O", "9434765870\n", "+434765870", "943.476.5870"})
    @DisplayName("R1 anything that is not exactly ten digits is rejected")
    void anythingButTenDigitsIsRejected(String text) {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> NhsNumber.parse(text))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R1"));
        assertThat(NhsNumber.tryParse(text)).isEmpty();
        assertThat(NhsNumber.isValid(text)).isFalse();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            // nine digits, expected check digit (weights 10..2; 11 -> 0; 10 -> none, shown as -1)
            "000000000, 0", "000000001, 9", "000000010, 8", "000000100, 7", "100000000, 1",
            "000000005, 1", "000000060, 4", "943476587, 0", "991200388, 8", "000000006, -1"})
    @DisplayName("R1 the Modulus 11 check digit follows the published algorithm")
    void checkDigitFollowsThePublishedAlgorithm(String nine, int expected) {
        assertThat(NhsNumber.checkDigitFor(nine)).isEqualTo(expected);
    }

    @Test
    @DisplayName("R1 a computed check of 10 always rejects, whatever the tenth digit")
    void checkOfTenAlwaysRejects() {
        // 000000006: 6 x weight 2 = 12, 12 mod 11 = 1, 11 - 1 = 10: no valid check digit exists.
        for (int d = 0; d <= 9; d++) {
            String candidate = "000000006" + d;
            assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> new NhsNumber(candidate))
                    .satisfies(e -> assertThat(e.getMessage()).contains("no valid check digit"));
        }
    }

    @Test
    void toStringMasksAllButTheLastFourDigits() {
        NhsNumber n = NhsNumber.parse("943 476 5870");
        assertThat(n.toString()).isEqualTo("*** *** 5870").doesNotContain("943");
        assertThat(String.valueOf(new Patient(PatientId.random(), n, NhsNumberVerification.VERIFIED,
                new PersonName("Ada", "Lovelace"), java.time.LocalDate.of(1950, 1, 1), null, null, null)))
                .doesNotContain("9434765870").doesNotContain("Ada").doesNotContain("Lovelace");
    }

    @Test
    void nullIsRejectedAsRequired() {
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> NhsNumber.parse(null));
        assertThat(NhsNumber.tryParse(null)).isEmpty();
    }
}
