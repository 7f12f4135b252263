package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.econsult.EconsultCommand;
import io.github.personalcare.econsult.EconsultRequest;
import io.github.personalcare.econsult.Econsultation;
import io.github.personalcare.econsult.EconsultationId;
import io.github.personalcare.econsult.RedFlag;
import io.github.personalcare.econsult.TriageOutcome;
import io.github.personalcare.econsult.TriageTarget;
import io.github.personalcare.feedback.Feedback;
import io.github.personalcare.feedback.FeedbackAnswers;
import io.github.personalcare.feedback.FeedbackId;
import io.github.personalcare.feedback.FeedbackSubject;
import io.github.personalcare.feedback.FftAnswer;
import io.github.personalcare.feedback.Involvement;
import io.github.personalcare.fhir.conformance.UkCoreValidator;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.referral.ReferralId;
import io.github.personalcare.referral.ServiceId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * E-consultations as Task and feedback as QuestionnaireResponse: every generated value reads back
 * equal after a trip through JSON text, every kind validates with no errors against R4 and the UK
 * Core profile it claims, and a broken resource gives problems naming the element, never a value.
 */
class PatientFacingMappersTest {
    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");
    private final EconsultTaskMapper tasks = new EconsultTaskMapper();
    private final FeedbackMapper responses = new FeedbackMapper();

    private static <D> D roundTrip(FhirMapper<D> mapper, D value) {
        JsonNode json = FhirJsonForTests.parse(FhirWriter.toJson(mapper.toFhir(value)));
        ImportContext context = ImportContext.root();
        Optional<D> read = mapper.fromFhir(json, context);
        assertThat(context.problems()).isEmpty();
        return read.orElseThrow();
    }

    @Property(tries = 200)
    void everyEconsultationReadsBackEqual(@ForAll("econsultations") Econsultation e) {
        assertThat(roundTrip(tasks, e)).isEqualTo(e);
    }

    @Property(tries = 200)
    void everyFeedbackResponseReadsBackEqual(@ForAll("feedback") Feedback f) {
        assertThat(roundTrip(responses, f)).isEqualTo(f);
    }

    static List<Econsultation> everyKindOfEconsultation() {
        List<Econsultation> all = new ArrayList<>();
        List<TriageOutcome> outcomes = List.of(new TriageOutcome.SelfCareAdvice("Emollient twice a day"),
                new TriageOutcome.AppointmentOffered("Nurse appointment", LocalDate.of(2026, 12, 9)),
                new TriageOutcome.PrescriptionIssued("Hydrocortisone 1% cream"),
                new TriageOutcome.ReferralMade("Dermatology", Optional.of(ReferralId.random())),
                new TriageOutcome.ReferralMade("Community dermatology", Optional.empty()),
                new TriageOutcome.ReplyByMessage("Please send a photo"));
        for (TriageOutcome o : outcomes) {
            all.add(econsult(Set.of()).apply(new EconsultCommand.Triage(o, UserId.of("GP1")), T0.plusSeconds(600)));
        }
        all.add(econsult(Set.of()));
        all.add(econsult(Set.of(RedFlag.CHEST_PAIN, RedFlag.THOUGHTS_OF_SELF_HARM)));
        all.add(econsult(Set.of(RedFlag.STROKE_SIGNS)).apply(new EconsultCommand.Triage(
                new TriageOutcome.ReplyByMessage("We called you"), UserId.of("GP1")), T0.plusSeconds(60)));
        all.add(econsult(Set.of()).apply(new EconsultCommand.Withdraw(), T0.plusSeconds(60)));
        return all;
    }

    private static Econsultation econsult(Set<RedFlag> flags) {
        return Econsultation.submit(EconsultationId.random(), PatientId.random(), OdsCode.of("A81001"),
                "patient:" + PatientId.random().value(), new EconsultRequest("A rash on my forearm",
                        LocalDate.of(2026, 11, 30), "Itchy at night", "Advice on a cream", flags), T0,
                TriageTarget.DEFAULT);
    }

