package io.github.personalcare.referral;

import io.github.personalcare.patient.PatientStores;
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
import io.github.personalcare.lang.VersionConflictException;
import io.github.personalcare.internal.Permitted;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.Ubrn;
import io.github.personalcare.spi.AggregateStore;
import io.github.personalcare.spi.DuplicateKeyException;
import io.github.personalcare.spi.Query;
import io.github.personalcare.lang.Versioned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Referrals, e-Referral style: draft, shortlist and choice, book or defer, triage, accept or
 * reject, cancel, complete, advice and guidance, and the 18-week RTT clock. Every method runs
 * through the access guard, which decides, audits and commits the change, its history entry and
 * its events in one transaction; a refused command stores nothing and is audited as rejected.
 *
 * <p>Commands name the referral and take the version the caller read: a stale version throws {@link io.github.personalcare.lang.VersionConflictException}. Each returns the
 * referral as stored with its new version. <b>RTT dates are UK local dates</b> (Europe/London),
 * taken from the command time of the configured clock ({@link RttClock#ukDate}).
 *
 * <p>Commands the receiving provider gives ({@link ReferralCommand.Type#isProviderCommand()}:
 * accept, reject, review outcomes, advice, conversion, clock events) are refused with rule
 * {@code PROVIDER} unless the actor is a professional of the receiving organisation or a system.
 *
 * <pre>{@code
 * Versioned<Referral> r = care.referrals().draft(gp, NewReferral.appointment(patientId,
 *         Priority.ROUTINE, Specialty.of("CARDIOLOGY"), "Exertional chest pain"));
 * r = care.referrals().shortlist(gp, r.value().id(), List.of(leeds, york, bradford),
 *         PatientChoice.choiceOffered(), r.version());
 * r = care.referrals().submit(gp, r.value().id(), r.version());
 * r = care.referrals().book(gp, r.value().id(), leeds, appointmentAt, r.version());
 * }</pre>
 *
 * <p>Thread-safe. Logs internal ids, states and rule codes only.
 */
public final class ReferralService {
    private static final Logger log = LoggerFactory.getLogger(ReferralService.class);
    private static final int UBRN_ATTEMPTS = 10;

    private final AccessGuard guard;
    private final GuardedAggregates<ReferralId, Referral> referrals;
    private final ServiceDirectory directory;
    private final RandomGenerator random;

    static {
        ServiceWiring.register(ReferralService.class, w -> new ReferralService(w.guard(),
                w.option(ServiceDirectory.class).orElseGet(InMemoryServiceDirectory::empty), new SecureRandom()));
    }

    /** Created by the entry point through {@link ServiceWiring}; suppliers use {@code PersonalCare}. */
    ReferralService(AccessGuard guard, ServiceDirectory directory, RandomGenerator random) {
        this.guard = Require.present("guard", guard);
        this.referrals = new GuardedAggregates<>(guard, ReferralStores.REFERRALS, DataClass.REFERRAL, "Referral");
        this.directory = Require.present("directory", directory);
        this.random = Require.present("random", random);
    }

    /** Services offering the specialty near the postcode district, from the directory (not patient data). */
    public List<HealthcareService> findServices(Specialty specialty, String postcodeDistrict) {
        return directory.search(specialty, postcodeDistrict);
    }

    /**
     * Drafts a referral by the acting professional, with a generated UBRN unless one is supplied.
     *
     * @throws RuleViolationException if a supplied UBRN is already used (R4) or the actor is not a
     *                                professional (rule {@code REFERRER})
     * @throws io.github.personalcare.access.AccessDeniedException if the actor may not refer the patient
     */
    public Versioned<Referral> draft(AccessContext ctx, NewReferral request) {
        Require.present("request", request);
        ReferralId id = ReferralId.random();
        Versioned<Referral> saved = guard.run(GuardedCall.on(ctx, request.patient(), AccessAction.COLLECT,
                DataClass.REFERRAL, "referral.draft", "Referral/" + id), p -> {
            if (!(ctx.actor() instanceof Actor.Professional professional)) {
                throw new RuleViolationException("REFERRER", "a referral is made by a professional");
            }
            if (request.pathwayStart().isPresent() && request.pathwayStart().get().isBefore(
                    p.tx().aggregates(PatientStores.PATIENTS).get(request.patient()).value().dateOfBirth())) {
                throw new InvalidInputException("pathwayStart", "R35", "cannot be before the patient's date of birth");
            }
            var stored = p.tx().aggregates(ReferralStores.REFERRALS);
            Ubrn ubrn = request.ubrn().isPresent() ? unused(stored, request.ubrn().get()) : newUbrn(stored);
            Referral referral = Referral.draft(id, ubrn, request.patient(),
                    new Referrer(professional.user(), professional.organisation()), request.priority(),
                    request.specialty(), request.clinicalReason(), request.requestType(), request.attachments(),
                    request.pathwayStart(), p.now());
            long version;
            try {
                version = stored.insert(referral);
            } catch (DuplicateKeyException e) {
                // A concurrent draft took the UBRN after the check above; a storage with a unique
                // index on it (the JDBC adapter) refuses the second insert. Ids are random UUIDs.
                throw new RuleViolationException("R4", "the UBRN is already used by another referral");
            }
            p.tx().outbox().publish(new ReferralEvent.Drafted(UUID.randomUUID(), p.now(), referral.patient(), id,
                    ubrn, referral.priority(), referral.requestType()));
            for (RttClock clock : referral.clocks()) {
                p.tx().outbox().publish(new ReferralEvent.ClockStarted(UUID.randomUUID(), p.now(), referral.patient(),
                        id, clock.startedOn()));
            }
            return visible(p, new Versioned<>(referral, version));
        });
        log.info("referral {} drafted", id);
        return saved;
    }

    /**
     * Records the shortlist offered to the patient (1 to 20 directory services of the referral's
     * specialty, R29) and whether choice was offered or the exemption.
     *
     * @throws InvalidInputException if the list is empty, longer than 20, repeats a service, names
     *                               a service the directory does not know (R29) or of another specialty
     */
    public Versioned<Referral> shortlist(AccessContext ctx, ReferralId referral,
            List<ServiceId> services, PatientChoice choice, long expectedVersion) {
        if (services == null || services.isEmpty() || services.size() > 20) {
            throw new InvalidInputException("shortlist", "R29", "must have between 1 and 20 services");
        }
        List<ServiceId> ids = Require.list("shortlist", services, 20);
        return execute(ctx, referral, ReferralCommand.Type.SHORTLIST, expectedVersion, current -> {
            List<HealthcareService> found = new ArrayList<>();
            for (ServiceId service : ids) {
                found.add(directory.find(service).orElseThrow(() -> new InvalidInputException("shortlist", "R29",
                        "names a service the directory does not list")));
            }
            return new ReferralCommand.Shortlist(found, choice);
        });
    }

    /** Sends the draft to NOT_BOOKED (needs a shortlist and a choice record, R29), or A&amp;G to ADVICE_REQUESTED. */
    public Versioned<Referral> submit(AccessContext ctx, ReferralId referral, long expectedVersion) {
        return apply(ctx, referral, new ReferralCommand.Submit(), expectedVersion);
    }

    /**
     * Books (or rebooks) an appointment at a shortlisted service (R29); the RTT clock starts if
     * the service is consultant-led and none has started (R35).
     */
    public Versioned<Referral> book(AccessContext ctx, ReferralId referral, ServiceId service,
            Instant startsAt, long expectedVersion) {
        return apply(ctx, referral, new ReferralCommand.Book(service, startsAt), expectedVersion);
    }

    /**
     * Defers booking to the provider of a shortlisted, directly bookable service (R33). For
     * {@link DeferReason#NO_SLOTS_AVAILABLE} the directory must confirm the service has no free slot.
     *
     * @throws RuleViolationException with rule R33 if the directory shows free slots or the service
     *                                is not directly bookable
     */
    public Versioned<Referral> deferToProvider(AccessContext ctx, ReferralId referral,
            ServiceId service, DeferReason reason, long expectedVersion) {
        ReferralCommand.DeferToProvider command = new ReferralCommand.DeferToProvider(service, reason);
        return execute(ctx, referral, command.type(), expectedVersion, current -> {
            if (reason == DeferReason.NO_SLOTS_AVAILABLE && directory.hasFreeSlots(service)) {
                throw new RuleViolationException("R33", "the service has free slots: book one instead of deferring");
            }
            return command;
        });
    }

    /** Sends the referral to a shortlisted triage service (R32); the RTT clock may start (R35). */
    public Versioned<Referral> sendForTriage(AccessContext ctx, ReferralId referral,
            ServiceId service, long expectedVersion) {
        return apply(ctx, referral, new ReferralCommand.SendForTriage(service), expectedVersion);
    }

    /** The triage service records its review outcome (R32), optionally changing the priority. */
    public Versioned<Referral> triage(AccessContext ctx, ReferralId referral, ReviewOutcome outcome,
            Optional<Priority> newPriority, long expectedVersion) {
        return apply(ctx, referral, new ReferralCommand.RecordReviewOutcome(outcome, newPriority),
                expectedVersion);
    }

    /** The provider accepts the booked referral. */
    public Versioned<Referral> accept(AccessContext ctx, ReferralId referral, long expectedVersion) {
        return apply(ctx, referral, new ReferralCommand.Accept(), expectedVersion);
    }

    /**
     * The provider rejects the booked referral with a mandatory reason (R32): its appointment is
     * cancelled, the clock stops and it returns to the referrer.
     */
    public Versioned<Referral> reject(AccessContext ctx, ReferralId referral, ReasonCode reason,
            Optional<String> comment, long expectedVersion) {
        return apply(ctx, referral, new ReferralCommand.Reject(reason, comment), expectedVersion);
    }

    /** The current appointment is cancelled by the patient or the provider; the referral may be rebooked. */
    public Versioned<Referral> cancelAppointment(AccessContext ctx, ReferralId referral,
            ReferralCommand.CancelledBy by, ReasonCode reason, long expectedVersion) {
        return apply(ctx, referral, new ReferralCommand.CancelAppointment(by, reason), expectedVersion);
    }

    /** The patient did not attend the current appointment (which must have started). */
    public Versioned<Referral> recordDidNotAttend(AccessContext ctx, ReferralId referral,
            long expectedVersion) {
        return apply(ctx, referral, new ReferralCommand.RecordDidNotAttend(), expectedVersion);
    }

    /**
     * Cancels the referral for good (R30); a current appointment is cancelled in the same
     * transaction (R31) and an open clock stops.
     */
    public Versioned<Referral> cancel(AccessContext ctx, ReferralId referral, ReasonCode reason,
            Optional<String> comment, long expectedVersion) {
        return apply(ctx, referral, new ReferralCommand.Cancel(reason, comment), expectedVersion);
    }

    /** The referrer sends a rejected or returned referral again, with the same UBRN. */
    public Versioned<Referral> resubmit(AccessContext ctx, ReferralId referral, long expectedVersion) {
        return apply(ctx, referral, new ReferralCommand.Resubmit(), expectedVersion);
    }

    /** Completes the referral once its clock has stopped and its appointment has taken place. */
    public Versioned<Referral> complete(AccessContext ctx, ReferralId referral, long expectedVersion) {
        return apply(ctx, referral, new ReferralCommand.Complete(), expectedVersion);
    }

    /** The provider answers an advice-and-guidance request (the advice is stored, never logged). */
    public Versioned<Referral> respondWithAdvice(AccessContext ctx, ReferralId referral,
            String advice, long expectedVersion) {
        return apply(ctx, referral, new ReferralCommand.RespondWithAdvice(advice), expectedVersion);
    }

    /** The provider converts advice and guidance into a referral: same UBRN, same history (R34). */
    public Versioned<Referral> convertToReferral(AccessContext ctx, ReferralId referral,
            long expectedVersion) {
        return apply(ctx, referral, new ReferralCommand.ConvertToReferral(), expectedVersion);
    }

    /**
     * Notes that the patient chose to delay their pathway from today (for example, asked to wait
     * until after a family event). A local note for waiting-list management: the RTT clock runs on,
     * because patient pauses were abolished on 1 October 2015 (R36).
     */
    public Versioned<Referral> startPatientChoiceDelay(AccessContext ctx, ReferralId referral,
            long expectedVersion) {
        return apply(ctx, referral, new ReferralCommand.StartPatientChoiceDelay(), expectedVersion);
    }

    /** Ends today the open patient-choice delay note (R36); the clock was never stopped by it. */
    public Versioned<Referral> endPatientChoiceDelay(AccessContext ctx, ReferralId referral,
            long expectedVersion) {
        return apply(ctx, referral, new ReferralCommand.EndPatientChoiceDelay(), expectedVersion);
    }

    /**
     * Nullifies the running RTT clock: the calling professional's clinical decision, recorded with
     * their user id, after the patient did not attend their <b>first</b> appointment having been
     * given reasonable notice (R36). The nullified clock never counts as a wait; if the patient
     * books again, a new clock starts. After a DNA of a later appointment the clock is not
     * nullified: the patient may be discharged with {@link #stopClock} and
     * {@link StopReason#DISCHARGED_WITHOUT_TREATMENT}.
     *
     * @throws RuleViolationException if the caller is not a professional, the referral's latest
     *                                news is not a DNA, or the DNA was not of the first appointment (R36)
     */
    public Versioned<Referral> nullifyClock(AccessContext ctx, ReferralId referral, long expectedVersion) {
        Require.present("ctx", ctx);
        if (!(ctx.actor() instanceof Actor.Professional professional)) {
            throw new RuleViolationException("R36", "nullifying a clock is a clinical decision by a professional");
        }
        return apply(ctx, referral, new ReferralCommand.NullifyClock(professional.user()), expectedVersion);
    }

    /** Stops the RTT clock for treatment or a non-treatment reason (R36); there must be a running clock. */
    public Versioned<Referral> stopClock(AccessContext ctx, ReferralId referral, StopReason reason,
            long expectedVersion) {
        return apply(ctx, referral, new ReferralCommand.StopClock(reason), expectedVersion);
    }

    /** Starts a new clock on a decision to treat after active monitoring (R35). */
    public Versioned<Referral> restartClock(AccessContext ctx, ReferralId referral,
            long expectedVersion) {
        return apply(ctx, referral, new ReferralCommand.RestartClock(), expectedVersion);
    }

    /**
     * Applies any command; the named methods above are shorthands for it.
     *
     * @throws io.github.personalcare.lang.IllegalTransitionException if the state does not accept it (R30)
     * @throws RuleViolationException if a rule refuses it
     * @throws NotFoundException if the caller may ask and there is no such referral (audited)
     * @throws io.github.personalcare.lang.VersionConflictException if {@code expectedVersion} is stale
     */
    public Versioned<Referral> apply(AccessContext ctx, ReferralId referral,
            ReferralCommand command, long expectedVersion) {
        Require.present("command", command);
        if (command instanceof ReferralCommand.NullifyClock n && !(ctx.actor() instanceof Actor.Professional p
                && p.user().equals(n.decidedBy()))) {
            throw new RuleViolationException("R36", "a clock is nullified by the professional who decides it");
        }
        return execute(ctx, referral, command.type(), expectedVersion, current -> command);
    }

    /**
     * The referral with its version, without the attachments withheld from this viewer (R41, R48).
     *
     * @throws NotFoundException if the caller may ask and there is no such referral (audited)
     */
    public Versioned<Referral> get(AccessContext ctx, ReferralId referral) {
        return referrals.read(ctx, referral, "referral.read", (p, v) -> visible(p, v));
    }

    private static Versioned<Referral> visible(Permitted p, Versioned<Referral> stored) {
        return new Versioned<>(stored.value().withoutAttachmentsLabelled(p.withheld()), stored.version());
    }

    /** Every referral of the patient, oldest first, without the attachments withheld from this viewer. */
    public List<Versioned<Referral>> forPatient(AccessContext ctx, PatientId patient) {
        return guard.run(GuardedCall.on(ctx, patient, AccessAction.ACCESS, DataClass.REFERRAL, "referral.list",
                "Patient/" + patient), p -> p.tx().aggregates(ReferralStores.REFERRALS).findByPatient(patient).stream()
                .sorted(java.util.Comparator.comparing((Versioned<Referral> v) -> v.value().createdAt())
                        .thenComparing(v -> v.value().id().value()))
                .map(v -> visible(p, v))
                .toList());
    }

    /** The patient's referral with this UBRN, if any. */
    public Optional<Versioned<Referral>> findByUbrn(AccessContext ctx, PatientId patient, Ubrn ubrn) {
        return guard.run(GuardedCall.on(ctx, patient, AccessAction.ACCESS, DataClass.REFERRAL, "referral.read",
                "Patient/" + patient), p -> p.tx().aggregates(ReferralStores.REFERRALS)
                .query(Query.forPatient(patient).and("ubrn").is(ubrn.value())).stream().findFirst()
                .map(v -> visible(p, v)));
    }

    private interface CommandFor {
        ReferralCommand build(Referral current);
    }

    private Versioned<Referral> execute(AccessContext ctx, ReferralId referral,
            ReferralCommand.Type type, long expectedVersion, CommandFor commandFor) {
        Versioned<Referral> saved = referrals.run(ctx, referral, AccessAction.CORRECT, type.auditAction(), (p, current) -> {
            if (current.version() != expectedVersion) {
                throw new VersionConflictException(ReferralStores.REFERRALS.name(), referral.toString(),
                        expectedVersion, current.version());
            }
            if (type.isProviderCommand()) {
                requireProvider(ctx.actor(), current.value(), type);
            }
            ReferralCommand command = commandFor.build(current.value());
            Referral.Transition t = current.value().apply(command, p.now(), UUID::randomUUID);
            long version = p.tx().aggregates(ReferralStores.REFERRALS).update(t.referral(), expectedVersion);
            t.events().forEach(p.tx().outbox()::publish);
            return visible(p, new Versioned<>(t.referral(), version));
        });
        log.info("referral {} {} -> {} at version {}", referral, type, saved.value().state(), saved.version());
        return saved;
    }

    private static void requireProvider(Actor actor, Referral referral, ReferralCommand.Type type) {
        if (actor instanceof Actor.SystemActor) {
            return;
        }
        boolean receiving = actor instanceof Actor.Professional p
                && referral.receivingOrganisation().map(p.organisation()::equals).orElse(false);
        if (!receiving) {
            throw new RuleViolationException("PROVIDER", type + " is for the receiving provider only");
        }
    }

    private static Ubrn unused(AggregateStore<ReferralId, Referral> referrals, Ubrn ubrn) {
        if (!referrals.query(Query.where("ubrn").is(ubrn.value())).isEmpty()) {
            throw new RuleViolationException("R4", "the UBRN is already used by another referral");
        }
        return ubrn;
    }

    private Ubrn newUbrn(AggregateStore<ReferralId, Referral> referrals) {
        for (int i = 0; i < UBRN_ATTEMPTS; i++) {
            Ubrn candidate = Ubrn.generate(random);
            if (referrals.query(Query.where("ubrn").is(candidate.value())).isEmpty()) {
                return candidate;
            }
        }
        throw new RuleViolationException("R4", "could not generate an unused UBRN");
    }
}
