package io.github.personalcare.econsult;

import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.internal.AccessGuard;
import io.github.personalcare.internal.GuardedAggregates;
import io.github.personalcare.internal.GuardedCall;
import io.github.personalcare.internal.Permitted;
import io.github.personalcare.internal.ServiceWiring;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.lang.NotFoundException;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.lang.VersionConflictException;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.PatientStores;
import io.github.personalcare.spi.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * E-consultations: the patient, or a proxy within the scope the patient granted (the consent
 * engine decides, data class {@link DataClass#ECONSULTATION}), submits a structured request to
 * their registered practice; a professional of that practice triages it to an outcome, which the
 * patient then sees. Every call runs through the access guard, which decides, audits and commits
 * the change and its events in one transaction; a refused command stores nothing.
 *
 * <p><b>Red flags.</b> A request with any {@link RedFlag} answered "yes" goes straight to
 * {@link EconsultStatus#URGENT_ADVICE}: the answer to the submitter says to get urgent help now,
 * an {@link EconsultEvent.UrgentAdviceGiven} event is written in the same transaction for the
 * practice's system to alert on, and the request never enters the routine queue (it has no due
 * time and never shows in {@link #overdue}; {@link #urgent} lists it).
 *
 * <p><b>Target time.</b> A routine request is due {@link TriageTarget} after submission (default
 * 48 hours); {@link #overdue} lists the practice's requests past it, from the {@code due_at} index.
 *
 * <pre>{@code
 * Versioned<Econsultation> e = care.econsultations().submit(AccessContext.patientSelf(patientId), patientId,
 *         new EconsultRequest("Rash on my arm", LocalDate.of(2026, 12, 1), "Itchy at night",
 *                 "Advice on what to use", Set.of()));
 * e = care.econsultations().triage(gp, e.value().id(),
 *         new TriageOutcome.SelfCareAdvice("Use an emollient twice a day"), e.version());
 * }</pre>
 *
 * <p>Thread-safe. Logs internal ids, statuses and outcome kinds only, never the answers or notes.
 */
public final class EconsultService {
    private static final Logger log = LoggerFactory.getLogger(EconsultService.class);
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final AccessGuard guard;
    private final GuardedAggregates<EconsultationId, Econsultation> econsultations;
    private final TriageTarget target;

    static {
        ServiceWiring.register(EconsultService.class, w -> new EconsultService(w.guard(),
                w.option(TriageTarget.class).orElse(TriageTarget.DEFAULT)));
    }

    /** Created by the entry point through {@link ServiceWiring}; suppliers use {@code PersonalCare}. */
    EconsultService(AccessGuard guard, TriageTarget target) {
        this.guard = Require.present("guard", guard);
        this.target = Require.present("target", target);
        this.econsultations = new GuardedAggregates<>(guard, EconsultStores.ECONSULTATIONS, DataClass.ECONSULTATION,
                "Econsultation");
    }

    /** {@return the triage target time this service gives routine requests} */
    public TriageTarget target() {
        return target;
    }

    /**
     * Submits a request to the patient's registered practice, by the patient or a proxy.
     *
     * @param ctx     who asks: the patient, or a carer the patient's consent lets act for them
     * @param patient whose request it is
     * @param request the answers
     * @return the request at version 1: {@link EconsultStatus#URGENT_ADVICE} if a red flag was
     *         answered "yes", otherwise {@link EconsultStatus#AWAITING_TRIAGE} with its due time
     * @throws InvalidInputException if the request is missing, or its date is in the future or
     *                               before the patient's date of birth (field {@code since})
     * @throws RuleViolationException with {@code ECONSULT_SUBMITTER} if the actor is not the patient or a
     *                                carer, or {@code ECONSULT_PRACTICE} if the patient has no registered practice
     *                                (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the actor may not act for the patient (audited)
     */
    public Versioned<Econsultation> submit(AccessContext ctx, PatientId patient, EconsultRequest request) {
        Require.present("ctx", ctx);
        Require.present("patient", patient);
        Require.present("request", request);
        EconsultationId id = EconsultationId.random();
        Versioned<Econsultation> saved = guard.run(GuardedCall.on(ctx, patient, AccessAction.COLLECT,
                DataClass.ECONSULTATION, "econsult.submit", "Econsultation/" + id), p -> {
            requirePatientOrCarer(ctx, "an e-consultation is submitted by the patient or a proxy acting for them");
            Patient record = p.tx().aggregates(PatientStores.PATIENTS).get(patient).value();
            LocalDate today = LocalDate.ofInstant(p.now(), UK);
            if (request.since().isAfter(today)) {
                throw new InvalidInputException("since", "ECONSULT_SINCE", "must not be in the future");
            }
            if (request.since().isBefore(record.dateOfBirth())) {
                throw new InvalidInputException("since", "ECONSULT_SINCE", "must not be before the date of birth");
            }
            OdsCode practice = record.registeredPractice().orElseThrow(() -> new RuleViolationException(
                    "ECONSULT_PRACTICE", "the patient has no registered practice to send the request to"));
            Econsultation e = Econsultation.submit(id, patient, practice, ctx.actor().reference(), request, p.now(),
                    target);
            long version = p.tx().aggregates(EconsultStores.ECONSULTATIONS).insert(e);
            p.tx().outbox().publish(new EconsultEvent.Submitted(UUID.randomUUID(), p.now(), patient, id, practice,
                    e.status()));
            if (e.status() == EconsultStatus.URGENT_ADVICE) {
                p.tx().outbox().publish(new EconsultEvent.UrgentAdviceGiven(UUID.randomUUID(), p.now(), patient, id,
                        practice, request.redFlags()));
            }
            return new Versioned<>(e, version);
        });
        log.info("econsultation {} submitted, {}", id, saved.value().status());
        return saved;
    }

    /**
     * The practice records its outcome; the patient sees it from then on.
     *
     * @param ctx             who asks: a professional of the practice the request was sent to
     * @param id              the e-consultation
     * @param outcome         what the practice decided, with its note to the patient
     * @param expectedVersion the version read
     * @return the request at its new version, {@link EconsultStatus#TRIAGED}
     * @throws InvalidInputException if the outcome is missing
     * @throws RuleViolationException with {@code PRACTICE} if the actor is not a professional of the request's practice
     *                                (audited)
     * @throws io.github.personalcare.lang.IllegalTransitionException if it was already triaged or withdrawn
     * @throws VersionConflictException if the request is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such request (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change it (audited)
     */
    public Versioned<Econsultation> triage(AccessContext ctx, EconsultationId id, TriageOutcome outcome,
            long expectedVersion) {
        Require.present("ctx", ctx);
        Require.present("outcome", outcome);
        return apply(ctx, id, EconsultCommand.Type.TRIAGE, expectedVersion, (p, e) -> {
            if (!(ctx.actor() instanceof Actor.Professional professional)) {
                throw new RuleViolationException("PRACTICE", "an e-consultation is triaged by a professional of the practice");
            }
            if (!professional.organisation().equals(e.practice())) {
                throw new RuleViolationException("PRACTICE", "an e-consultation is triaged by the practice it was sent to");
            }
            p.tx().outbox().publish(new EconsultEvent.Triaged(UUID.randomUUID(), p.now(), e.patient(), id,
                    outcome.kind(), e.isOverdue(p.now())));
            return new EconsultCommand.Triage(outcome, professional.user());
        });
    }

    /**
     * The patient or proxy withdraws a request still in the routine queue.
     *
     * @param ctx             who asks: the patient, or a carer the patient's consent lets act for them
     * @param id              the e-consultation
     * @param expectedVersion the version read
     * @return the request at its new version, {@link EconsultStatus#WITHDRAWN}
     * @throws RuleViolationException with {@code ECONSULT_SUBMITTER} if the actor is not the patient or a carer
     *                                (audited)
     * @throws io.github.personalcare.lang.IllegalTransitionException if it is no longer awaiting triage
     *                                                                (urgent advice is never withdrawn)
     * @throws VersionConflictException if the request is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such request (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change it (audited)
     */
    public Versioned<Econsultation> withdraw(AccessContext ctx, EconsultationId id, long expectedVersion) {
        Require.present("ctx", ctx);
        return apply(ctx, id, EconsultCommand.Type.WITHDRAW, expectedVersion, (p, e) -> {
            requirePatientOrCarer(ctx, "a request is withdrawn by the patient or a proxy");
            p.tx().outbox().publish(new EconsultEvent.Withdrawn(UUID.randomUUID(), p.now(), e.patient(), id));
            return new EconsultCommand.Withdraw();
        });
    }

    /**
     * The checks that need the stored request, the events to publish and the command to apply; it
     * runs inside the guard, so a refusal by rule is audited (REJECTED) like any other.
     */
    private interface Step {
        EconsultCommand run(Permitted p, Econsultation before);
    }

    private Versioned<Econsultation> apply(AccessContext ctx, EconsultationId id, EconsultCommand.Type type,
            long expectedVersion, Step step) {
        Versioned<Econsultation> saved = econsultations.change(ctx, id, expectedVersion, AccessAction.CORRECT,
                type.auditAction(), (p, before) -> before.apply(step.run(p, before), p.now()));
        log.info("econsultation {} {} -> {} at version {}", id, type, saved.value().status(), saved.version());
        return saved;
    }

    private static void requirePatientOrCarer(AccessContext ctx, String message) {
        if (!(ctx.actor() instanceof Actor.PatientActor || ctx.actor() instanceof Actor.Carer)) {
            throw new RuleViolationException("ECONSULT_SUBMITTER", message);
        }
    }

    /**
     * The request with its version, its outcome included once triaged: what the patient sees.
     *
     * @param ctx who asks, for what purpose
     * @param id  the e-consultation
     * @return the request with its version
     * @throws NotFoundException if the caller may ask and there is no such request (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not read it (audited)
     */
    public Versioned<Econsultation> get(AccessContext ctx, EconsultationId id) {
        return econsultations.read(ctx, id, "econsult.read", (p, v) -> v);
    }

    /**
     * Every request of the patient, newest first.
     *
     * @param ctx     who asks, for what purpose
     * @param patient the patient
     * @return the patient's requests with their versions, newest first
     * @throws InvalidInputException if {@code patient} is missing
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not read them (audited)
     */
    public List<Versioned<Econsultation>> forPatient(AccessContext ctx, PatientId patient) {
        Require.present("patient", patient);
        return guard.run(GuardedCall.on(ctx, patient, AccessAction.ACCESS, DataClass.ECONSULTATION, "econsult.list",
                "Patient/" + patient), p -> p.tx().aggregates(EconsultStores.ECONSULTATIONS).findByPatient(patient)
                .stream()
                .sorted(Comparator.comparing((Versioned<Econsultation> v) -> v.value().submittedAt()).reversed()
                        .thenComparing(v -> v.value().id().value()))
                .toList());
    }

    /**
     * The practice's routine requests past their due time, most overdue first: one indexed query
     * ({@code practice}, {@code status}, {@code due_at}), never a scan of every request.
     *
     * @param ctx      who asks: a professional of the practice, or a system component
     * @param practice the practice's ODS code
     * @return the overdue requests, by id, patient, version and due time, most overdue first
     * @throws InvalidInputException if {@code practice} is missing
     * @throws RuleViolationException with {@code PRACTICE} if the actor is a professional of another organisation
     *                                (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not query e-consultations (audited)
     */
    public List<QueuedEconsultation> overdue(AccessContext ctx, OdsCode practice) {
        Require.present("practice", practice);
        return queue(ctx, practice, "econsult.overdue", p -> Query.where("practice").is(practice.value())
                .and("status").is(EconsultStatus.AWAITING_TRIAGE).and("due_at").before(p.now().toEpochMilli()));
    }

    /**
     * The practice's requests routed to urgent advice and not yet followed up with an outcome,
     * oldest first.
     *
     * @param ctx      who asks: a professional of the practice, or a system component
     * @param practice the practice's ODS code
     * @return the urgent requests, oldest first
     * @throws InvalidInputException if {@code practice} is missing
     * @throws RuleViolationException with {@code PRACTICE} if the actor is a professional of another organisation
     *                                (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not query e-consultations (audited)
     */
    public List<QueuedEconsultation> urgent(AccessContext ctx, OdsCode practice) {
        Require.present("practice", practice);
        return queue(ctx, practice, "econsult.urgent", p -> Query.where("practice").is(practice.value())
                .and("status").is(EconsultStatus.URGENT_ADVICE));
    }

    private List<QueuedEconsultation> queue(AccessContext ctx, OdsCode practice, String auditAction,
            java.util.function.Function<Permitted, Query> query) {
        Require.present("ctx", ctx);
        return guard.run(GuardedCall.population(ctx, AccessAction.ACCESS, DataClass.ECONSULTATION, auditAction), p -> {
            // Inside the guard, so a refusal is audited (REJECTED).
            boolean ownStaff = ctx.actor() instanceof Actor.Professional pro && pro.organisation().equals(practice);
            if (!(ownStaff || ctx.actor() instanceof Actor.SystemActor)) {
                throw new RuleViolationException("PRACTICE", "a practice's queue is for its own staff");
            }
            return PatientStores.releasable(p.tx(), ctx.purpose(),
                    p.tx().aggregates(EconsultStores.ECONSULTATIONS).query(query.apply(p)).stream()
                            .map(v -> new QueuedEconsultation(v.value().id(), v.value().patient(), v.version(),
                                    v.value().status(), v.value().submittedAt(), v.value().dueBy()))
                            .sorted(Comparator.comparing((QueuedEconsultation q) -> q.dueBy().orElse(q.submittedAt()))
                                    .thenComparing(q -> q.id().value()))
                            .toList(), QueuedEconsultation::patient);
        });
    }
}
