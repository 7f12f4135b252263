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
 * once: the next decision, even in the same second, no longer sees the consent.
 *
 * <pre>{@code
 * ConsentRecord grant = care.consents().record(AccessContext.patientSelf(patientId), patientId,
 *         ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY)
 *                 .policyRule(BasePolicy.OPT_IN)
 *                 .provision(Provision.root().provision(Provision.permit()
 *                         .actor(ProvisionActor.person(carer))
 *                         .action(AccessAction.ACCESS)
 *                         .dataClass(DataClass.CARE_PLAN)))
 *                 .build());
 * care.consents().withdraw(AccessContext.patientSelf(patientId), patientId, grant.id());
 * }</pre>
 */
public final class ConsentService {
    private static final Logger log = LoggerFactory.getLogger(ConsentService.class);
    private final AccessGuard guard;

    static {
        ServiceWiring.register(ConsentService.class, w -> new ConsentService(w.guard()));
    }

    /** Created by the entry point through {@link ServiceWiring}; suppliers use {@code PersonalCare}. */
    ConsentService(AccessGuard guard) {
        this.guard = Require.present("guard", guard);
    }

    /**
     * Records an active consent for the patient, timed now.
     *
     * @throws InvalidInputException if the patient is missing (R44) or the terms are missing
     * @throws io.github.personalcare.access.AccessDeniedException if the actor may not record consents
     */
    public ConsentRecord record(AccessContext ctx, PatientId patient, ConsentTerms terms) {
        return insert(ctx, patient, terms, ConsentStatus.ACTIVE, "consent.record");
    }

    /**
     * Records a proposed consent, such as a research consent offered to the patient: it is kept and
     * listed but grants or refuses nothing until {@link #accept accepted} (R43).
     *
     * @throws InvalidInputException if the patient is missing (R44) or the terms are missing
     * @throws io.github.personalcare.access.AccessDeniedException if the actor may not record consents
     */
    public ConsentRecord propose(AccessContext ctx, PatientId patient, ConsentTerms terms) {
        return insert(ctx, patient, terms, ConsentStatus.PROPOSED, "consent.propose");
    }

    private ConsentRecord insert(AccessContext ctx, PatientId patient, ConsentTerms terms, ConsentStatus status,
            String auditAction) {
        if (patient == null) {
            throw new InvalidInputException("patient", "R44", "a consent must name its patient");
        }
        Require.present("terms", terms);
        ConsentId id = ConsentId.random();
        ConsentRecord saved = guard.run(GuardedCall.on(ctx, patient, AccessAction.COLLECT, DataClass.CONSENT,
                auditAction, "Consent/" + id), p -> {
            ConsentRecord consent = new ConsentRecord(id, patient, status, p.now(), terms);
            p.tx().aggregates(ConsentStores.CONSENTS).insert(consent);
            p.tx().outbox().publish(new ConsentEvent.Recorded(UUID.randomUUID(), p.now(), patient, id.value()));
            return consent;
        });
        log.info("consent {} recorded for patient {} as {}", id, patient, status);
        return saved;
    }

    /**
     * Accepts a draft or proposed consent: it applies from now on. Only the patient or a carer
     * acting for them may accept.
     *
     * @param expectedVersion the version read; a stale one throws {@code VersionConflictException}
     * @throws RuleViolationException with rule {@code CONSENT_GIVER} if a professional tries to accept
     * @throws NotFoundException if the patient has no such consent
     * @throws io.github.personalcare.lang.IllegalTransitionException if it is not draft or proposed
     */
    public ConsentRecord accept(AccessContext ctx, PatientId patient, ConsentId id, long expectedVersion) {
        return move(ctx, patient, id, expectedVersion, ConsentStatus.ACTIVE, "consent.accept");
    }

    /**
     * Rejects a draft or proposed consent; a rejected consent never applies and cannot be reopened.
     * Only the patient or a carer acting for them may reject.
     *
     * @throws RuleViolationException with rule {@code CONSENT_GIVER} if a professional tries to reject
     * @throws NotFoundException if the patient has no such consent
     * @throws io.github.personalcare.lang.IllegalTransitionException if it is not draft or proposed
     */
    public ConsentRecord reject(AccessContext ctx, PatientId patient, ConsentId id, long expectedVersion) {
        return move(ctx, patient, id, expectedVersion, ConsentStatus.REJECTED, "consent.reject");
    }

    /**
     * Marks a consent recorded by mistake as entered in error: it stops applying at once and is
     * kept (never deleted) for the audit.
     *
     * @throws NotFoundException if the patient has no such consent
     * @throws io.github.personalcare.lang.IllegalTransitionException if it is already withdrawn, rejected or in error
     */
    public ConsentRecord markEnteredInError(AccessContext ctx, PatientId patient, ConsentId id, long expectedVersion) {
        return move(ctx, patient, id, expectedVersion, ConsentStatus.ENTERED_IN_ERROR, "consent.enteredInError");
    }

