package io.github.personalcare.feedback;

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
import io.github.personalcare.referral.Referral;
import io.github.personalcare.referral.ReferralStores;
import io.github.personalcare.spi.GroupCount;
import io.github.personalcare.spi.Query;
import io.github.personalcare.spi.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Feedback: the patient, or a carer within the scope the patient granted (the consent engine
 * decides, data class {@link DataClass#FEEDBACK}), answers the Friends and Family Test and the two
 * involvement questions about a service, their care planning or a referral; they see and may
 * withdraw their own responses. Nobody else reads a response: professionals and commissioners get
 * {@link #summary anonymous aggregates} per organisation and whole calendar month, counted in the
 * storage and suppressed as {@link FeedbackSummary} explains, with withdrawn responses left out.
 *
 * <pre>{@code
 * Versioned<Feedback> f = care.feedback().give(AccessContext.patientSelf(patientId), patientId,
 *         new FeedbackAnswers(new FeedbackSubject.AboutCarePlanning(practice), FftAnswer.VERY_GOOD,
 *                 Involvement.YES, Involvement.NOT_APPLICABLE, Optional.of("Kind and unhurried")));
 * FeedbackSummary s = care.feedback().summary(commissioner, practice, YearMonth.of(2026, 11));
 * }</pre>
 *
 * <p>The comment is stored once, in the response, and never logged, put in an event or aggregated.
 * Thread-safe. Logs internal ids only.
 */
public final class FeedbackService {
    private static final Logger log = LoggerFactory.getLogger(FeedbackService.class);
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final AccessGuard guard;
    private final GuardedAggregates<FeedbackId, Feedback> responses;
    private final MinimumGroup minimum;

    static {
        ServiceWiring.register(FeedbackService.class, w -> new FeedbackService(w.guard(),
                w.option(MinimumGroup.class).orElse(MinimumGroup.DEFAULT)));
    }

    /** Created by the entry point through {@link ServiceWiring}; suppliers use {@code PersonalCare}. */
    FeedbackService(AccessGuard guard, MinimumGroup minimum) {
        this.guard = Require.present("guard", guard);
        this.minimum = Require.present("minimum", minimum);
        this.responses = new GuardedAggregates<>(guard, FeedbackStores.FEEDBACK, DataClass.FEEDBACK, "Feedback");
    }

    /** {@return the minimum group size the aggregates apply} */
    public MinimumGroup minimumGroup() {
        return minimum;
    }

    /**
     * Gives feedback, by the patient or a carer.
     *
     * @param ctx     who asks: the patient, or a carer the patient's consent lets act for them
     * @param patient whose care it is about
     * @param answers the answers and optional comment
     * @return the response at version 1
     * @throws InvalidInputException if the answers are missing, or name a referral that is not the
     *                               patient's (field {@code subject.referral})
     * @throws RuleViolationException with {@code FEEDBACK_GIVER} if the actor is not the patient or a carer (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the actor may not act for the patient (audited)
     */
    public Versioned<Feedback> give(AccessContext ctx, PatientId patient, FeedbackAnswers answers) {
        Require.present("ctx", ctx);
        Require.present("patient", patient);
        Require.present("answers", answers);
        FeedbackId id = FeedbackId.random();
        Versioned<Feedback> saved = guard.run(GuardedCall.on(ctx, patient, AccessAction.COLLECT, DataClass.FEEDBACK,
                "feedback.give", "Feedback/" + id), p -> {
            requirePatientOrCarer(ctx, "FEEDBACK_GIVER", "feedback is given by the patient or a carer");
            Feedback f = new Feedback(id, patient, ctx.actor().reference(), answers,
                    organisation(p.tx(), patient, answers.subject()), p.now(), Optional.empty());
            long version = p.tx().aggregates(FeedbackStores.FEEDBACK).insert(f);
            p.tx().outbox().publish(new FeedbackEvent.Given(UUID.randomUUID(), p.now(), patient, id,
                    f.organisation(), answers.subject().topic()));
            return new Versioned<>(f, version);
        });
        log.info("feedback {} given", id);
        return saved;
    }

    private static OdsCode organisation(Transaction tx, PatientId patient, FeedbackSubject subject) {
        if (subject instanceof FeedbackSubject.AboutService s) {
            return s.organisation();
        }
        if (subject instanceof FeedbackSubject.AboutCarePlanning c) {
            return c.organisation();
        }
        FeedbackSubject.AboutReferral r = (FeedbackSubject.AboutReferral) subject;
        Referral referral = tx.aggregates(ReferralStores.REFERRALS).find(r.referral()).map(Versioned::value)
                .filter(found -> found.patient().equals(patient))
                .orElseThrow(() -> new InvalidInputException("subject.referral", "FEEDBACK_SUBJECT",
                        "is not one of the patient's referrals"));
        return referral.receivingOrganisation().orElse(referral.referrer().organisation());
    }

    /**
     * Withdraws a response: it leaves every aggregate from then on, and stays visible to its patient.
     *
     * @param ctx             who asks: the patient, or a carer the patient's consent lets act for them
     * @param id              the response
     * @param expectedVersion the version read
     * @return the response at its new version, withdrawn
     * @throws RuleViolationException with {@code FEEDBACK_GIVER} if the actor is not the patient or a carer (audited)
     * @throws io.github.personalcare.lang.IllegalTransitionException if it was already withdrawn
     * @throws VersionConflictException if the response is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such response (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change it (audited)
     */
    public Versioned<Feedback> withdraw(AccessContext ctx, FeedbackId id, long expectedVersion) {
        Require.present("ctx", ctx);
        Versioned<Feedback> saved = responses.change(ctx, id, expectedVersion, AccessAction.CORRECT,
                "feedback.withdraw", (p, before) -> {
                    requirePatientOrCarer(ctx, "FEEDBACK_GIVER", "feedback is withdrawn by the patient or a carer");
                    Feedback after = before.withdraw(p.now());
                    p.tx().outbox().publish(new FeedbackEvent.Withdrawn(UUID.randomUUID(), p.now(), before.patient(), id));
                    return after;
                });
        log.info("feedback {} withdrawn at version {}", id, saved.version());
        return saved;
    }

    /**
     * A response, to the patient or a carer acting for them: nobody else reads responses.
     *
     * @param ctx who asks: the patient, or a carer the patient's consent lets act for them
     * @param id  the response
     * @return the response with its version
     * @throws RuleViolationException with {@code FEEDBACK_OWNER} if the actor is not the patient or a carer (audited)
     * @throws NotFoundException if the caller may ask and there is no such response (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not read it (audited)
     */
    public Versioned<Feedback> get(AccessContext ctx, FeedbackId id) {
        Require.present("ctx", ctx);
        return responses.read(ctx, id, "feedback.read", (p, v) -> {
            requirePatientOrCarer(ctx, "FEEDBACK_OWNER", "a feedback response is read by its patient or a carer only");
            return v;
        });
    }

    /**
     * The patient's responses, withdrawn ones included, newest first.
     *
     * @param ctx     who asks: the patient, or a carer the patient's consent lets act for them
     * @param patient the patient
     * @return the responses with their versions, newest first
     * @throws InvalidInputException if {@code patient} is missing
     * @throws RuleViolationException with {@code FEEDBACK_OWNER} if the actor is not the patient or a carer (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not read them (audited)
     */
    public List<Versioned<Feedback>> forPatient(AccessContext ctx, PatientId patient) {
        Require.present("ctx", ctx);
        Require.present("patient", patient);
        return guard.run(GuardedCall.on(ctx, patient, AccessAction.ACCESS, DataClass.FEEDBACK, "feedback.list",
                "Patient/" + patient), p -> {
                    requirePatientOrCarer(ctx, "FEEDBACK_OWNER",
                            "feedback responses are read by their patient or a carer only");
                    return p.tx().aggregates(FeedbackStores.FEEDBACK).findByPatient(patient).stream()
                            .sorted(Comparator.comparing((Versioned<Feedback> v) -> v.value().givenAt()).reversed()
                                    .thenComparing(v -> v.value().id().value()))
                            .toList();
                });
    }

    /**
     * The anonymous aggregate of one organisation for one whole UK calendar month that has ended,
     * counted in the storage by one {@code GROUP BY} over the answer indexes (no response is
     * loaded), withdrawn responses left out, suppressed as {@link FeedbackSummary} explains whatever
     * the caller's purpose. A population query, audited.
     *
     * @param ctx          who asks: a commissioner, administrator or clinician (the guard decides)
     * @param organisation the organisation
     * @param month        a UK calendar month before the current one
     * @return the summary
     * @throws InvalidInputException if {@code organisation} or {@code month} is missing, or the month has
     *                               not ended (rule {@code FEEDBACK_PERIOD})
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not run population queries (audited)
     */
    public FeedbackSummary summary(AccessContext ctx, OdsCode organisation, YearMonth month) {
        Require.present("ctx", ctx);
        Require.present("organisation", organisation);
        Require.present("month", month);
        if (month.getYear() < 1900 || month.getYear() > 2199) {
            throw new InvalidInputException("month", "DATE", "must be from 1900-01 to 2199-12");
        }
        FeedbackSummary summary = guard.run(GuardedCall.population(ctx, AccessAction.USE, DataClass.FEEDBACK,
                "feedback.summary"), p -> {
            if (!month.isBefore(YearMonth.from(p.now().atZone(UK)))) {
                throw new InvalidInputException("month", "FEEDBACK_PERIOD", "must have ended: only whole past months "
                        + "are reported");
            }
            return count(p, organisation, month);
        });
        log.info("feedback summary for {} {} reported", organisation.value(), month);
        return summary;
    }

    private FeedbackSummary count(Permitted p, OdsCode organisation, YearMonth month) {
        Map<FftAnswer, Long> experience = new EnumMap<>(FftAnswer.class);
        Map<Involvement, Long> involved = new EnumMap<>(Involvement.class);
        Map<Involvement, Long> carers = new EnumMap<>(Involvement.class);
        Map<FeedbackTopic, Long> topics = new EnumMap<>(FeedbackTopic.class);
        long total = 0;
        for (GroupCount g : p.tx().aggregates(FeedbackStores.FEEDBACK).count(Query.where("organisation")
                .is(organisation.value()).and("given_month").is(month.toString()).and("active").is(true),
                List.of("experience", "involved", "carers", "topic"))) {
            total += g.count();
            experience.merge(FftAnswer.valueOf((String) g.value(0)), g.count(), Long::sum);
            involved.merge(Involvement.valueOf((String) g.value(1)), g.count(), Long::sum);
            carers.merge(Involvement.valueOf((String) g.value(2)), g.count(), Long::sum);
            topics.merge(FeedbackTopic.valueOf((String) g.value(3)), g.count(), Long::sum);
        }
        return FeedbackSummary.disclose(organisation, month, minimum, total, experience, involved, carers, topics);
    }

    // Called inside the guard, so a refusal is audited (REJECTED) like any other refused access.
    private static void requirePatientOrCarer(AccessContext ctx, String rule, String message) {
        if (!(ctx.actor() instanceof Actor.PatientActor || ctx.actor() instanceof Actor.Carer)) {
            throw new RuleViolationException(rule, message);
        }
    }
}
