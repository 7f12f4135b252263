package io.github.personalcare.internal;

import io.github.personalcare.spi.AccessFacts;
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
import io.github.personalcare.audit.AuditEvent;
import io.github.personalcare.audit.AuditOutcome;
import io.github.personalcare.access.AccessEvent;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.spi.Storage;
import io.github.personalcare.lang.VersionConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one way into patient data: every service method runs through {@link #run}. In one
 * transaction it asks the {@link AccessPolicy}, audits the decision and, when permitted, runs the
 * unit of work; the audit event and the work commit together.
 *
 * <ul>
 *   <li>A deny rolls the transaction back, is audited in a transaction of its own (R50) and
 *       surfaces as {@link AccessDeniedException}.</li>
 *   <li>A policy that throws is a deny with rule {@code FAIL_CLOSED} (R38).</li>
 *   <li>A permit with the {@link Obligation#ALERT_PRIVACY_OFFICER} obligation (break-glass, R40)
 *       publishes {@link AccessEvent.BreakGlassUsed} to the outbox in the same transaction.</li>
 *   <li>A command refused by a domain rule, bad input or a version conflict rolls back; the
 *       refusal is audited as {@link AuditOutcome#REJECTED} and the exception rethrown.</li>
 * </ul>
 *
 * <p>Thread-safe. Logs internal ids, actions and outcomes only.
 */
public final class AccessGuard {
    private static final Logger log = LoggerFactory.getLogger(AccessGuard.class);

    private final Storage storage;
    private final AccessPolicy policy;
    private final Clock clock;

    /** A guard over the storage, deciding with the policy, reading time from the clock. */
    public AccessGuard(Storage storage, AccessPolicy policy, Clock clock) {
        this.storage = Require.present("storage", storage);
        this.policy = Require.present("policy", policy);
        this.clock = Require.present("clock", clock);
    }

    /** The clock the guard reads the time of each command from. */
    public Clock clock() {
        return clock;
    }

    /**
     * Decides, audits and, if permitted, runs the work in the same transaction.
     *
     * @throws AccessDeniedException if the policy denies (already audited)
     */
    public <R> R run(GuardedCall call, Function<Permitted, R> work) {
        Instant now = clock.instant();
        AccessRequest request = new AccessRequest(call.context(), call.patient(), call.action(), call.dataClass(),
                call.labels(), now);
        try {
            R result = storage.inTransaction(tx -> {
                if (call.action().isWrite()) {
                    // Writers of one patient's data run one after another, so a service's checks
                    // (one open care plan, R6; funds left, R17) still hold when its write commits.
                    call.patient().ifPresent(tx::lockPatient);
                }
                AccessDecision decision = decideSafely(request, tx);
                if (decision instanceof AccessDecision.Deny deny) {
                    throw new Denied(deny);
                }
                AccessDecision.Permit permit = (AccessDecision.Permit) decision;
                R r = work.apply(new Permitted(tx, now, permit, call.context()));
                alertIfRequired(call, now, permit, tx);
                AuditOutcome outcome = call.action().isWrite() ? AuditOutcome.SUCCESS : AuditOutcome.PERMIT;
                tx.audit().append(event(call, now, outcome, permit.rule()));
                return r;
            });
            log.debug("{} {} permitted for {}", call.auditAction(), call.subject().orElse("-"), call.context().correlationId());
            return result;
        } catch (Denied d) {
            storage.inTransaction(tx -> tx.audit().append(event(call, now, AuditOutcome.DENY, d.deny.rule())));
            log.info("{} denied by {} for {}", call.auditAction(), d.deny.rule(), call.context().correlationId());
            throw new AccessDeniedException(d.deny);
        } catch (RuleViolationException | InvalidInputException | VersionConflictException e) {
            auditRejection(call, now, e);
            throw e;
        }
    }

    /**
     * R40: a permit that must alert the privacy officer publishes an event with the work and its
     * audit: RelationshipClaimed for a self-claimed relationship, BreakGlassUsed otherwise.
     */
    private static void alertIfRequired(GuardedCall call, Instant now, AccessDecision.Permit permit,
            io.github.personalcare.spi.Transaction tx) {
        if (permit.requires(Obligation.ALERT_PRIVACY_OFFICER) && call.patient().isPresent()) {
            AccessContext ctx = call.context();
            tx.outbox().publish(ctx.relationshipClaimed()
                    ? new AccessEvent.RelationshipClaimed(UUID.randomUUID(), now, call.patient().get(),
                            ctx.actor().reference(), call.auditAction(), ctx.correlationId().value())
                    : new AccessEvent.BreakGlassUsed(UUID.randomUUID(), now, call.patient().get(),
                            ctx.actor().reference(), call.auditAction(), ctx.correlationId().value()));
        }
    }

    private void auditRejection(GuardedCall call, Instant now, PersonalCareException e) {
        storage.inTransaction(tx -> tx.audit().append(event(call, now, AuditOutcome.REJECTED, e.rule())));
        log.info("{} {} rejected by rule {} for {}", call.auditAction(), call.subject().orElse("-"), e.rule(),
                call.context().correlationId());
    }

    private AccessDecision decideSafely(AccessRequest request, io.github.personalcare.spi.Transaction tx) {
        try {
            AccessDecision d = policy.decide(request, AccessFacts.of(tx));
            return d == null ? AccessDecision.deny("FAIL_CLOSED", "the policy gave no decision") : d;
        } catch (RuntimeException e) {
            log.warn("access policy failed ({}); denying", e.getClass().getSimpleName());
            return AccessDecision.deny("FAIL_CLOSED", "the policy could not decide");
        }
    }

    private static AuditEvent event(GuardedCall call, Instant now, AuditOutcome outcome, String rule) {
        PatientId patient = call.patient().orElse(null);
        return AuditEvent.of(call.context(), now, call.auditAction(), patient, call.subject().orElse(null), outcome,
                rule);
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