    static List<Feedback> everyKindOfFeedback() {
        OdsCode org = OdsCode.of("RR8");
        return List.of(
                feedback(new FeedbackSubject.AboutCarePlanning(OdsCode.of("A81001")), Optional.of("Kind staff")),
                feedback(new FeedbackSubject.AboutService(org, Optional.of(ServiceId.of("SVC-LEEDS-CARD"))),
                        Optional.empty()),
                feedback(new FeedbackSubject.AboutService(OdsCode.site("RH802"), Optional.empty()), Optional.empty()),
                feedback(new FeedbackSubject.AboutReferral(ReferralId.random()), Optional.of("Quick"))
                        .withdraw(T0.plusSeconds(3600)));
    }

    private static Feedback feedback(FeedbackSubject subject, Optional<String> comment) {
        OdsCode org = subject instanceof FeedbackSubject.AboutService s ? s.organisation() : OdsCode.of("A81001");
        return new Feedback(FeedbackId.random(), PatientId.random(), "carer:CARER1", new FeedbackAnswers(subject,
                FftAnswer.NEITHER_GOOD_NOR_POOR, Involvement.TO_SOME_EXTENT, Involvement.NOT_APPLICABLE, comment),
                org, T0, Optional.empty());
    }

    @Test
    void everyKindValidatesAgainstR4AndUkCore() {
        UkCoreValidator validator = UkCoreValidator.shared();
        for (Econsultation e : everyKindOfEconsultation()) {
            ObjectNode task = tasks.toFhir(e);
            assertThat(task.at("/meta/profile/0").asText()).isEqualTo("https://fhir.hl7.org.uk/StructureDefinition/UKCore-Task");
            assertThat(validator.errors(FhirWriter.toJson(task))).as("%s", e).isEmpty();
            assertThat(roundTrip(tasks, e)).isEqualTo(e);
        }
        for (Feedback f : everyKindOfFeedback()) {
            ObjectNode qr = responses.toFhir(f);
            assertThat(qr.at("/meta/profile/0").asText())
                    .isEqualTo("https://fhir.hl7.org.uk/StructureDefinition/UKCore-QuestionnaireResponse");
            assertThat(validator.errors(FhirWriter.toJson(qr))).as("%s", f).isEmpty();
            assertThat(roundTrip(responses, f)).isEqualTo(f);
        }
    }

    @Test
    void aBrokenResourceGivesProblemsNamingTheElementAndNoValue() {
        Econsultation e = everyKindOfEconsultation().get(0);
        ObjectNode task = tasks.toFhir(e);
        task.remove("for");
        assertProblem(tasks, task, "for.reference");
        task = tasks.toFhir(e);
        ((ObjectNode) task.get("businessStatus").get("coding").get(0)).put("code", "LOST");
        assertProblem(tasks, task, "businessStatus.code");
        task = tasks.toFhir(e);
        task.put("status", "requested");
        assertProblem(tasks, task, "status");
        task = tasks.toFhir(everyKindOfEconsultation().get(6));
        ((com.fasterxml.jackson.databind.node.ArrayNode) task.get("input")).remove(0);
        assertProblem(tasks, task, "input(problem)");

        Feedback f = everyKindOfFeedback().get(0);
        ObjectNode qr = responses.toFhir(f);
        ((ObjectNode) qr.get("item").get(0).get("answer").get(0).get("valueCoding")).put("code", "EXCELLENT");
        assertProblem(responses, qr, "item(experience).code");
        qr = responses.toFhir(f);
        qr.put("questionnaire", "https://example.org/other");
        assertProblem(responses, qr, "questionnaire");
        qr = responses.toFhir(f);
        qr.put("status", "stopped");
        assertProblem(responses, qr, "status");
    }