    private ConsentRecord move(AccessContext ctx, PatientId patient, ConsentId id, long expectedVersion,
            ConsentStatus next, String auditAction) {
        Require.present("patient", patient);
        Require.present("consentId", id);
        ConsentRecord moved = guard.run(GuardedCall.on(ctx, patient, AccessAction.CORRECT, DataClass.CONSENT,
                auditAction, "Consent/" + id), p -> {
            if ((next == ConsentStatus.ACTIVE || next == ConsentStatus.REJECTED) && !givesConsent(ctx, patient)) {
                throw new RuleViolationException("CONSENT_GIVER",
                        "only the patient or their representative accepts or rejects a consent");
            }
            var consents = p.tx().aggregates(ConsentStores.CONSENTS);
            ConsentRecord after = owned(consents.get(id), patient).value().moveTo(next, p.now());
            consents.update(after, expectedVersion);
            p.tx().outbox().publish(new ConsentEvent.StatusChanged(UUID.randomUUID(), p.now(), patient, id.value(),
                    next.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
            return after;
        });
        log.info("consent {} of patient {} is now {}", id, patient, next);
        return moved;
    }

    /**
     * Replaces the terms of a draft, proposed or active consent.
     *
     * @param expectedVersion the version read; a stale one throws {@code VersionConflictException}
     * @throws NotFoundException if the patient has no such consent
     * @throws io.github.personalcare.lang.IllegalTransitionException if it is withdrawn, rejected or in error
     */
    public ConsentRecord update(AccessContext ctx, PatientId patient, ConsentId id, ConsentTerms terms,
            long expectedVersion) {
        Require.present("patient", patient);
        Require.present("consentId", id);
        Require.present("terms", terms);
        return guard.run(GuardedCall.on(ctx, patient, AccessAction.CORRECT, DataClass.CONSENT, "consent.update",
                "Consent/" + id), p -> {
            var consents = p.tx().aggregates(ConsentStores.CONSENTS);
            ConsentRecord next = owned(consents.get(id), patient).value().withTerms(terms, p.now());
            consents.update(next, expectedVersion);
            p.tx().outbox().publish(new ConsentEvent.Updated(UUID.randomUUID(), p.now(), patient, id.value()));
            return next;
        });
    }

    /**
     * Withdraws a consent, effective at once: from this call on it neither permits nor denies.
     *
     * @throws NotFoundException if the patient has no such consent
     * @throws io.github.personalcare.lang.IllegalTransitionException if it is already withdrawn, rejected or in error
     */
    public ConsentRecord withdraw(AccessContext ctx, PatientId patient, ConsentId id) {
        Require.present("patient", patient);
        Require.present("consentId", id);
        ConsentRecord withdrawn = guard.run(GuardedCall.on(ctx, patient, AccessAction.CORRECT, DataClass.CONSENT,
                "consent.withdraw", "Consent/" + id), p -> {
            var consents = p.tx().aggregates(ConsentStores.CONSENTS);
            Versioned<ConsentRecord> current = owned(consents.get(id), patient);
            ConsentRecord next = current.value().withdraw(p.now());
            consents.update(next, current.version());
            p.tx().outbox().publish(new ConsentEvent.Withdrawn(UUID.randomUUID(), p.now(), patient, id.value()));
            return next;
        });
        log.info("consent {} withdrawn for patient {}", id, patient);
        return withdrawn;
    }

    /**
     * One consent with its stored version.
     *
     * @throws NotFoundException if the patient has no such consent
     */
    public Versioned<ConsentRecord> get(AccessContext ctx, PatientId patient, ConsentId id) {
        Require.present("patient", patient);
        Require.present("consentId", id);
        return guard.run(GuardedCall.on(ctx, patient, AccessAction.ACCESS, DataClass.CONSENT, "consent.read",
                "Consent/" + id), p -> owned(p.tx().aggregates(ConsentStores.CONSENTS).get(id), patient));
    }

    /** The patient's consents in every status, oldest first. */
    public List<ConsentRecord> list(AccessContext ctx, PatientId patient) {
        Require.present("patient", patient);
        return guard.run(GuardedCall.on(ctx, patient, AccessAction.ACCESS, DataClass.CONSENT, "consent.list",
                "Consent?patient=" + patient), p -> {
            List<ConsentRecord> all = new ArrayList<>();
            for (Versioned<ConsentRecord> v : p.tx().aggregates(ConsentStores.CONSENTS).findByPatient(patient)) {
                all.add(v.value());
            }
            all.sort(Comparator.comparing(ConsentRecord::recordedAt).thenComparing(c -> c.id().value()));
            return List.copyOf(all);
        });
    }

    /** The patient themself, or a carer acting for them (whose authority the policy has checked). */
    private static boolean givesConsent(AccessContext ctx, PatientId patient) {
        return ctx.actor() instanceof Actor.PatientActor self && self.patient().equals(patient)
                || ctx.actor() instanceof Actor.Carer;
    }

    private static Versioned<ConsentRecord> owned(Versioned<ConsentRecord> found, PatientId patient) {
        if (!found.value().patient().equals(patient)) {
            // another patient's consent is not found for this one: never reveal that it exists
            throw new NotFoundException("ConsentRecord", found.value().id().toString());
        }
        return found;
    }
}
