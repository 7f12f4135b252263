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

    /**
     * Services offering the specialty near the postcode district, from the directory (not patient data).
     *
     * @param specialty        the specialty the services must offer
     * @param postcodeDistrict a postcode district near the patient, such as {@code "LS6"}
     * @return the directory's services in the same postcode area, same district first; empty if none
     */
    public List<HealthcareService> findServices(Specialty specialty, String postcodeDistrict) {
        return directory.search(specialty, postcodeDistrict);
    }

    /**
     * Drafts a referral by the acting professional, with a generated UBRN unless one is supplied.
     *
     * @param ctx     who asks: the referring professional
     * @param request what the referrer writes: patient, priority, specialty, clinical reason, request type, attachments
     * @return the referral, {@link ReferralState#DRAFT}, at version 1, without the attachments withheld from the caller
     * @throws RuleViolationException if a supplied UBRN is already used (R4) or the actor is not a
     *                                professional (rule {@code REFERRER})
     * @throws io.github.personalcare.access.AccessDeniedException if the actor may not refer the patient
     * @throws InvalidInputException if the request is missing or invalid, or a supplied pathway start is before the
     *                               patient's date of birth, after today or on advice and guidance (R35)
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
     * @param ctx             who asks, for what purpose
     * @param referral        the referral's id
     * @param services        the ids of the directory services offered, 1 to 20
     * @param choice          whether choice of provider was offered, or the exemption
     * @param expectedVersion the version read
     * @return the referral at its new version, without the attachments withheld from the caller
     * @throws InvalidInputException if the list is empty, longer than 20, repeats a service, names
     *                               a service the directory does not know (R29) or of another specialty
     * @throws io.github.personalcare.lang.IllegalTransitionException if the referral's state does not accept it (R30)
     * @throws VersionConflictException if the referral is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such referral (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the referral (audited)
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

    /**
     * Sends the draft to NOT_BOOKED (needs a shortlist and a choice record, R29), or A&amp;G to ADVICE_REQUESTED.
     *
     * @param ctx             who asks, for what purpose
     * @param referral        the referral's id
     * @param expectedVersion the version read
     * @return the referral at its new version, without the attachments withheld from the caller
     * @throws io.github.personalcare.lang.IllegalTransitionException if the referral's state does not accept it (R30)
     * @throws RuleViolationException with R29 if there is no shortlist, no record of whether choice was offered, or,
     *                                for advice and guidance, not exactly one service
     * @throws VersionConflictException if the referral is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such referral (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the referral (audited)
     */
    public Versioned<Referral> submit(AccessContext ctx, ReferralId referral, long expectedVersion) {
        return apply(ctx, referral, new ReferralCommand.Submit(), expectedVersion);
    }

    /**
     * Books (or rebooks) an appointment at a shortlisted service (R29); the RTT clock starts if
     * the service is consultant-led and none has started (R35).
     *
     * @param ctx             who asks, for what purpose
     * @param referral        the referral's id
     * @param service         the shortlisted service to book into
     * @param startsAt        when the appointment starts, after now
     * @param expectedVersion the version read
     * @return the referral at its new version, without the attachments withheld from the caller
     * @throws io.github.personalcare.lang.IllegalTransitionException if the referral's state does not accept it (R30)
     * @throws InvalidInputException if no service is given (R29), or the start time is missing or not after now
     * @throws RuleViolationException with R29 if the service is not on the shortlist, or R32 if a triage service must
     *                                review the referral first
     * @throws VersionConflictException if the referral is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such referral (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the referral (audited)
     */
    public Versioned<Referral> book(AccessContext ctx, ReferralId referral, ServiceId service,
            Instant startsAt, long expectedVersion) {
        return apply(ctx, referral, new ReferralCommand.Book(service, startsAt), expectedVersion);
    }

    /**
     * Defers booking to the provider of a shortlisted, directly bookable service (R33). For
     * {@link DeferReason#NO_SLOTS_AVAILABLE} the directory must confirm the service has no free slot.
     *
     * @param ctx             who asks, for what purpose
     * @param referral        the referral's id
     * @param service         the shortlisted, directly bookable service
     * @param reason          why booking is handed to the provider (R33)
     * @param expectedVersion the version read
     * @return the referral at its new version, without the attachments withheld from the caller
     * @throws RuleViolationException with rule R33 if the directory shows free slots or the service
     *                                is not directly bookable
     * @throws io.github.personalcare.lang.IllegalTransitionException if the referral's state does not accept it (R30)
     * @throws InvalidInputException if no service (R29) or no reason (R33) is given
     * @throws RuleViolationException with R29 if the service is not on the shortlist
     * @throws VersionConflictException if the referral is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such referral (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the referral (audited)
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

    /**
     * Sends the referral to a shortlisted triage service (R32); the RTT clock may start (R35).
     *
     * @param ctx             who asks, for what purpose
     * @param referral        the referral's id
     * @param service         the shortlisted triage service
     * @param expectedVersion the version read
     * @return the referral at its new version, without the attachments withheld from the caller
     * @throws io.github.personalcare.lang.IllegalTransitionException if the referral's state does not accept it (R30)
     * @throws InvalidInputException with R29 if no service is given
     * @throws RuleViolationException with R29 if the service is not on the shortlist, or R32 if it is not a triage
     *                                service
     * @throws VersionConflictException if the referral is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such referral (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the referral (audited)
     */
    public Versioned<Referral> sendForTriage(AccessContext ctx, ReferralId referral,
            ServiceId service, long expectedVersion) {
        return apply(ctx, referral, new ReferralCommand.SendForTriage(service), expectedVersion);
    }

    /**
     * The triage service records its review outcome (R32), optionally changing the priority.
     *
     * @param ctx             who asks: a professional of the receiving organisation, or a system
     * @param referral        the referral's id
     * @param outcome         what the triage service decided
     * @param newPriority     the priority it set, if it changed it
     * @param expectedVersion the version read
     * @return the referral at its new version, without the attachments withheld from the caller
     * @throws io.github.personalcare.lang.IllegalTransitionException if the referral's state does not accept it (R30)
     * @throws RuleViolationException with {@code PROVIDER} unless the caller is a professional of the receiving
     *                                organisation or a system
     * @throws InvalidInputException with R32 if no outcome is given
     * @throws VersionConflictException if the referral is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such referral (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the referral (audited)
     */
    public Versioned<Referral> triage(AccessContext ctx, ReferralId referral, ReviewOutcome outcome,
            Optional<Priority> newPriority, long expectedVersion) {
        return apply(ctx, referral, new ReferralCommand.RecordReviewOutcome(outcome, newPriority),
                expectedVersion);
    }

    /**
     * The provider accepts the booked referral.
     *
     * @param ctx             who asks: a professional of the receiving organisation, or a system
     * @param referral        the referral's id
     * @param expectedVersion the version read
     * @return the referral at its new version, without the attachments withheld from the caller
     * @throws io.github.personalcare.lang.IllegalTransitionException if the referral's state does not accept it (R30)
     * @throws RuleViolationException with {@code PROVIDER} unless the caller is a professional of the receiving
     *                                organisation or a system
     * @throws VersionConflictException if the referral is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such referral (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the referral (audited)
     */
    public Versioned<Referral> accept(AccessContext ctx, ReferralId referral, long expectedVersion) {
        return apply(ctx, referral, new ReferralCommand.Accept(), expectedVersion);
    }

    /**
     * The provider rejects the booked referral with a mandatory reason (R32): its appointment is
     * cancelled, the clock stops and it returns to the referrer.
     *
     * @param ctx             who asks: a professional of the receiving organisation, or a system
     * @param referral        the referral's id
     * @param reason          why the referral is rejected
     * @param comment         the provider's comment, if any; free text, never logged
     * @param expectedVersion the version read
     * @return the referral at its new version, without the attachments withheld from the caller
     * @throws io.github.personalcare.lang.IllegalTransitionException if the referral's state does not accept it (R30)
     * @throws RuleViolationException with {@code PROVIDER} unless the caller is a professional of the receiving
     *                                organisation or a system
     * @throws InvalidInputException if no reason is given (R32) or the comment is too long
     * @throws RuleViolationException with R32 if the referral went to a triage service, which records a review outcome
     *                                instead
     * @throws VersionConflictException if the referral is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such referral (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the referral (audited)
     */
    public Versioned<Referral> reject(AccessContext ctx, ReferralId referral, ReasonCode reason,
            Optional<String> comment, long expectedVersion) {
        return apply(ctx, referral, new ReferralCommand.Reject(reason, comment), expectedVersion);
    }

    /**
     * The current appointment is cancelled by the patient or the provider; the referral may be rebooked.
     *
     * @param ctx             who asks, for what purpose
     * @param referral        the referral's id
     * @param by              who cancelled: the patient or the provider
     * @param reason          why
     * @param expectedVersion the version read
     * @return the referral at its new version, without the attachments withheld from the caller
     * @throws io.github.personalcare.lang.IllegalTransitionException if the referral's state does not accept it (R30)
     * @throws InvalidInputException if who cancelled or why is missing
     * @throws VersionConflictException if the referral is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such referral (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the referral (audited)
     */
    public Versioned<Referral> cancelAppointment(AccessContext ctx, ReferralId referral,
            ReferralCommand.CancelledBy by, ReasonCode reason, long expectedVersion) {
        return apply(ctx, referral, new ReferralCommand.CancelAppointment(by, reason), expectedVersion);
    }

    /**
     * The patient did not attend the current appointment (which must have started).
     *
     * @param ctx             who asks, for what purpose
     * @param referral        the referral's id
     * @param expectedVersion the version read
     * @return the referral at its new version, without the attachments withheld from the caller
     * @throws io.github.personalcare.lang.IllegalTransitionException if the referral's state does not accept it (R30)
     * @throws RuleViolationException with {@code DNA} if the appointment has not started yet
     * @throws VersionConflictException if the referral is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such referral (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the referral (audited)
     */
    public Versioned<Referral> recordDidNotAttend(AccessContext ctx, ReferralId referral,
            long expectedVersion) {
        return apply(ctx, referral, new ReferralCommand.RecordDidNotAttend(), expectedVersion);
    }

    /**
     * Cancels the referral for good (R30); a current appointment is cancelled in the same
     * transaction (R31) and an open clock stops.
     *
     * @param ctx             who asks, for what purpose
     * @param referral        the referral's id
     * @param reason          why the referral is cancelled
     * @param comment         a comment, if any; free text, never logged
     * @param expectedVersion the version read
     * @return the referral at its new version, without the attachments withheld from the caller
     * @throws io.github.personalcare.lang.IllegalTransitionException if the referral's state does not accept it (R30)
     * @throws InvalidInputException if no reason is given (R31) or the comment is too long
     * @throws VersionConflictException if the referral is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such referral (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the referral (audited)
     */
    public Versioned<Referral> cancel(AccessContext ctx, ReferralId referral, ReasonCode reason,
            Optional<String> comment, long expectedVersion) {
        return apply(ctx, referral, new ReferralCommand.Cancel(reason, comment), expectedVersion);
    }

    /**
     * The referrer sends a rejected or returned referral again, with the same UBRN.
     *
     * @param ctx             who asks, for what purpose
     * @param referral        the referral's id
     * @param expectedVersion the version read
     * @return the referral at its new version, without the attachments withheld from the caller
     * @throws io.github.personalcare.lang.IllegalTransitionException if the referral's state does not accept it (R30)
     * @throws VersionConflictException if the referral is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such referral (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the referral (audited)
     */
    public Versioned<Referral> resubmit(AccessContext ctx, ReferralId referral, long expectedVersion) {
        return apply(ctx, referral, new ReferralCommand.Resubmit(), expectedVersion);
    }

    /**
     * Completes the referral once its clock has stopped and its appointment has taken place.
     *
     * @param ctx             who asks, for what purpose
     * @param referral        the referral's id
     * @param expectedVersion the version read
     * @return the referral at its new version, without the attachments withheld from the caller
     * @throws io.github.personalcare.lang.IllegalTransitionException if the referral's state does not accept it (R30)
     * @throws RuleViolationException with R36 if an RTT clock is still running, or {@code COMPLETE} if the current
     *                                appointment has not taken place
     * @throws VersionConflictException if the referral is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such referral (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the referral (audited)
     */
    public Versioned<Referral> complete(AccessContext ctx, ReferralId referral, long expectedVersion) {
        return apply(ctx, referral, new ReferralCommand.Complete(), expectedVersion);
    }

    /**
     * The provider answers an advice-and-guidance request (the advice is stored, never logged).
     *
     * @param ctx             who asks: a professional of the receiving organisation, or a system
     * @param referral        the referral's id
     * @param advice          the provider's advice; free text, stored, never logged
     * @param expectedVersion the version read
     * @return the referral at its new version, without the attachments withheld from the caller
     * @throws io.github.personalcare.lang.IllegalTransitionException if the referral's state does not accept it (R30)
     * @throws RuleViolationException with {@code PROVIDER} unless the caller is a professional of the receiving
     *                                organisation or a system
     * @throws InvalidInputException if the advice is missing or too long
     * @throws VersionConflictException if the referral is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such referral (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the referral (audited)
     */
    public Versioned<Referral> respondWithAdvice(AccessContext ctx, ReferralId referral,
            String advice, long expectedVersion) {
        return apply(ctx, referral, new ReferralCommand.RespondWithAdvice(advice), expectedVersion);
    }

    /**
     * The provider converts advice and guidance into a referral: same UBRN, same history (R34).
     *
     * @param ctx             who asks: a professional of the receiving organisation, or a system
     * @param referral        the referral's id
     * @param expectedVersion the version read
     * @return the referral at its new version, without the attachments withheld from the caller
     * @throws io.github.personalcare.lang.IllegalTransitionException if the referral's state does not accept it (R30)
     * @throws RuleViolationException with {@code PROVIDER} unless the caller is a professional of the receiving
     *                                organisation or a system
     * @throws VersionConflictException if the referral is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such referral (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the referral (audited)
     */
    public Versioned<Referral> convertToReferral(AccessContext ctx, ReferralId referral,
            long expectedVersion) {
        return apply(ctx, referral, new ReferralCommand.ConvertToReferral(), expectedVersion);
    }

    /**
     * Notes that the patient chose to delay their pathway from today (for example, asked to wait
     * until after a family event). A local note for waiting-list management: the RTT clock runs on,
     * because patient pauses were abolished on 1 October 2015 (R36).
     *
     * @param ctx             who asks: a professional of the receiving organisation, or a system
     * @param referral        the referral's id
     * @param expectedVersion the version read
     * @return the referral at its new version, without the attachments withheld from the caller
     * @throws io.github.personalcare.lang.IllegalTransitionException if the referral's state does not accept it (R30)
     * @throws RuleViolationException with {@code PROVIDER} unless the caller is a professional of the receiving
     *                                organisation or a system
     * @throws RuleViolationException with R36 if no RTT clock is running or a delay note is already open
     * @throws VersionConflictException if the referral is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such referral (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the referral (audited)
     */
    public Versioned<Referral> startPatientChoiceDelay(AccessContext ctx, ReferralId referral,
            long expectedVersion) {
        return apply(ctx, referral, new ReferralCommand.StartPatientChoiceDelay(), expectedVersion);
    }

    /**
     * Ends today the open patient-choice delay note (R36); the clock was never stopped by it.
     *
     * @param ctx             who asks: a professional of the receiving organisation, or a system
     * @param referral        the referral's id
     * @param expectedVersion the version read
     * @return the referral at its new version, without the attachments withheld from the caller
     * @throws io.github.personalcare.lang.IllegalTransitionException if the referral's state does not accept it (R30)
     * @throws RuleViolationException with {@code PROVIDER} unless the caller is a professional of the receiving
     *                                organisation or a system
     * @throws RuleViolationException with R36 if no RTT clock is running or no delay note is open
     * @throws VersionConflictException if the referral is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such referral (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the referral (audited)
     */
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
     * @param ctx             who asks: the professional of the receiving organisation whose clinical decision it is
     * @param referral        the referral's id
     * @param expectedVersion the version read
     * @return the referral at its new version, without the attachments withheld from the caller
     * @throws RuleViolationException if the caller is not a professional, the referral's latest
     *                                news is not a DNA, or the DNA was not of the first appointment (R36)
     * @throws io.github.personalcare.lang.IllegalTransitionException if the referral's state does not accept it (R30)
     * @throws RuleViolationException with {@code PROVIDER} unless the caller is a professional of the receiving
     *                                organisation or a system
     * @throws VersionConflictException if the referral is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such referral (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the referral (audited)
     */
    public Versioned<Referral> nullifyClock(AccessContext ctx, ReferralId referral, long expectedVersion) {
        Require.present("ctx", ctx);
        // Checked inside the guard, so a refused attempt is audited (REJECTED) like any other.
        return execute(ctx, referral, ReferralCommand.Type.NULLIFY_CLOCK, expectedVersion, current -> {
            if (!(ctx.actor() instanceof Actor.Professional professional)) {
                throw new RuleViolationException("R36", "nullifying a clock is a clinical decision by a professional");
            }
            return new ReferralCommand.NullifyClock(professional.user());
        });
    }

    /**
     * Stops the RTT clock for treatment or a non-treatment reason (R36); there must be a running clock.
     *
     * @param ctx             who asks: a professional of the receiving organisation, or a system
     * @param referral        the referral's id
     * @param reason          why the clock stops: treatment or a non-treatment reason
     * @param expectedVersion the version read
     * @return the referral at its new version, without the attachments withheld from the caller
     * @throws io.github.personalcare.lang.IllegalTransitionException if the referral's state does not accept it (R30)
     * @throws RuleViolationException with {@code PROVIDER} unless the caller is a professional of the receiving
     *                                organisation or a system
     * @throws InvalidInputException with R36 if no reason is given, or a reason only the SDK records
     * @throws RuleViolationException with R36 if no RTT clock is running
     * @throws VersionConflictException if the referral is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such referral (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the referral (audited)
     */
    public Versioned<Referral> stopClock(AccessContext ctx, ReferralId referral, StopReason reason,
            long expectedVersion) {
        return apply(ctx, referral, new ReferralCommand.StopClock(reason), expectedVersion);
    }

    /**
     * Starts a new clock on a decision to treat after active monitoring (R35).
     *
     * @param ctx             who asks: a professional of the receiving organisation, or a system
     * @param referral        the referral's id
     * @param expectedVersion the version read
     * @return the referral at its new version, without the attachments withheld from the caller
     * @throws io.github.personalcare.lang.IllegalTransitionException if the referral's state does not accept it (R30)
     * @throws RuleViolationException with {@code PROVIDER} unless the caller is a professional of the receiving
     *                                organisation or a system
     * @throws RuleViolationException with R35 unless the last clock stopped for active monitoring, or R36 if today is
     *                                before that stop
     * @throws VersionConflictException if the referral is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such referral (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the referral (audited)
     */
    public Versioned<Referral> restartClock(AccessContext ctx, ReferralId referral,
            long expectedVersion) {
        return apply(ctx, referral, new ReferralCommand.RestartClock(), expectedVersion);
    }

    /**
     * Applies any command; the named methods above are shorthands for it.
     *
     * @param ctx             who asks, for what purpose
     * @param referral        the referral's id
     * @param command         the command, with its own fields already checked
     * @param expectedVersion the version read
     * @return the referral at its new version, without the attachments withheld from the caller
     * @throws io.github.personalcare.lang.IllegalTransitionException if the state does not accept it (R30)
     * @throws RuleViolationException if a rule refuses it
     * @throws NotFoundException if the caller may ask and there is no such referral (audited)
     * @throws io.github.personalcare.lang.VersionConflictException if {@code expectedVersion} is stale
     * @throws InvalidInputException if the command is missing or its input breaks a rule
     * @throws RuleViolationException with {@code PROVIDER} for a provider command given by someone else, or R36 for a
     *                                clock nullified by anyone but the professional who decides it
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the referral (audited)
     */
    public Versioned<Referral> apply(AccessContext ctx, ReferralId referral,
            ReferralCommand command, long expectedVersion) {
        Require.present("ctx", ctx);
        Require.present("command", command);
        return execute(ctx, referral, command.type(), expectedVersion, current -> {
            if (command instanceof ReferralCommand.NullifyClock n && !(ctx.actor() instanceof Actor.Professional p
                    && p.user().equals(n.decidedBy()))) {
                throw new RuleViolationException("R36", "a clock is nullified by the professional who decides it");
            }
            return command;
        });
    }

    /**
     * The referral with its version, without the attachments withheld from this viewer (R41, R48).
     *
     * @param ctx      who asks, for what purpose
     * @param referral the referral's id
     * @return the referral with its version, without the attachments withheld from the caller
     * @throws NotFoundException if the caller may ask and there is no such referral (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not read the referral (audited)
     */
    public Versioned<Referral> get(AccessContext ctx, ReferralId referral) {
        return referrals.read(ctx, referral, "referral.read", (p, v) -> visible(p, v));
    }

    private static Versioned<Referral> visible(Permitted p, Versioned<Referral> stored) {
        return new Versioned<>(stored.value().withoutAttachmentsLabelled(p.withheld()), stored.version());
    }

    /**
     * Every referral of the patient, oldest first, without the attachments withheld from this viewer.
     *
     * @param ctx     who asks, for what purpose
     * @param patient the patient
     * @return the patient's referrals with their versions, oldest first
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not read the referrals (audited)
     */
    public List<Versioned<Referral>> forPatient(AccessContext ctx, PatientId patient) {
        return guard.run(GuardedCall.on(ctx, patient, AccessAction.ACCESS, DataClass.REFERRAL, "referral.list",
                "Patient/" + patient), p -> p.tx().aggregates(ReferralStores.REFERRALS).findByPatient(patient).stream()
                .sorted(java.util.Comparator.comparing((Versioned<Referral> v) -> v.value().createdAt())
                        .thenComparing(v -> v.value().id().value()))
                .map(v -> visible(p, v))
                .toList());
    }

    /**
     * The patient's referral with this UBRN, if any.
     *
     * @param ctx     who asks, for what purpose
     * @param patient the patient
     * @param ubrn    the UBRN to look for
     * @return the referral with its version, without the attachments withheld from the caller, or empty if the patient
     *         has none with this UBRN
     * @throws io.github.personalcare.lang.InvalidInputException if {@code ubrn} is missing (nothing audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not read the referrals (audited)
     */
    public Optional<Versioned<Referral>> findByUbrn(AccessContext ctx, PatientId patient, Ubrn ubrn) {
        Require.present("ubrn", ubrn);
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
