package io.github.personalcare.consent;

import io.github.personalcare.internal.ServiceWiring;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.lang.NotFoundException;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.internal.AccessGuard;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.internal.GuardedAggregates;
import io.github.personalcare.internal.GuardedCall;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.lang.Versioned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Records, changes, withdraws and lists a patient's consents, through the access guard: every
 * call is decided by the consent policy and audited (R38, R50). A withdrawal takes effect at
 * once: the next decision, even in the same second, no longer sees the consent. Every change
 * takes the consent's id and the version the caller read, and returns the consent at its new
 * version.
 *
 * <pre>{@code
 * Versioned<ConsentRecord> grant = care.consents().record(AccessContext.patientSelf(patientId), patientId,
 *         ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY)
 *                 .policyRule(BasePolicy.OPT_IN)
 *                 .provision(Provision.root().actor(ProvisionActor.person(carer))
 *                         .provision(Provision.permit()
 *                                 .action(AccessAction.ACCESS)
 *                                 .dataClass(DataClass.CARE_PLAN)))
 *                 .build());
 * care.consents().withdraw(AccessContext.patientSelf(patientId), grant.value().id(), grant.version());
 * }</pre>
 */
public final class ConsentService {
    private static final Logger log = LoggerFactory.getLogger(ConsentService.class);
    private final AccessGuard guard;
    private final GuardedAggregates<ConsentId, ConsentRecord> consents;

    static {
        ServiceWiring.register(ConsentService.class, w -> new ConsentService(w.guard()));
    }

    /** Created by the entry point through {@link ServiceWiring}; suppliers use {@code PersonalCare}. */
    ConsentService(AccessGuard guard) {
        this.guard = Require.present("guard", guard);
        this.consents = new GuardedAggregates<>(guard, ConsentStores.CONSENTS, DataClass.CONSENT, "Consent");
    }

    /**
     * Records an active consent for the patient, timed now.
     *
     * @param ctx     who asks, for what purpose
     * @param patient the patient the consent is about (R44)
     * @param terms   what the patient consents to or objects to
     * @return the consent at version 1
     * @throws InvalidInputException if the patient is missing (R44) or the terms are missing
     * @throws io.github.personalcare.access.AccessDeniedException if the actor may not record consents
     */
    public Versioned<ConsentRecord> record(AccessContext ctx, PatientId patient, ConsentTerms terms) {
        return insert(ctx, patient, terms, ConsentStatus.ACTIVE, "consent.record");
    }

    /**
     * Records a proposed consent, such as a research consent offered to the patient: it is kept and
     * listed but grants or refuses nothing until {@link #accept accepted} (R43).
     *
     * @param ctx     who asks, for what purpose
     * @param patient the patient the consent is about (R44)
     * @param terms   what the patient is asked to consent to
     * @return the consent at version 1
     * @throws InvalidInputException if the patient is missing (R44) or the terms are missing
     * @throws io.github.personalcare.access.AccessDeniedException if the actor may not record consents
     */
    public Versioned<ConsentRecord> propose(AccessContext ctx, PatientId patient, ConsentTerms terms) {
        return insert(ctx, patient, terms, ConsentStatus.PROPOSED, "consent.propose");
    }

    private Versioned<ConsentRecord> insert(AccessContext ctx, PatientId patient, ConsentTerms terms,
            ConsentStatus status, String auditAction) {
        if (patient == null) {
            throw new InvalidInputException("patient", "R44", "a consent must name its patient");
        }
        Require.present("terms", terms);
        ConsentId id = ConsentId.random();
        Versioned<ConsentRecord> saved = guard.run(GuardedCall.on(ctx, patient, AccessAction.COLLECT, DataClass.CONSENT,
                auditAction, consents.subject(id)), p -> {
            ConsentRecord consent = new ConsentRecord(id, patient, status, p.now(), terms);
            long version = p.tx().aggregates(ConsentStores.CONSENTS).insert(consent);
            p.tx().outbox().publish(new ConsentEvent.Recorded(UUID.randomUUID(), p.now(), patient, id.value()));
            return new Versioned<>(consent, version);
        });
        log.info("consent {} recorded for patient {} as {}", id, patient, status);
        return saved;
    }

