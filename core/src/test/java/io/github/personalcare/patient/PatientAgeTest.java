package io.github.personalcare.patient;

import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The age the consent rules go by (R46, R47, R48: the online-access, proxy-restriction and
 * adult-proxy birthdays) is computed without a {@link Period}, so it must be Period's years exactly.
 */
class PatientAgeTest {

    @Property(tries = 2000)
    @Label("R46 R47 R48 age in whole years is Period.between's years, birthdays, month ends, leap days and dates "
            + "before birth included")
    void ageIsPeriodYears(@ForAll @IntRange(min = -40_000, max = 40_000) int birthDay,
            @ForAll @IntRange(min = -40_000, max = 40_000) int onDay) {
        LocalDate born = LocalDate.of(1990, 2, 28).plusDays(birthDay);
        LocalDate on = LocalDate.of(2000, 2, 29).plusDays(onDay);
        assertThat(born(born).ageOn(on)).isEqualTo(Period.between(born, on).getYears());
        // the day before, of and after each birthday, and the 29th of February
        for (int years = 0; years < 3; years++) {
            LocalDate birthday = born.plusYears(12 + years);
            for (LocalDate d : new LocalDate[] {birthday.minusDays(1), birthday, birthday.plusDays(1)}) {
                assertThat(born(born).ageOn(d)).as("%s on %s", born, d).isEqualTo(Period.between(born, d).getYears());
            }
        }
    }

    private static Patient born(LocalDate dateOfBirth) {
        return new Patient(PatientId.random(), NhsNumber.parse("9434765870"), NhsNumberVerification.VERIFIED,
                new PersonName("Alex", "Example"), dateOfBirth, Set.of(), Optional.empty(), Optional.empty());
    }
}