    private static <D> void assertProblem(FhirMapper<D> mapper, JsonNode json, String path) {
        ImportContext context = ImportContext.root();
        assertThat(mapper.fromFhir(json, context)).isEmpty();
        assertThat(context.problems()).extracting(ImportProblem::jsonPath).anyMatch(p -> p.endsWith(path));
    }

    @Provide
    Arbitrary<Econsultation> econsultations() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange('a', 'z').withChars(' ', 'é', '£', '\n')
                .ofMinLength(1).ofMaxLength(40).filter(s -> !s.isBlank());
        Arbitrary<Set<RedFlag>> flags = Arbitraries.of(RedFlag.class).set().ofMaxSize(3);
        Arbitrary<TriageOutcome> outcomes = Combinators.combine(Arbitraries.integers().between(0, 5), text,
                Arbitraries.integers().between(0, 60)).as((k, note, days) -> switch (k) {
                    case 0 -> new TriageOutcome.SelfCareAdvice(note);
                    case 1 -> new TriageOutcome.AppointmentOffered(note, LocalDate.of(2026, 12, 8).plusDays(days));
                    case 2 -> new TriageOutcome.PrescriptionIssued(note);
                    case 3 -> new TriageOutcome.ReferralMade(note, Optional.of(ReferralId.random()));
                    case 4 -> new TriageOutcome.ReferralMade(note, Optional.empty());
                    default -> new TriageOutcome.ReplyByMessage(note);
                });
        return Combinators.combine(text, text, text, flags, outcomes, Arbitraries.integers().between(0, 2),
                Arbitraries.longs().between(60, 30L * 24 * 3600), Arbitraries.of("patient:p", "carer:CARER1"))
                .as((problem, impact, wish, f, outcome, step, target, by) -> {
                    Econsultation e = Econsultation.submit(EconsultationId.random(), PatientId.random(),
                            OdsCode.of("A81001"), by, new EconsultRequest(problem, LocalDate.of(2026, 11, 1), impact,
                                    wish, f), T0, new TriageTarget(Duration.ofSeconds(target)));
                    if (step == 1) {
                        return e.apply(new EconsultCommand.Triage(outcome, UserId.of("GP1")), T0.plusSeconds(target / 2));
                    }
                    if (step == 2 && f.isEmpty()) {
                        return e.apply(new EconsultCommand.Withdraw(), T0.plusSeconds(30));
                    }
                    return e;
                });
    }

    @Provide
    Arbitrary<Feedback> feedback() {
        Arbitrary<FeedbackSubject> subjects = Arbitraries.integers().between(0, 3).map(k -> switch (k) {
            case 0 -> new FeedbackSubject.AboutCarePlanning(OdsCode.of("A81001"));
            case 1 -> new FeedbackSubject.AboutService(OdsCode.of("RR8"), Optional.of(ServiceId.of("SVC-1")));
            case 2 -> new FeedbackSubject.AboutService(OdsCode.site("RH802"), Optional.empty());
            default -> new FeedbackSubject.AboutReferral(ReferralId.random());
        });
        Arbitrary<Optional<String>> comments = Arbitraries.strings().withCharRange('a', 'z').withChars(' ', '\'')
                .ofMinLength(1).ofMaxLength(60).filter(s -> !s.isBlank()).optional();
        return Combinators.combine(subjects, Arbitraries.of(FftAnswer.class), Arbitraries.of(Involvement.class),
                Arbitraries.of(Involvement.class), comments, Arbitraries.of(true, false))
                .as((subject, fft, involved, carers, comment, withdrawn) -> {
                    OdsCode org = subject instanceof FeedbackSubject.AboutService s ? s.organisation()
                            : OdsCode.of("A81001");
                    Feedback f = new Feedback(FeedbackId.random(), PatientId.random(), "patient:p",
                            new FeedbackAnswers(subject, fft, involved, carers, comment), org, T0, Optional.empty());
                    return withdrawn ? f.withdraw(T0.plusSeconds(7)) : f;
                });
    }
}
