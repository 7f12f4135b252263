package io.github.personalcare.jdbc;

import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.patient.PatientStores;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.spi.GroupCount;
import io.github.personalcare.spi.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: rows written before a migration added index columns hold null there, so reports
 * counted in the database miss them; {@link JdbcStorage#reindex} fills them from the documents, in
 * batches, at the version read, and a second run rewrites nothing.
 */
abstract class ReindexScenarios {
    abstract DataSource database();

    abstract void dropDatabase();

    abstract Dialect dialect();

    @AfterEach
    void drop() {
        dropDatabase();
    }

    private static final int PATIENTS = 1_203; // more than two batches of 500

    @Test
    void issue13ReindexFillsTheReportColumnsOfRowsWrittenBeforeTheyExistedSoCountsSeeEveryRow() {
        DataSource ds = database();
        JdbcStorage storage = JdbcStorage.builder(ds).dialect(dialect()).build();
        storage.migrate();
        List<Patient> written = new ArrayList<>();
        for (int n = 400_000_000; written.size() < PATIENTS; n++) {
            String nine = Integer.toString(n);
            int check = NhsNumber.checkDigitFor(nine);
            if (check < 0) {
                continue;
            }
            int i = written.size();
            written.add(new Patient(PatientId.random(), NhsNumber.parse(nine + check), NhsNumberVerification.VERIFIED,
                    new PersonName("Test", "Patient"), LocalDate.of(1950, 1, 1),
                    i % 3 == 0 ? Set.of(PatientFlag.COMPLEX_NEEDS) : Set.of(), Optional.of(OdsCode.of("A81001")),
                    Optional.empty()));
        }
        for (Patient p : written) {
            storage.inTransaction(tx -> tx.aggregates(PatientStores.PATIENTS).insert(p));
        }
        List<GroupCount> before = count(storage);
        // As a version before V4 left them: the report columns empty.
        TestDatabases.execute(ds, "UPDATE patient SET complex_needs = NULL, long_term_condition = NULL, died_on = NULL");
        assertThat(count(storage)).isNotEqualTo(before);

        long rewritten = storage.reindex(PatientStores.PATIENTS);

        assertThat(rewritten).isEqualTo(PATIENTS);
        assertThat(count(storage)).containsExactlyInAnyOrderElementsOf(before).containsExactlyInAnyOrder(
                new GroupCount(List.of(true), 401), new GroupCount(List.of(false), 802));
        assertThat(storage.reindex(PatientStores.PATIENTS)).isZero();
        // the documents and versions are untouched
        assertThat(TestDatabases.queryLong(ds, "SELECT COUNT(*) FROM patient WHERE version <> 1")).isZero();
    }

    private static List<GroupCount> count(JdbcStorage storage) {
        return storage.inTransaction(tx -> tx.aggregates(PatientStores.PATIENTS)
                .count(Query.all(), List.of("complex_needs")));
    }
}
