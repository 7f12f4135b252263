package io.github.personalcare.budget;

import io.github.personalcare.lang.InvalidInputException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MoneyTest {

    @Test
    void poundsAndPenceAreReadExactly() {
        assertThat(Money.parse("12.50")).isEqualTo(Money.ofPence(1250));
        assertThat(Money.parse("12.5")).isEqualTo(Money.ofPence(1250));
        assertThat(Money.parse("12")).isEqualTo(Money.ofPence(1200));
        assertThat(Money.parse("0.07")).isEqualTo(Money.ofPence(7));
    }

    @Test
    void moreThanTwoDecimalPlacesAreRejected() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> Money.parse("12.505"))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R17"));
    }

    @Test
    void negativeAmountsAreRejected() {
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> Money.parse("-1.00"));
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> Money.ofPence(-1));
    }

    @Test
    void malformedAmountsAreRejected() {
        for (String bad : new String[] {"", ".50", "12.", "1,000.00", "12.5O", "1e3", " 12.00", "£12"}) {
            assertThatExceptionOfType(InvalidInputException.class).as(bad).isThrownBy(() -> Money.parse(bad));
        }
    }

    @Test
    void onlyPoundsSterlingAreAccepted() {
        assertThat(Money.of("1.00", "GBP")).isEqualTo(Money.ofPence(100));
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> Money.of("1.00", "USD"))
                .satisfies(e -> assertThat(e.field()).isEqualTo("currency"));
    }

    @Test
    void zeroIsNotPositive() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> Money.ZERO.requirePositive("amount"))
                .satisfies(e -> assertThat(e.field()).isEqualTo("amount"));
    }

    @Test
    void subtractingMoreThanThereIsIsRejected() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> Money.ofPence(5).minus(Money.ofPence(6)));
    }

    @Test
    @DisplayName("R17: amounts above the documented maximum are a typed error, never an overflow (issue 15 item 7)")
    void amountsAboveTheMaximumAreRejectedRatherThanOverflowing() {
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> Money.ofPence(Long.MAX_VALUE))
                .satisfies(e -> assertThat(e.field()).isEqualTo("amount"));
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> Money.ofPounds(Long.MAX_VALUE));
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> Money.ofPence(Money.MAX_PENCE).plus(Money.ofPence(1)));
        assertThat(Money.ofPounds(Money.MAX_PENCE / 100).plus(Money.ofPence(99)).pence()).isEqualTo(Money.MAX_PENCE);
    }

    @Property
    void printedPoundsReadBackToTheSamePence(@ForAll @LongRange(min = 0, max = 99_999_999_999_99L) long pence) {
        Money m = Money.ofPence(pence);
        assertThat(Money.parse(m.toPounds().toPlainString())).isEqualTo(m);
        assertThat(m.toPounds()).isEqualTo(BigDecimal.valueOf(pence, 2));
    }
}
