package io.github.personalcare.report;

import io.github.personalcare.lang.InvalidInputException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** R42 small numbers: what a population report shows of a count. */
class SmallNumbersProperties {

    @Property
    @Label("R42 the NHS Digital rule: 0 stays 0, 1 to 7 are suppressed, the rest are rounded to the nearest 5")
    void theNhsDigitalRule(@ForAll @LongRange(min = 0, max = 10_000_000) long count) {
        ReportCount shown = SmallNumbers.NHS_DIGITAL.apply(count);

        if (count == 0) {
            assertThat(shown).isEqualTo(ReportCount.exact(0));
        } else if (count <= 7) {
            assertThat(shown.isSuppressed()).isTrue();
            assertThat(shown.value()).isEmpty();
        } else {
            long value = shown.value().orElseThrow();
            assertThat(value % 5).isZero();
            assertThat(Math.abs(value - count)).isLessThanOrEqualTo(2);
        }
    }

    @Property
    @Label("R42 rounding never reorders counts, so a shown part is never more than its shown whole")
    void roundingKeepsTheOrder(@ForAll @LongRange(min = 0, max = 1_000_000) long part,
            @ForAll @LongRange(min = 0, max = 1_000_000) long extra,
            @ForAll @IntRange(min = 0, max = 20) int suppressUpTo, @ForAll @IntRange(min = 1, max = 100) int roundTo) {
        SmallNumbers rule = new SmallNumbers(suppressUpTo, roundTo);
        ReportCount a = rule.apply(part);
        ReportCount b = rule.apply(part + extra);

        if (!a.isSuppressed() && !b.isSuppressed()) {
            assertThat(a.value().getAsLong()).isLessThanOrEqualTo(b.value().getAsLong());
        }
    }

    @Test
    @Label("R42 no percentage is built from a suppressed count; others from the counts as shown")
    void percentagesComeFromTheShownCounts() {
        assertThat(ReportCount.percent(new ReportCount.Suppressed(), ReportCount.exact(100))).isEmpty();
        assertThat(ReportCount.percent(ReportCount.exact(3), new ReportCount.Suppressed())).isEmpty();
        assertThat(ReportCount.percent(ReportCount.exact(0), ReportCount.exact(0))).isEmpty();
        assertThat(ReportCount.percent(SmallNumbers.NHS_DIGITAL.apply(12), SmallNumbers.NHS_DIGITAL.apply(38)))
                .contains(new BigDecimal("25.0"));
    }

    @Test
    void aRuleThatCannotBeAppliedIsRefusedNamingTheField() {
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> new SmallNumbers(-1, 5))
                .satisfies(e -> assertThat(e.field()).isEqualTo("suppressUpTo"));
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> new SmallNumbers(7, 0))
                .satisfies(e -> assertThat(e.field()).isEqualTo("roundTo"));
    }
}
