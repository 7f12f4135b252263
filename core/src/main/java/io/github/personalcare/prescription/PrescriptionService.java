package io.github.personalcare.prescription;

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
import io.github.personalcare.patient.PatientStores;
import io.github.personalcare.spi.AggregateStore;
import io.github.personalcare.spi.AggregateType;
import io.github.personalcare.spi.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Repeat prescriptions: a prescriber puts a medicine on a patient's repeat list, changes or stops
 * it; the patient or a proxy requests some of the repeat medicines; a prescriber approves or
 * rejects the request with a reason, and it is issued, which counts one issue of each medicine.
 * Every method runs through the access guard (data class {@link DataClass#PRESCRIPTION}), which
 * decides, audits and commits the change with its outbox events in one transaction; a refused
 * command stores nothing and is audited as rejected. A proxy acts only within a consent that
 * grants prescriptions (R47); administration may read requests, never decide them.
 *
 * <p>A request, an approval and an issue are refused with a {@link PrescriptionRefusedException}
 * naming a {@link Refusal} for each medicine that is not on repeat, whose authorised issues are
 * used, whose review date has passed, that was issued less than the policy's share of its
 * interval ago ({@link PrescriptionPolicy#earliestSharePercent()}), or (for a request) that is
 * already on an open request. Dates are UK local dates (Europe/London) of the configured clock.
 *
 * <pre>{@code
 * Versioned<RepeatMedicine> m = care.prescriptions().addRepeat(gp, patient, new RepeatTerms(
 *         Medicine.of("42109611000001109", "Paracetamol 500mg tablets"), "two tablets four times a day",
 *         SupplyQuantity.of(100, "tablet"), 28, 6, LocalDate.of(2027, 6, 1)));
 * Versioned<PrescriptionRequest> r = care.prescriptions().request(daughter, patient, List.of(m.value().id()));
 * r = care.prescriptions().approve(gp, r.value().id(), r.version());
 * r = care.prescriptions().issue(gp, r.value().id(), r.version());
 * }</pre>
 *
 * <p>Thread-safe: writers of one patient's data run one after another, and every change checks
 * the version read, so two requests racing for a medicine's last issue give one issue.
 * Logs internal ids, statuses and rule codes only.
 */
public final class PrescriptionService {
    private static final Logger log = LoggerFactory.getLogger(PrescriptionService.class);
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    private final AccessGuard guard;
    private final PrescriptionPolicy policy;
    private final GuardedAggregates<RepeatMedicineId, RepeatMedicine> medicines;
    private final GuardedAggregates<PrescriptionRequestId, PrescriptionRequest> requests;

    static {
        ServiceWiring.register(PrescriptionService.class, w -> new PrescriptionService(w.guard(),
                w.option(PrescriptionPolicy.class).orElseGet(PrescriptionPolicy::defaults)));
    }

    /** Created by the entry point through {@link ServiceWiring}; suppliers use {@code PersonalCare}. */
    PrescriptionService(AccessGuard guard, PrescriptionPolicy policy) {
        this.guard = Require.present("guard", guard);
        this.policy = Require.present("policy", policy);
        this.medicines = new GuardedAggregates<>(guard, PrescriptionStores.MEDICINES, DataClass.PRESCRIPTION,
                "RepeatMedicine");
        this.requests = new GuardedAggregates<>(guard, PrescriptionStores.REQUESTS, DataClass.PRESCRIPTION,
                "PrescriptionRequest");
    }

    /** {@return the policy this service runs under} */
    public PrescriptionPolicy policy() {
        return policy;
    }

    // --- the repeat list ---------------------------------------------------------------------

    /**
     * Puts a medicine on the patient's repeat list, authorised by the calling prescriber for
     * their organisation (the practice).
     *
     * @param ctx     who asks: a prescriber ({@link PrescriptionPolicy#prescriberRoles()}) with a relationship
     * @param patient the patient
     * @param terms   the medicine, dose, quantity, interval, issues authorised and review date
     * @return the repeat medicine, active with no issue used, at version 1
     * @throws InvalidInputException if the patient or terms are missing, or the review date is before today
     * @throws RuleViolationException with {@code PRESCRIBER} if the caller is not a prescriber
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the patient's
     *                                                             prescriptions (audited)
     */
    public Versioned<RepeatMedicine> addRepeat(AccessContext ctx, PatientId patient, RepeatTerms terms) {
        Require.present("patient", patient);
        Require.present("terms", terms);
        RepeatMedicineId id = RepeatMedicineId.random();
        Versioned<RepeatMedicine> saved = guard.run(GuardedCall.on(ctx, patient, AccessAction.COLLECT,
                DataClass.PRESCRIPTION, "prescription.repeat.add", "RepeatMedicine/" + id), p -> {
            Actor.Professional prescriber = prescriber(ctx);
            LocalDate today = today(p);
            requireReviewNotPast(terms, today);
            p.tx().aggregates(PatientStores.PATIENTS).get(patient);
            RepeatMedicine m = RepeatMedicine.authorise(id, patient, prescriber.organisation(), terms,
                    prescriber.user(), today);
            return new Versioned<>(m, p.tx().aggregates(PrescriptionStores.MEDICINES).insert(m));
        });
        log.info("repeat medicine {} added", id);
        return saved;
    }

    /**
     * Changes what is authorised for a repeat medicine (dose, quantity, interval, issues, review
     * date); the medicine itself stays the same (a different medicine is a new repeat) and the
     * issues used so far still count.
     *
     * @param ctx             who asks: a prescriber
     * @param id              the repeat medicine
     * @param terms           the new terms, of the same dm+d code
     * @param expectedVersion the version read
     * @return the medicine at its new version
     * @throws InvalidInputException if the terms are missing, name another medicine ({@code medicine.code}), allow
     *                               fewer issues than used ({@code issuesAuthorised}) or a past review date
     * @throws RuleViolationException with {@code PRESCRIBER} if the caller is not a prescriber, or
     *                                {@code NOT_ON_REPEAT} if the medicine was stopped
     * @throws VersionConflictException if the medicine is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such medicine (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change it (audited)
     */
    public Versioned<RepeatMedicine> changeRepeat(AccessContext ctx, RepeatMedicineId id, RepeatTerms terms,
            long expectedVersion) {
        Require.present("terms", terms);
        Versioned<RepeatMedicine> saved = medicines.change(ctx, id, expectedVersion, AccessAction.CORRECT,
                "prescription.repeat.change", (p, m) -> {
                    Actor.Professional prescriber = prescriber(ctx);
                    LocalDate today = today(p);
                    if (!terms.medicine().code().equals(m.medicine().code())) {
                        throw new InvalidInputException("medicine.code", "SAME_MEDICINE",
                                "must stay the same: put a different medicine on repeat instead");
                    }
                    requireReviewNotPast(terms, today);
                    return m.changed(terms, prescriber.user(), today);
                });
        log.info("repeat medicine {} changed at version {}", id, saved.version());
        return saved;
    }

    /**
     * Takes a medicine off repeat; it can never be requested again.
     *
     * @param ctx             who asks: a prescriber
     * @param id              the repeat medicine
     * @param reason          why, in words (kept on the record, never logged), 1 to 200 characters
     * @param expectedVersion the version read
     * @return the stopped medicine at its new version
     * @throws InvalidInputException if the reason is missing or too long
     * @throws RuleViolationException with {@code PRESCRIBER} if the caller is not a prescriber, or
     *                                {@code NOT_ON_REPEAT} if already stopped
     * @throws VersionConflictException if the medicine is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such medicine (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change it (audited)
     */
    public Versioned<RepeatMedicine> stopRepeat(AccessContext ctx, RepeatMedicineId id, String reason,
            long expectedVersion) {
        Require.text("reason", reason, Require.SHORT_TEXT);
        Versioned<RepeatMedicine> saved = medicines.change(ctx, id, expectedVersion, AccessAction.CORRECT,
                "prescription.repeat.stop", (p, m) -> {
                    prescriber(ctx);
                    return m.stopped(reason, today(p));
                });
        log.info("repeat medicine {} stopped at version {}", id, saved.version());
        return saved;
    }

    /**
     * One repeat medicine.
     *
     * @param ctx who asks, for what purpose
     * @param id  the repeat medicine
     * @return the medicine with its version
     * @throws NotFoundException if the caller may ask and there is no such medicine (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not read it (audited)
     */
    public Versioned<RepeatMedicine> getRepeat(AccessContext ctx, RepeatMedicineId id) {
        return medicines.read(ctx, id, "prescription.repeat.read", (p, v) -> v);
    }

    /**
     * The patient's repeat list: medicines on repeat and stopped ones, by name.
     *
     * @param ctx     who asks, for what purpose
     * @param patient the patient
     * @return the medicines with their versions, active first, then by name and id
     * @throws InvalidInputException if {@code patient} is missing
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not read them (audited)
     */
    public List<Versioned<RepeatMedicine>> repeats(AccessContext ctx, PatientId patient) {
        return listed(ctx, patient, "prescription.repeat.list", PrescriptionStores.MEDICINES,
                Comparator.comparing((Versioned<RepeatMedicine> v) -> !v.value().isActive())
                        .thenComparing(v -> v.value().medicine().name())
                        .thenComparing(v -> v.value().id().value()));
    }

    // --- requests ----------------------------------------------------------------------------

    /**
     * Requests repeat medicines for the patient: by the patient, a proxy within a consent that
     * grants prescriptions, or staff on the patient's behalf. Every medicine must be on the
     * patient's repeat list and pass the repeat rules today, and none may be on an open request.
     *
     * @param ctx     who asks, for what purpose
     * @param patient the patient
     * @param items   the repeat medicines wanted, 1 to 20, no repeats
     * @return the request, submitted, at version 1
     * @throws InvalidInputException if the patient is missing, or {@code items} is empty, too long, holds an empty
     *                               item or repeats one
     * @throws PrescriptionRefusedException naming a {@link Refusal} for each medicine refused (nothing stored)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not order for the patient
     *                                                             (audited)
     */
    public Versioned<PrescriptionRequest> request(AccessContext ctx, PatientId patient, List<RepeatMedicineId> items) {
        Require.present("patient", patient);
        List<RepeatMedicineId> wanted = items(items);
        PrescriptionRequestId id = PrescriptionRequestId.random();
        Versioned<PrescriptionRequest> saved = guard.run(GuardedCall.on(ctx, patient, AccessAction.COLLECT,
                DataClass.PRESCRIPTION, "prescription.request", "PrescriptionRequest/" + id), p -> {
            LocalDate today = today(p);
            var stored = p.tx().aggregates(PrescriptionStores.REQUESTS);
            Map<RepeatMedicineId, PrescriptionRequestId> open = new java.util.HashMap<>();
            for (RequestStatus s : List.of(RequestStatus.SUBMITTED, RequestStatus.APPROVED)) {
                for (Versioned<PrescriptionRequest> r : stored.query(Query.forPatient(patient).and("status").is(s))) {
                    r.value().items().forEach(item -> open.putIfAbsent(item, r.value().id()));
                }
            }
            List<Refusal> refusals = new ArrayList<>();
            for (RepeatMedicineId item : wanted) {
                Optional<Refusal> refusal = refusal(p, patient, item, today);
                if (refusal.isEmpty() && open.containsKey(item)) {
                    refusal = Optional.of(new Refusal.AlreadyRequested(item, open.get(item)));
                }
                refusal.ifPresent(refusals::add);
            }
            if (!refusals.isEmpty()) {
                throw new PrescriptionRefusedException(refusals);
            }
            PrescriptionRequest request = PrescriptionRequest.submitted(id, patient, wanted, ctx.actor().reference(),
                    p.now());
            long version = stored.insert(request);
            p.tx().outbox().publish(new PrescriptionEvent.RequestSubmitted(UUID.randomUUID(), p.now(), patient, id,
                    wanted));
            return new Versioned<>(request, version);
        });
        log.info("prescription request {} submitted with {} items", id, wanted.size());
        return saved;
    }

    /**
     * Approves a submitted request; its medicines must still pass the repeat rules today.
     *
     * @param ctx             who asks: a prescriber
     * @param id              the request
     * @param expectedVersion the version read
     * @return the request, approved, at its new version
     * @throws RuleViolationException with {@code PRESCRIBER} if the caller is not a prescriber
     * @throws io.github.personalcare.lang.IllegalTransitionException if the request is not submitted
     * @throws PrescriptionRefusedException if a medicine no longer passes the repeat rules
     * @throws VersionConflictException if the request is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such request (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change it (audited)
     */
    public Versioned<PrescriptionRequest> approve(AccessContext ctx, PrescriptionRequestId id, long expectedVersion) {
        return decide(ctx, id, expectedVersion, "prescription.approve", (p, r, prescriber) -> {
            PrescriptionRequest approved = r.approved(prescriber.user(), p.now());
            requirePasses(p, r, today(p));
            p.tx().outbox().publish(new PrescriptionEvent.RequestApproved(UUID.randomUUID(), p.now(), r.patient(), id));
            return approved;
        });
    }

    /**
     * Rejects a submitted or approved request, with a reason for the patient.
     *
     * @param ctx             who asks: a prescriber
     * @param id              the request
     * @param reason          why, in words (shown to the patient, never logged), 1 to 200 characters
     * @param expectedVersion the version read
     * @return the request, rejected, at its new version
     * @throws InvalidInputException if the reason is missing or too long
     * @throws RuleViolationException with {@code PRESCRIBER} if the caller is not a prescriber
     * @throws io.github.personalcare.lang.IllegalTransitionException if the request is rejected or issued already
     * @throws VersionConflictException if the request is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such request (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change it (audited)
     */
    public Versioned<PrescriptionRequest> reject(AccessContext ctx, PrescriptionRequestId id, String reason,
            long expectedVersion) {
        Require.text("reason", reason, Require.SHORT_TEXT);
        return decide(ctx, id, expectedVersion, "prescription.reject", (p, r, prescriber) -> {
            PrescriptionRequest rejected = r.rejected(prescriber.user(), p.now(), reason);
            p.tx().outbox().publish(new PrescriptionEvent.RequestRejected(UUID.randomUUID(), p.now(), r.patient(), id));
            return rejected;
        });
    }

    /**
     * Issues an approved request: checks each medicine against the repeat rules again today and
     * counts one issue of each, in the same transaction as the request's change, so an issue is
     * never counted twice nor beyond what was authorised.
     *
     * @param ctx             who asks: a prescriber
     * @param id              the request
     * @param expectedVersion the version read
     * @return the request, issued, at its new version
     * @throws RuleViolationException with {@code PRESCRIBER} if the caller is not a prescriber
     * @throws io.github.personalcare.lang.IllegalTransitionException if the request is not approved
     * @throws PrescriptionRefusedException if a medicine no longer passes the repeat rules (nothing issued)
     * @throws VersionConflictException if the request is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such request (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change it (audited)
     */
    public Versioned<PrescriptionRequest> issue(AccessContext ctx, PrescriptionRequestId id, long expectedVersion) {
        return decide(ctx, id, expectedVersion, "prescription.issue", (p, r, prescriber) -> {
            LocalDate today = today(p);
            PrescriptionRequest issued = r.issued(today);
            requirePasses(p, r, today);
            AggregateStore<RepeatMedicineId, RepeatMedicine> stored = p.tx().aggregates(PrescriptionStores.MEDICINES);
            for (RepeatMedicineId item : r.items()) {
                Versioned<RepeatMedicine> m = stored.get(item);
                stored.update(m.value().issued(today), m.version());
            }
            p.tx().outbox().publish(new PrescriptionEvent.RequestIssued(UUID.randomUUID(), p.now(), r.patient(), id,
                    today));
            return issued;
        });
    }

    /**
     * One request.
     *
     * @param ctx who asks, for what purpose
     * @param id  the request
     * @return the request with its version
     * @throws NotFoundException if the caller may ask and there is no such request (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not read it (audited)
     */
    public Versioned<PrescriptionRequest> getRequest(AccessContext ctx, PrescriptionRequestId id) {
        return requests.read(ctx, id, "prescription.request.read", (p, v) -> v);
    }

    /**
     * The patient's requests, newest first.
     *
     * @param ctx     who asks, for what purpose
     * @param patient the patient
     * @return the requests with their versions, newest first
     * @throws InvalidInputException if {@code patient} is missing
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not read them (audited)
     */
    public List<Versioned<PrescriptionRequest>> requests(AccessContext ctx, PatientId patient) {
        return listed(ctx, patient, "prescription.request.list", PrescriptionStores.REQUESTS,
                Comparator.comparing((Versioned<PrescriptionRequest> v) -> v.value().requestedAt()).reversed()
                        .thenComparing(v -> v.value().id().value()));
    }

    // --- medication reviews ------------------------------------------------------------------

    /**
     * The patient's medication reviews due: medicines on repeat whose review date is within the
     * policy's window ({@link PrescriptionPolicy#reviewWindowDays()}) or has passed, soonest first.
     *
     * @param ctx     who asks: the patient, a proxy within scope, or the practice
     * @param patient the patient
     * @return the reviews due, soonest first
     * @throws InvalidInputException if {@code patient} is missing
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not read them (audited)
     */
    public List<ReviewDue> reviewsDue(AccessContext ctx, PatientId patient) {
        Require.present("patient", patient);
        return guard.run(GuardedCall.on(ctx, patient, AccessAction.ACCESS, DataClass.PRESCRIPTION,
                "prescription.reviews", "Patient/" + patient), p -> {
            LocalDate today = today(p);
            return p.tx().aggregates(PrescriptionStores.MEDICINES).query(Query.forPatient(patient)
                            .and("status").is(RepeatStatus.ACTIVE)
                            .and("review_on").onOrBefore(today.plusDays(policy.reviewWindowDays())))
                    .stream().map(v -> ReviewDue.of(v.value(), today)).sorted(REVIEW_ORDER).toList();
        });
    }

    /**
     * The practice's medication reviews due across its patients: medicines on repeat authorised
     * for the practice whose review date is within the window or has passed, soonest first. One
     * indexed query (practice, status, review date), computed by the storage; for research and
     * planning, patients with a national data opt-out are left out (R42).
     *
     * @param ctx      who asks: a clinician or administrator of the practice
     * @param practice the practice's ODS code
     * @return the reviews due, soonest first
     * @throws InvalidInputException if {@code practice} is missing
     * @throws RuleViolationException with {@code PRACTICE} if a professional asks about another organisation's list
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not run population queries
     *                                                             (audited)
     */
    public List<ReviewDue> reviewsDueForPractice(AccessContext ctx, OdsCode practice) {
        Require.present("practice", practice);
        return guard.run(GuardedCall.population(ctx, AccessAction.ACCESS, DataClass.PRESCRIPTION,
                "prescription.reviews.practice"), p -> {
            if (ctx.actor() instanceof Actor.Professional professional
                    && !professional.organisation().value().equals(practice.value())) {
                throw new RuleViolationException("PRACTICE", "a practice's review list is for its own staff");
            }
            LocalDate today = today(p);
            List<ReviewDue> due = p.tx().aggregates(PrescriptionStores.MEDICINES).query(Query.where("practice")
                            .is(practice.value()).and("status").is(RepeatStatus.ACTIVE)
                            .and("review_on").onOrBefore(today.plusDays(policy.reviewWindowDays())))
                    .stream().map(v -> ReviewDue.of(v.value(), today)).sorted(REVIEW_ORDER).toList();
            return PatientStores.releasable(p.tx(), ctx.purpose(), due, ReviewDue::patient);
        });
    }

    private static final Comparator<ReviewDue> REVIEW_ORDER = Comparator.comparing(ReviewDue::reviewOn)
            .thenComparing(r -> r.medicine().value());

    // --- internals ---------------------------------------------------------------------------

    /** Every aggregate of the type stored for the patient, in {@code order}, once the guard permits reading them. */
    private <A> List<Versioned<A>> listed(AccessContext ctx, PatientId patient, String auditAction,
            AggregateType<?, A> type, Comparator<Versioned<A>> order) {
        Require.present("patient", patient);
        return guard.run(GuardedCall.on(ctx, patient, AccessAction.ACCESS, DataClass.PRESCRIPTION, auditAction,
                "Patient/" + patient), p -> p.tx().aggregates(type).findByPatient(patient).stream().sorted(order)
                .toList());
    }

    private interface Decision {
        PrescriptionRequest apply(Permitted p, PrescriptionRequest current, Actor.Professional prescriber);
    }

    private Versioned<PrescriptionRequest> decide(AccessContext ctx, PrescriptionRequestId id, long expectedVersion,
            String auditAction, Decision decision) {
        Versioned<PrescriptionRequest> saved = requests.change(ctx, id, expectedVersion, AccessAction.CORRECT,
                auditAction, (p, r) -> decision.apply(p, r, prescriber(ctx)));
        log.info("prescription request {} {} at version {}", id, saved.value().status(), saved.version());
        return saved;
    }

    private Actor.Professional prescriber(AccessContext ctx) {
        if (ctx.actor() instanceof Actor.Professional professional
                && policy.prescriberRoles().contains(professional.role())) {
            return professional;
        }
        throw new RuleViolationException("PRESCRIBER", "only a prescriber may authorise repeats and decide requests");
    }

    /** Refuses the request if any of its medicines fails the repeat rules today. */
    private void requirePasses(Permitted p, PrescriptionRequest r, LocalDate today) {
        List<Refusal> refusals = new ArrayList<>();
        for (RepeatMedicineId item : r.items()) {
            refusal(p, r.patient(), item, today).ifPresent(refusals::add);
        }
        if (!refusals.isEmpty()) {
            throw new PrescriptionRefusedException(refusals);
        }
    }

    private Optional<Refusal> refusal(Permitted p, PatientId patient, RepeatMedicineId item, LocalDate today) {
        Optional<RepeatMedicine> m = p.tx().aggregates(PrescriptionStores.MEDICINES).find(item).map(Versioned::value)
                .filter(v -> v.patient().equals(patient));
        return m.isEmpty() ? Optional.of(new Refusal.NotOnRepeat(item)) : m.get().refusal(today, policy);
    }

    private static List<RepeatMedicineId> items(List<RepeatMedicineId> items) {
        if (items == null || items.isEmpty()) {
            throw new InvalidInputException("items", "REQUIRED", "must name at least one repeat medicine");
        }
        List<RepeatMedicineId> copy = Require.list("items", items, PrescriptionRequest.MAX_ITEMS);
        if (new HashSet<>(copy).size() != copy.size()) {
            throw new InvalidInputException("items", "DUPLICATE", "must not name a medicine twice");
        }
        return copy;
    }

    private static void requireReviewNotPast(RepeatTerms terms, LocalDate today) {
        if (terms.reviewOn().isBefore(today)) {
            throw new InvalidInputException("reviewOn", "REVIEW_DATE", "must not be before today");
        }
    }

    private static LocalDate today(Permitted p) {
        return LocalDate.ofInstant(p.now(), ENGLAND);
    }
}
