package io.github.personalcare.record;

import io.github.personalcare.identity.PatientId;
import io.github.personalcare.lang.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ImportProgressTest {

    @Test
    void ratesAreCountsPerSecondOfElapsedTimeAndZeroBeforeAnyTimeHasPassed() {
        ImportProgress p = new ImportProgress(10, 7, 2, 1, 140, Duration.ofMillis(500));

        assertThat(p.recordsPerSecond()).isEqualTo(20.0);
        assertThat(p.resourcesPerSecond()).isEqualTo(280.0);
        assertThat(new ImportProgress(0, 0, 0, 0, 0, Duration.ZERO).recordsPerSecond()).isZero();
    }

    @Test
    void countsThatDoNotAddUpOrANegativeOrMissingDurationAreTypedErrors() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> new ImportProgress(10, 7, 2, 0, 140, Duration.ZERO))
                .satisfies(e -> assertThat(e.field()).isEqualTo("records"));
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> new ImportProgress(1, 1, 0, 0, -1, Duration.ZERO));
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> new ImportProgress(0, 0, 0, 0, 0, Duration.ofSeconds(-1)))
                .satisfies(e -> assertThat(e.field()).isEqualTo("elapsed"));
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> new ImportProgress(0, 0, 0, 0, 0, null))
                .satisfies(e -> assertThat(e.field()).isEqualTo("elapsed"));
    }

    @Test
    void aReportListsEveryRefusedRecordItCounts() {
        ImportProgress oneRefused = new ImportProgress(1, 0, 0, 1, 0, Duration.ZERO);
        ImportOutcome.Refused refused = new ImportOutcome.Refused(0, PatientId.random(),
                List.of(new RecordProblem("ledger[0]", "R15", "the entry is on a line its budget does not have")));

        assertThat(new ImportReport(oneRefused, List.of(refused)).refused()).containsExactly(refused);
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> new ImportReport(oneRefused, List.of()))
                .satisfies(e -> assertThat(e.field()).isEqualTo("refused"));
    }
}
