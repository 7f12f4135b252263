package io.github.personalcare.internal;

import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.AccessDecision;
import io.github.personalcare.access.AccessDeniedException;
import io.github.personalcare.access.AccessRequest;
import io.github.personalcare.access.Obligation;
import io.github.personalcare.spi.AccessPolicy;
import io.github.personalcare.lang.PersonalCareException;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.lang.NotFoundException;
import io.github.personalcare.spi.Transaction;
import io.github.personalcare.audit.AccessLogEntry;
import io.github.personalcare.audit.AuditEvent;
import io.github.personalcare.audit.AuditKeys;
import io.github.personalcare.audit.AuditOutcome;
import io.github.personalcare.access.AccessEvent;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.spi.Storage;
import io.github.personalcare.spi.StorageException;
import io.github.personalcare.lang.ConfigurationException;
import io.github.personalcare.lang.VersionConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one way into patient data: every service method runs through {@link #run}. In one
 * transaction it asks the {@link AccessPolicy}, audits the decision and, when permitted, runs the
 * unit of work; the audit event and the work commit together.
 *
 * <ul>
 *   <li>A deny rolls the transaction back, is audited in a transaction of its own (R50) and
 *       surfaces as {@link AccessDeniedException}. A refusal about a patient who has no audit
 *       chain yet (is not registered) is audited on the system chain, so made-up patient ids
 *       open no chain.</li>
 *   <li>A policy that throws is a deny with rule {@code FAIL_CLOSED} (R38), except for a
 *       {@link StorageException} or {@link ConfigurationException}: no decision was made, so the
 *       exception reaches the caller unchanged, nothing of the work runs, and the audit trail
 *       records {@link AuditOutcome#ERROR} (when it can still be written), never a deny.</li>
 *   <li>A permit with the {@link Obligation#ALERT_PRIVACY_OFFICER} obligation (break-glass, R40)
 *       publishes {@link AccessEvent.BreakGlassUsed} to the outbox in the same transaction.</li>
 *   <li>A command refused by a domain rule, bad input or a version conflict rolls back; the
 *       refusal is audited as {@link AuditOutcome#REJECTED} and the exception rethrown.</li>
 *   <li>A record that is missing is answered only after the decision and audited as
 *       {@link AuditOutcome#NOT_FOUND} ({@link #runOnRecord}).</li>
 * </ul>
 *
 * <p>Thread-safe. Logs internal ids, actions and outcomes only.
 */
public final class AccessGuard {
    private static final Logger log = LoggerFactory.getLogger(AccessGuard.class);

    private final Storage storage;
    private final AccessPolicy policy;
    private final Clock clock;
    private final AuditKeys auditKeys;
    /** False once the storage has said it writes one patient per transaction only. */
    private volatile boolean together = true;

    /** A guard over the storage, deciding with the policy, reading time from the clock, auditing unkeyed. */
    public AccessGuard(Storage storage, AccessPolicy policy, Clock clock) {
        this(storage, policy, clock, AuditKeys.unkeyed());
    }

    /** A guard that seals its audit records with the current key of {@code auditKeys}. */
    public AccessGuard(Storage storage, AccessPolicy policy, Clock clock, AuditKeys auditKeys) {
        this.storage = Require.present("storage", storage);
        this.policy = Require.present("policy", policy);
        this.clock = Require.present("clock", clock);
        this.auditKeys = Require.present("auditKeys", auditKeys);
    }

    /** The keys the audit trail is sealed and verified with. */
    public AuditKeys auditKeys() {
        return auditKeys;
    }

    /** The clock the guard reads the time of each command from. */
    public Clock clock() {
        return clock;
    }

    /**
     * Decides, audits and, if permitted, runs the work in the same transaction.
     *
     * @throws AccessDeniedException if the policy denies (already audited)
     * @throws NotFoundException     if the permitted work finds a record missing (audited
     *                               {@link AuditOutcome#NOT_FOUND})
     */
    public <R> R run(GuardedCall call, Function<Permitted, R> work) {
        return execute(call, null, null, work);
    }

    /**
     * Decides, audits and runs a call about one stored record, whose patient is read from the
     * record in the same transaction as the decision. A missing record is never answered before
     * the decision (an existence oracle): the call is then decided as a request about that class
     * of data with no patient, so a caller who may not ask across patients is denied as for any
     * record it may not see, and one who may is told {@link NotFoundException}, audited
     * {@link AuditOutcome#NOT_FOUND}.
     *
     * @param call  the call, without a patient
     * @param kind  what is looked for, for the not-found answer ({@code "CarePlan"})
     * @param id    the record's internal id
     * @param owner reads the record's patient, empty if there is no such record
     * @throws AccessDeniedException if the policy denies (already audited)
     * @throws NotFoundException     if the caller may ask and there is no such record (already audited)
     */
    public <R> R runOnRecord(GuardedCall call, String kind, String id,
            Function<Transaction, Optional<PatientId>> owner, Function<Permitted, R> work) {
        Require.present("call", call);
        Require.present("owner", owner);
        if (call.patient().isPresent()) {
            throw new IllegalArgumentException("a call on a record takes its patient from the record");
        }
        // built only when the record is missing: an exception's stack trace per call showed in profiles
        return execute(call, owner, () -> new NotFoundException(kind, id), work);
    }

    /**
     * Decides, audits and runs several write calls about different patients in ONE transaction
     * ({@link Storage#inTransactionAcrossPatients}): the bulk path in stores a chunk of records so.
     * Every patient's write lock is taken first (in id order), then each call is decided, the work
     * runs with one {@link Permitted} per call (in the calls' order), and each call is audited as
     * {@link #run} audits it, all committing together.
     *
     * <p>All or nothing, and quietly: when the storage cannot write several patients in one
     * transaction, a call is denied or cannot be decided, or the work throws a
     * {@link PersonalCareException} (a refusal, a duplicate key, a storage failure), everything rolls
     * back, nothing is audited and the answer is empty. The caller must then run each call on its own
     * with {@link #run}, which decides, audits and refuses each as usual.
     *
     * @param calls write calls, each about a patient; no two about the same patient
     * @param work  the work of all the calls, given their permits in the calls' order
     * @return what the work returned, or empty if the calls did not run together
     * @throws IllegalArgumentException if a call is not a write about one patient, or two are about the
     *                                  same patient
     */
    public <R> Optional<R> runTogether(List<GuardedCall> calls, Function<List<Permitted>, R> work) {
        Require.present("calls", calls);
        Require.present("work", work);
        List<PatientId> patients = new ArrayList<>(calls.size());
        for (GuardedCall call : calls) {
            if (!call.action().isWrite() || call.patient().isEmpty()) {
                throw new IllegalArgumentException("calls run together are writes about one patient each");
            }
            patients.add(call.patient().get());
        }
        if (patients.stream().distinct().count() != patients.size()) {
            throw new IllegalArgumentException("calls run together are about different patients");
        }
        if (!together || calls.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        try {
            return Optional.of(storage.inTransactionAcrossPatients(tx -> {
                tx.lockPatients(patients);
                List<Permitted> permits = new ArrayList<>(calls.size());
                for (GuardedCall call : calls) {
                    AccessDecision decision = decideSafely(request(call, now), tx);
                    if (decision instanceof AccessDecision.Deny deny) {
                        throw new Denied(deny);
                    }
                    permits.add(new Permitted(tx, now, (AccessDecision.Permit) decision, call.context(),
                            auditKeys.current()));
                }
                R r = work.apply(permits);
                for (int i = 0; i < calls.size(); i++) {
                    GuardedCall call = calls.get(i);
                    AccessDecision.Permit permit = permits.get(i).decision();
                    alertIfRequired(call, now, permit, tx);
                    tx.audit().append(event(call, now, AuditOutcome.SUCCESS, permit.rule()), auditKeys.current());
                    notifyPatientIfRequired(call, now, permit, tx);
                }
                return r;
            }));
        } catch (Undecided | Denied e) {
            log.debug("{} calls not run together (undecided or denied); each runs alone", calls.size());
            return Optional.empty();
        } catch (PersonalCareException e) {
            if (e instanceof StorageException && "UNSUPPORTED".equals(e.rule())) {
                together = false;
            }
            log.debug("{} calls not run together (rule {}); each runs alone", calls.size(), e.rule());
            return Optional.empty();
        }
    }

    private <R> R execute(GuardedCall requested, Function<Transaction, Optional<PatientId>> owner,
            Supplier<NotFoundException> ifMissing, Function<Permitted, R> work) {
        Instant now = clock.instant();
        // the call as finally decided (with the record's patient), for audits written after a rollback
        GuardedCall[] decided = {requested};
        try {
            R result = storage.inTransaction(tx -> {
                GuardedCall call = requested;
                boolean missing = false;
                if (owner != null) {
                    Optional<PatientId> patient = owner.apply(tx);
                    missing = patient.isEmpty();
                    call = patient.map(requested::withPatient).orElse(requested);
                }
                decided[0] = call;
                if (call.action().isWrite()) {
                    // Writers of one patient's data run one after another, so a service's checks
                    // (one open care plan, R6; funds left, R17) still hold when its write commits.
                    call.patient().ifPresent(tx::lockPatient);
                }
                AccessDecision decision = decideSafely(request(call, now), tx);
                if (decision instanceof AccessDecision.Deny deny) {
                    throw new Denied(deny);
                }
                if (missing) {
                    throw ifMissing.get();
                }
                AccessDecision.Permit permit = (AccessDecision.Permit) decision;
                R r = work.apply(new Permitted(tx, now, permit, call.context(), auditKeys.current()));
                alertIfRequired(call, now, permit, tx);
                AuditOutcome outcome = call.action().isWrite() ? AuditOutcome.SUCCESS : AuditOutcome.PERMIT;
                tx.audit().append(event(call, now, outcome, permit.rule()), auditKeys.current());
                notifyPatientIfRequired(call, now, permit, tx);
                return r;
            });
            log.debug("{} {} permitted for {}", requested.auditAction(), requested.subject().orElse("-"),
                    requested.context().correlationId());
            return result;
        } catch (Undecided u) {
            auditError(decided[0], now, u.failure);
            throw u.failure;
        } catch (Denied d) {
            storage.inTransaction(tx -> tx.audit().append(
                    event(onStoredPatient(tx, decided[0]), now, AuditOutcome.DENY, d.deny.rule()), auditKeys.current()));
            log.info("{} denied by {} for {}", requested.auditAction(), d.deny.rule(), requested.context().correlationId());
            throw new AccessDeniedException(d.deny);
        } catch (NotFoundException e) {
            storage.inTransaction(tx -> tx.audit().append(event(decided[0], now, AuditOutcome.NOT_FOUND, e.rule()), auditKeys.current()));
            log.info("{} {} not found for {}", requested.auditAction(), requested.subject().orElse("-"),
                    requested.context().correlationId());
            throw e;
        } catch (RuleViolationException | InvalidInputException | VersionConflictException e) {
            auditRejection(decided[0], now, e);
            throw e;
        }
    }

    private static AccessRequest request(GuardedCall call, Instant now) {
        return new AccessRequest(call.context(), call.patient(), call.action(), call.dataClass(), call.labels(), now);
    }

    /**
     * R40: a permit that must alert the privacy officer publishes an event with the work and its
     * audit: RelationshipClaimed for a self-claimed relationship, BreakGlassUsed otherwise.
     */
    private static void alertIfRequired(GuardedCall call, Instant now, AccessDecision.Permit permit,
            Transaction tx) {
        if (permit.requires(Obligation.ALERT_PRIVACY_OFFICER) && call.patient().isPresent()) {
            AccessContext ctx = call.context();
            tx.outbox().publish(ctx.relationshipClaimed()
                    ? new AccessEvent.RelationshipClaimed(UUID.randomUUID(), now, call.patient().get(),
                            ctx.actor().reference(), call.auditAction(), ctx.correlationId().value())
                    : new AccessEvent.BreakGlassUsed(UUID.randomUUID(), now, call.patient().get(),
                            ctx.actor().reference(), call.auditAction(), ctx.correlationId().value()));
        }
    }

    /**
     * A permit that obliges telling the patient (a self-claimed relationship, R40) publishes an
     * event for the supplier's transport to deliver to the patient, and writes a patient-facing
     * entry to the patient's access log ({@link AccessLogEntry#PATIENT_NOTIFIED}), with the work and its audit.
     */
    private void notifyPatientIfRequired(GuardedCall call, Instant now, AccessDecision.Permit permit,
            Transaction tx) {
        if (!permit.requires(Obligation.NOTIFY_PATIENT) || call.patient().isEmpty()) {
            return;
        }
        AccessContext ctx = call.context();
        PatientId patient = call.patient().get();
        tx.outbox().publish(new AccessEvent.PatientNotificationDue(UUID.randomUUID(), now, patient,
                ctx.actor().reference(), call.auditAction(), ctx.correlationId().value()));
        tx.audit().append(AuditEvent.of(ctx, now, AccessLogEntry.PATIENT_NOTIFIED, patient, call.auditAction(), AuditOutcome.SUCCESS,
                Obligation.NOTIFY_PATIENT.name()), auditKeys.current());
    }

    private void auditRejection(GuardedCall call, Instant now, PersonalCareException e) {
        storage.inTransaction(tx -> tx.audit().append(event(call, now, AuditOutcome.REJECTED, e.rule()), auditKeys.current()));
        log.info("{} {} rejected by rule {} for {}", call.auditAction(), call.subject().orElse("-"), e.rule(),
                call.context().correlationId());
    }

    /**
     * Records that a call could not be decided. Best effort in a transaction of its own: the
     * storage that just failed may fail again, and then the caller still gets the first failure.
     */
    private void auditError(GuardedCall call, Instant now, PersonalCareException failure) {
        // internal ids and the SDK's rule code only: a storage failure's class or text can name stored data
        log.warn("{} {} could not be decided (rule {})", call.auditAction(), call.subject().orElse("-"), failure.rule());
        try {
            storage.inTransaction(tx -> tx.audit().append(
                    event(onStoredPatient(tx, call), now, AuditOutcome.ERROR, failure.rule()), auditKeys.current()));
        } catch (RuntimeException again) {
            failure.addSuppressed(again);
        }
    }

    private AccessDecision decideSafely(AccessRequest request, Transaction tx) {
        try {
            AccessDecision d = policy.decide(request, tx.accessFacts(request.patient()));
            return d == null ? AccessDecision.deny("FAIL_CLOSED", "the policy gave no decision") : d;
        } catch (StorageException | ConfigurationException e) {
            throw new Undecided(e);
        } catch (RuntimeException e) {
            log.warn("access policy failed ({}); denying", e.getClass().getSimpleName());
            return AccessDecision.deny("FAIL_CLOSED", "the policy could not decide");
        }
    }

    /**
     * The call as its refusal is audited. A refusal never opens a patient's chain: every stored
     * patient's chain was opened when the patient was registered, so a refusal about a patient
     * with no chain (a made-up id) goes to the system chain, its subject kept. Otherwise calls
     * with random ids would grow the audit trail by one chain each. Read on the refusal path only.
     */
    private static GuardedCall onStoredPatient(Transaction tx, GuardedCall call) {
        boolean unknown = call.patient().map(p -> tx.audit().head(p.value().toString()).isEmpty()).orElse(false);
        return unknown ? call.withoutPatient() : call;
    }

    private static AuditEvent event(GuardedCall call, Instant now, AuditOutcome outcome, String rule) {
        PatientId patient = call.patient().orElse(null);
        return AuditEvent.of(call.context(), now, call.auditAction(), patient, call.subject().orElse(null), outcome,
                rule);
    }

    /** Carries a storage or configuration failure of the decision out of the transaction. */
    private static final class Undecided extends RuntimeException {
        private final PersonalCareException failure;

        Undecided(PersonalCareException failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }

    /** Carries a deny out of the transaction so it rolls back. */
    private static final class Denied extends RuntimeException {
        private final AccessDecision.Deny deny;

        Denied(AccessDecision.Deny deny) {
            super(null, null, false, false);
            this.deny = deny;
        }
    }
}