    /**
     * Accepts a draft or proposed consent: it applies from now on. Only the patient or a carer
     * acting for them may accept.
     *
     * @param ctx             who asks: the patient or a carer acting for them
     * @param id              the consent's id
     * @param expectedVersion the version read
     * @return the consent, active, at its new version
     * @throws RuleViolationException with rule {@code CONSENT_GIVER} if a professional tries to accept
     * @throws NotFoundException if the caller may ask and there is no such consent (audited)
     * @throws io.github.personalcare.lang.IllegalTransitionException if it is not draft or proposed
     * @throws io.github.personalcare.lang.VersionConflictException if the consent is no longer at {@code expectedVersion}
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the consent (audited)
     */
    public Versioned<ConsentRecord> accept(AccessContext ctx, ConsentId id, long expectedVersion) {
        return move(ctx, id, expectedVersion, ConsentStatus.ACTIVE, "consent.accept");
    }

    /**
     * Rejects a draft or proposed consent; a rejected consent never applies and cannot be reopened.
     * Only the patient or a carer acting for them may reject.
     *
     * @param ctx             who asks: the patient or a carer acting for them
     * @param id              the consent's id
     * @param expectedVersion the version read
     * @return the consent, rejected, at its new version
     * @throws RuleViolationException with rule {@code CONSENT_GIVER} if a professional tries to reject
     * @throws NotFoundException if the caller may ask and there is no such consent (audited)
     * @throws io.github.personalcare.lang.IllegalTransitionException if it is not draft or proposed
     * @throws io.github.personalcare.lang.VersionConflictException if the consent is no longer at {@code expectedVersion}
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the consent (audited)
     */
    public Versioned<ConsentRecord> reject(AccessContext ctx, ConsentId id, long expectedVersion) {
        return move(ctx, id, expectedVersion, ConsentStatus.REJECTED, "consent.reject");
    }

    /**
     * Marks a consent recorded by mistake as entered in error: it stops applying at once and is
     * kept (never deleted) for the audit. A professional may correct a consent that only grants;
     * one that denies anything is the patient's objection, and only the patient or their
     * representative lifts it (R41).
     *
     * @param ctx             who asks, for what purpose
     * @param id              the consent's id
     * @param expectedVersion the version read
     * @return the consent, entered in error, at its new version
     * @throws RuleViolationException with rule R41 if someone else tries to mark an objection in error
     * @throws NotFoundException if the caller may ask and there is no such consent (audited)
     * @throws io.github.personalcare.lang.IllegalTransitionException if it is already withdrawn, rejected or in error
     * @throws io.github.personalcare.lang.VersionConflictException if the consent is no longer at {@code expectedVersion}
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the consent (audited)
     */
    public Versioned<ConsentRecord> markEnteredInError(AccessContext ctx, ConsentId id, long expectedVersion) {
        return move(ctx, id, expectedVersion, ConsentStatus.ENTERED_IN_ERROR, "consent.enteredInError");
    }

