package io.github.personalcare.internal;

import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.identity.RecordId;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.VersionConflictException;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.spi.AggregateType;

import java.util.function.BiFunction;

/**
 * The one way a service reads or changes a stored aggregate by its id: the guard reads the
 * aggregate's patient in the same transaction as the access decision, so a missing aggregate is
 * answered only after the decision and audited ({@link AccessGuard#runOnRecord}); a change checks
 * the expected version, applies the command and stores the result at the next version.
 *
 * @param <I> the aggregate's id type
 * @param <A> the aggregate
 */
public final class GuardedAggregates<I extends RecordId, A> {
    private final AccessGuard guard;
    private final AggregateType<I, A> type;
    private final DataClass dataClass;
    private final String kind;

    /**
     * Guarded access to the aggregates of one type.
     *
     * @param kind the record kind in audit subjects and not-found answers ({@code "CarePlan"})
     */
    public GuardedAggregates(AccessGuard guard, AggregateType<I, A> type, DataClass dataClass, String kind) {
        this.guard = Require.present("guard", guard);
        this.type = Require.present("type", type);
        this.dataClass = Require.present("dataClass", dataClass);
        this.kind = Require.text("kind", kind, Require.SHORT_TEXT);
    }

    /** The audit subject of the aggregate ({@code "CarePlan/<id>"}). */
    public String subject(I id) {
        return kind + "/" + id.value();
    }

    /**
     * Runs the work on the stored aggregate once the guard has permitted {@code action} on its
     * patient; the work may write.
     */
    public <R> R run(AccessContext ctx, I id, AccessAction action, String auditAction,
            BiFunction<Permitted, Versioned<A>, R> work) {
        Require.present("id", id);
        return guard.runOnRecord(GuardedCall.onRecord(ctx, action, dataClass, auditAction, subject(id)), kind,
                id.value().toString(),
                // a write finds the patient and takes its lock together (the guard's own lock is then a no-op)
                tx -> action.isWrite() ? tx.lockOwnerOf(type, id)
                        : tx.aggregates(type).find(id).map(v -> type.patient().apply(v.value())),
                p -> work.apply(p, p.tx().aggregates(type).get(id)));
    }

    /** Reads from the stored aggregate once the guard has permitted access to its patient's data. */
    public <R> R read(AccessContext ctx, I id, String auditAction, BiFunction<Permitted, Versioned<A>, R> query) {
        return run(ctx, id, AccessAction.ACCESS, auditAction, query);
    }

    /**
     * Applies a command to the aggregate stored at {@code expectedVersion} and stores the result.
     *
     * @return the changed aggregate at its new version
     * @throws VersionConflictException if the stored version is not {@code expectedVersion}
     */
    public Versioned<A> change(AccessContext ctx, I id, long expectedVersion, AccessAction action, String auditAction,
            BiFunction<Permitted, A, A> command) {
        return change(ctx, id, expectedVersion, action, auditAction, command, (p, saved) -> saved);
    }

    /**
     * As {@link #change(AccessContext, RecordId, long, AccessAction, String, BiFunction)}, answering
     * with {@code view} of the stored result: what this caller may see of it (R48).
     *
     * @param view the caller's view of the changed aggregate, in the same transaction
     * @return the caller's view of the changed aggregate at its new version
     */
    public Versioned<A> change(AccessContext ctx, I id, long expectedVersion, AccessAction action, String auditAction,
            BiFunction<Permitted, A, A> command, BiFunction<Permitted, Versioned<A>, Versioned<A>> view) {
        return run(ctx, id, action, auditAction, (p, stored) -> {
            if (stored.version() != expectedVersion) {
                throw new VersionConflictException(type.name(), id.value().toString(), expectedVersion,
                        stored.version());
            }
            A next = command.apply(p, stored.value());
            long version = p.tx().aggregates(type).update(next, expectedVersion);
            return view.apply(p, new Versioned<>(next, version));
        });
    }
}
