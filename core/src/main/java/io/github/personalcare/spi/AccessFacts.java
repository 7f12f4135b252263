package io.github.personalcare.spi;

import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.RecordId;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

import java.util.List;
import java.util.Optional;

/**
 * A read-only view of the facts an {@link AccessPolicy} decides on: aggregates (care teams,
 * consents, referrals, the patient's registration) and the patient's audit trail, seen through the
 * transaction of the call being decided, so the facts are those the call will see. A policy can
 * read through it but never write: no store, outbox or audit append is reachable.
 */
public interface AccessFacts {

    /**
     * The aggregate with this id, if stored.
     *
     * @param type the aggregate type
     * @param id   the aggregate's id
     * @param <I>  the id type
     * @param <A>  the aggregate type
     * @return the aggregate, or empty if none is stored
     */
    <I extends RecordId, A> Optional<A> find(AggregateType<I, A> type, I id);

    /**
     * The aggregates that match the query, in the store's order.
     *
     * @param type  the aggregate type
     * @param query the conditions, all of which must hold
     * @param <I>   the id type
     * @param <A>   the aggregate type
     * @return the matching aggregates
     */
    <I extends RecordId, A> List<A> query(AggregateType<I, A> type, Query query);

    /**
     * The patient's audit records, oldest first (for example, an open break-glass episode, R40).
     *
     * @param patient the patient
     * @return the audit records of the patient's chain
     */
    List<AuditRecord> auditOf(PatientId patient);

    /**
     * A read-only view over an open transaction; valid only while that transaction is open.
     *
     * @param tx the open transaction of the call being decided
     * @return the view
     * @throws InvalidInputException if {@code tx} is missing
     */
    static AccessFacts of(Transaction tx) {
        Require.present("tx", tx);
        return new AccessFacts() {
            @Override
            public <I extends RecordId, A> Optional<A> find(AggregateType<I, A> type, I id) {
                return tx.aggregates(type).find(id).map(v -> v.value());
            }

            @Override
            public <I extends RecordId, A> List<A> query(AggregateType<I, A> type, Query query) {
                return tx.aggregates(type).query(query).stream().map(v -> v.value()).toList();
            }

            @Override
            public List<AuditRecord> auditOf(PatientId patient) {
                return tx.audit().forPatient(patient);
            }
        };
    }
}