    private Versioned<ConsentRecord> move(AccessContext ctx, ConsentId id, long expectedVersion, ConsentStatus next,
            String auditAction) {
        Versioned<ConsentRecord> moved = consents.change(ctx, id, expectedVersion, AccessAction.CORRECT, auditAction,
                (p, consent) -> {
                    if ((next == ConsentStatus.ACTIVE || next == ConsentStatus.REJECTED)
                            && !givesConsent(ctx, consent.patient())) {
                        throw new RuleViolationException("CONSENT_GIVER",
                                "only the patient or their representative accepts or rejects a consent");
                    }
                    if (next == ConsentStatus.ENTERED_IN_ERROR) {
                        requireMayLift(ctx, consent);
                    }
                    ConsentRecord after = consent.moveTo(next, p.now());
                    p.tx().outbox().publish(new ConsentEvent.StatusChanged(UUID.randomUUID(), p.now(), consent.patient(),
                            id.value(), next.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
                    return after;
                });
        log.info("consent {} is now {}, storage version {}", id, next, moved.version());
        return moved;
    }

    /**
     * Replaces the terms of a draft, proposed or active consent. Only the patient or their
     * representative changes what they consented to, so a professional cannot weaken an
     * objection (R41) by rewriting it.
     *
     * @param ctx             who asks: the patient or their representative
     * @param id              the consent's id
     * @param terms           the new terms, replacing the old ones
     * @param expectedVersion the version read
     * @return the consent with its new terms, at its new version
     * @throws RuleViolationException with rule {@code CONSENT_GIVER} if someone else tries
     * @throws NotFoundException if the caller may ask and there is no such consent (audited)
     * @throws io.github.personalcare.lang.IllegalTransitionException if it is withdrawn, rejected or in error
     * @throws io.github.personalcare.lang.VersionConflictException if the consent is no longer at {@code expectedVersion}
     * @throws InvalidInputException if {@code terms} is missing
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the consent (audited)
     */
    public Versioned<ConsentRecord> update(AccessContext ctx, ConsentId id, ConsentTerms terms, long expectedVersion) {
        Require.present("terms", terms);
        return consents.change(ctx, id, expectedVersion, AccessAction.CORRECT, "consent.update", (p, consent) -> {
            requireGiver(ctx, consent, "changes a consent's terms");
            ConsentRecord next = consent.withTerms(terms, p.now());
            p.tx().outbox().publish(new ConsentEvent.Updated(UUID.randomUUID(), p.now(), consent.patient(), id.value()));
            return next;
        });
    }

    /**
     * Withdraws a consent, effective at once: from this call on it neither permits nor denies.
     * Only the patient or their representative withdraws it, so a professional cannot lift the
     * patient's objection (R41).
     *
     * @param ctx             who asks: the patient or their representative
     * @param id              the consent's id
     * @param expectedVersion the version read
     * @return the consent, withdrawn, at its new version
     * @throws RuleViolationException with rule {@code CONSENT_GIVER} if someone else tries
     * @throws NotFoundException if the caller may ask and there is no such consent (audited)
     * @throws io.github.personalcare.lang.IllegalTransitionException if it is already withdrawn, rejected or in error
     * @throws io.github.personalcare.lang.VersionConflictException if the consent is no longer at {@code expectedVersion}
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the consent (audited)
     */
    public Versioned<ConsentRecord> withdraw(AccessContext ctx, ConsentId id, long expectedVersion) {
        Versioned<ConsentRecord> withdrawn = consents.change(ctx, id, expectedVersion, AccessAction.CORRECT,
                "consent.withdraw", (p, consent) -> {
                    requireGiver(ctx, consent, "withdraws a consent");
                    ConsentRecord next = consent.withdraw(p.now());
                    p.tx().outbox().publish(new ConsentEvent.Withdrawn(UUID.randomUUID(), p.now(), consent.patient(),
                            id.value()));
                    return next;
                });
        log.info("consent {} withdrawn, storage version {}", id, withdrawn.version());
        return withdrawn;
    }

    /**
     * One consent with its stored version, the version a command on it expects.
     *
     * @param ctx who asks, for what purpose
     * @param id  the consent's id
     * @return the consent with its stored version
     * @throws NotFoundException if the caller may ask and there is no such consent (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not read the consents (audited)
     */
    public Versioned<ConsentRecord> get(AccessContext ctx, ConsentId id) {
        return consents.read(ctx, id, "consent.read", (p, v) -> v);
    }

    /**
     * The patient's consents in every status with their stored versions, oldest first.
     *
     * @param ctx     who asks, for what purpose
     * @param patient the patient whose consents are listed
     * @return the consents with their stored versions, oldest first
     * @throws InvalidInputException if {@code patient} is missing
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not read the consents (audited)
     */
    public List<Versioned<ConsentRecord>> list(AccessContext ctx, PatientId patient) {
        Require.present("patient", patient);
        return guard.run(GuardedCall.on(ctx, patient, AccessAction.ACCESS, DataClass.CONSENT, "consent.list",
                "Consent?patient=" + patient), p -> {
            List<Versioned<ConsentRecord>> all = new ArrayList<>(
                    p.tx().aggregates(ConsentStores.CONSENTS).findByPatient(patient));
            all.sort(Comparator.comparing((Versioned<ConsentRecord> v) -> v.value().recordedAt())
                    .thenComparing(v -> v.value().id().value()));
            return List.copyOf(all);
        });
    }

    private static void requireGiver(AccessContext ctx, ConsentRecord consent, String what) {
        if (!givesConsent(ctx, consent.patient())) {
            throw new RuleViolationException("CONSENT_GIVER", "only the patient or their representative " + what);
        }
    }

    /** R41: an objection (a consent that denies anything) is lifted only by the patient or their representative. */
    private static void requireMayLift(AccessContext ctx, ConsentRecord consent) {
        if (consent.terms().restricts() && !givesConsent(ctx, consent.patient())) {
            throw new RuleViolationException("R41",
                    "the patient's objection is lifted only by the patient or their representative");
        }
    }

    /** The patient themself, or a carer acting for them (whose authority the policy has checked). */
    private static boolean givesConsent(AccessContext ctx, PatientId patient) {
        return ctx.actor() instanceof Actor.PatientActor self && self.patient().equals(patient)
                || ctx.actor() instanceof Actor.Carer;
    }
}
