package io.github.personalcare.identity;

import io.github.personalcare.lang.InvalidInputException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * R1 properties. Modulus 11 with weights 10..2 detects every single-digit error and every
 * transposition of adjacent digits among the first nine; a transposition involving the check digit
 * (positions 9 and 10) is detected unless it happens to produce another valid number, which the
 * property below allows for explicitly (documented exception).
 */
class NhsNumberProperties {

    @Provide
    Arbitrary<String> validNumbers() {
        return Arbitraries.strings().numeric().ofLength(9)
                .filter(nine -> NhsNumber.checkDigitFor(nine) >= 0)
                .map(nine -> nine + NhsNumber.checkDigitFor(nine));
    }

    @Property
    @Label("R1 every generated valid number round-trips through its spaced form")
    void validNumbersRoundTrip(@ForAll("validNumbers") String digits) {
        NhsNumber n = NhsNumber.parse(digits);
        assertThat(NhsNumber.parse(n.formatted())).isEqualTo(n);
        assertThat(n.value()).isEqualTo(digits);
    }

    @Property
    @Label("R1 every single wrong digit is rejected")
    void everySingleWrongDigitIsRejected(@ForAll("validNumbers") String digits,
            @ForAll @IntRange(min = 0, max = 9) int position, @ForAll @IntRange(min = 1, max = 9) int delta) {
        char[] c = digits.toCharArray();
        c[position] = (char) ('0' + ((c[position] - '0' + delta) % 10));
        String wrong = new String(c);
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> NhsNumber.parse(wrong));
    }

    @Property
    @Label("R1 every adjacent transposition within the first nine digits that changes the number is rejected")
    void adjacentTranspositionsAreRejected(@ForAll("validNumbers") String digits,
            @ForAll @IntRange(min = 0, max = 7) int position) {
        Assume.that(digits.charAt(position) != digits.charAt(position + 1));
        char[] c = digits.toCharArray();
        char t = c[position];
        c[position] = c[position + 1];
        c[position + 1] = t;
        String swapped = new String(c);
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> NhsNumber.parse(swapped));
    }

    @Property
    @Label("R1 swapping the ninth digit and the check digit is rejected unless the result is itself valid")
    void transpositionWithTheCheckDigitIsRejectedUnlessItIsAnotherValidNumber(@ForAll("validNumbers") String digits) {
        Assume.that(digits.charAt(8) != digits.charAt(9));
        String swapped = digits.substring(0, 8) + digits.charAt(9) + digits.charAt(8);
        int expected = NhsNumber.checkDigitFor(swapped.substring(0, 9));
        boolean documentedException = expected == swapped.charAt(9) - '0';
        assertThat(NhsNumber.isValid(swapped)).isEqualTo(documentedException);
    }
}
