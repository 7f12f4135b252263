package io.github.personalcare.budget;

import io.github.personalcare.lang.IllegalTransitionException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BudgetLifecycleTest {

    @Property
    void everyCommandEitherFollowsTheTableOrIsRefused(@ForAll BudgetStatus from, @ForAll BudgetStatus.Command command) {
        Set<String> allowed = Set.of("PROPOSED ACTIVATE ACTIVE", "PROPOSED END ENDED", "ACTIVE SUSPEND SUSPENDED",
                "ACTIVE END ENDED", "SUSPENDED RESUME ACTIVE", "SUSPENDED END ENDED");
        boolean inTable = EnumSet.allOf(BudgetStatus.class).stream()
                .anyMatch(to -> allowed.contains(from + " " + command + " " + to));
        if (inTable) {
            assertThat(allowed).contains(from + " " + command + " " + from.next(command));
        } else {
            assertThatExceptionOfType(IllegalTransitionException.class).isThrownBy(() -> from.next(command));
        }
    }

    @Test
    void periodsFollowEachOtherFromTheStartDate() {
        LocalDate start = LocalDate.of(2026, 4, 1);

        assertThat(BudgetPeriod.containing(start, 12, LocalDate.of(2027, 3, 31)))
                .contains(new BudgetPeriod(start, LocalDate.of(2027, 4, 1)));
        assertThat(BudgetPeriod.containing(start, 12, LocalDate.of(2027, 4, 1)))
                .contains(new BudgetPeriod(LocalDate.of(2027, 4, 1), LocalDate.of(2028, 4, 1)));
        assertThat(BudgetPeriod.containing(start, 3, LocalDate.of(2026, 8, 15)))
                .contains(new BudgetPeriod(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 10, 1)));
        assertThat(BudgetPeriod.containing(start, 12, LocalDate.of(2026, 3, 31))).isEmpty();
    }

    @Test
    void monthlyPeriodsFromTheThirtyFirstClampToShortMonths() {
        LocalDate start = LocalDate.of(2027, 1, 31);

        assertThat(BudgetPeriod.containing(start, 1, LocalDate.of(2027, 2, 27)))
                .contains(new BudgetPeriod(start, LocalDate.of(2027, 2, 28)));
        assertThat(BudgetPeriod.containing(start, 1, LocalDate.of(2027, 2, 28)))
                .contains(new BudgetPeriod(LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 31)));
    }

    @Property
    void everyDateFromTheStartLiesInExactlyTheOnePeriodReturned(@ForAll("days") int offset) {
        LocalDate start = LocalDate.of(2026, 1, 31);
        LocalDate date = start.plusDays(offset);
        BudgetPeriod p = BudgetPeriod.containing(start, 1, date).orElseThrow();

        assertThat(p.contains(date)).isTrue();
        assertThat(BudgetPeriod.containing(start, 1, p.start())).contains(p);
        assertThat(BudgetPeriod.containing(start, 1, p.end())).hasValueSatisfying(n -> assertThat(n.start()).isEqualTo(p.end()));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> days() {
        return net.jqwik.api.Arbitraries.integers().between(0, 3_000);
    }
}
