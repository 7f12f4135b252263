package io.github.personalcare.testkit;

import io.github.personalcare.identity.PatientId;
import io.github.personalcare.spi.Query;
import io.github.personalcare.lang.Versioned;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Queries over declared indexes return exactly the matching aggregates, including uncommitted own writes. */
public abstract class QueryContract extends StorageContract {
    /** For the adapter's subclass, which supplies the storage under test. */
    protected QueryContract() {
    }


    private List<SampleRecord.Id> ids(List<Versioned<SampleRecord>> found) {
        return found.stream().map(v -> v.value().id()).toList();
    }

    @Test
    void queriesCompareDatesNumbersTextAndBooleans() {
        var p = PatientId.random();
        var early = SampleRecord.of(p, "AGREED").withDue(LocalDate.of(2026, 1, 31)).withAmount(5);
        var late = SampleRecord.of(PatientId.random(), "AGREED").withDue(LocalDate.of(2026, 3, 1)).withAmount(50).withFlagged(true);
        var draft = SampleRecord.of(PatientId.random(), "DRAFT").withDue(LocalDate.of(2026, 1, 1));
        var noDate = SampleRecord.of(PatientId.random(), "AGREED");
        for (var r : List.of(early, late, draft, noDate)) {
            storage.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE).insert(r));
        }

        storage.inTransaction(tx -> {
            var store = tx.aggregates(SampleRecord.TYPE);
            assertThat(ids(store.query(Query.where("status").is("AGREED").and("due").before(LocalDate.of(2026, 2, 1)))))
                    .containsExactly(early.id());
            assertThat(ids(store.query(Query.where("due").onOrBefore(LocalDate.of(2026, 1, 31)))))
                    .containsExactlyInAnyOrder(early.id(), draft.id());
            assertThat(ids(store.query(Query.where("due").after(LocalDate.of(2026, 1, 31)))))
                    .containsExactly(late.id());
            assertThat(ids(store.query(Query.where("amount").onOrAfter(5L)))).containsExactlyInAnyOrder(early.id(), late.id());
            assertThat(ids(store.query(Query.where("flagged").is(true)))).containsExactly(late.id());
            assertThat(ids(store.query(Query.all()))).hasSize(4);
            assertThat(ids(store.findByPatient(p))).containsExactly(early.id());
            return null;
        });
    }

    @Test
    void queriesSeeTheTransactionsOwnWritesAndTheirLatestVersion() {
        var p = PatientId.random();
        var record = SampleRecord.of(p, "DRAFT");
        storage.inTransaction(tx -> tx.aggregates(SampleRecord.TYPE).insert(record));

        storage.inTransaction(tx -> {
            var store = tx.aggregates(SampleRecord.TYPE);
            store.update(record.withStatus("AGREED"), 1);
            var fresh = SampleRecord.of(p, "AGREED");
            store.insert(fresh);
            assertThat(ids(store.query(Query.where("status").is("AGREED")))).containsExactlyInAnyOrder(record.id(), fresh.id());
            assertThat(store.query(Query.where("status").is("DRAFT"))).isEmpty();
            return null;
        });
    }
}
