package io.github.personalcare.examples;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.econsult.EconsultRequest;
import io.github.personalcare.econsult.Econsultation;
import io.github.personalcare.econsult.TriageOutcome;
import io.github.personalcare.feedback.Feedback;
import io.github.personalcare.feedback.FeedbackAnswers;
import io.github.personalcare.feedback.FeedbackSubject;
import io.github.personalcare.feedback.FftAnswer;
import io.github.personalcare.feedback.Involvement;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.lang.Versioned;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The e-consultation and feedback chapter of the story: the patient sends her practice an online
 * request, the practice answers it within its target time and she reads the outcome; then she
 * leaves Friends and Family Test feedback about her care planning. Prints statuses, outcome kinds
 * and answer codes only: never her answers, the practice's note or her comment.
 */
public final class EconsultFeedbackChapter {
    private EconsultFeedbackChapter() {
    }

    /**
     * Runs the chapter for a registered patient of {@code practice}.
     *
     * @param care     the SDK
     * @param out      where the story is printed
     * @param advance  moves the clock {@code care} was built with
     * @param patient  the patient
     * @param gp       a GP of the patient's registered practice
     * @param practice the practice's ODS code
     * @return the answered e-consultation as the patient saw it
     */
    public static Econsultation run(PersonalCare care, PrintStream out, Consumer<Duration> advance, PatientId patient,
            AccessContext gp, OdsCode practice) {
        out.println("== E-consultation and feedback ==");
        AccessContext self = AccessContext.patientSelf(patient);
        LocalDate today = LocalDate.ofInstant(care.clock().instant(), ZoneId.of("Europe/London"));
        Versioned<Econsultation> sent = care.econsultations().submit(self, patient, new EconsultRequest(
                "My ankles have been more swollen in the evenings", today.minusDays(10),
                "My shoes are tight by the afternoon", "To know whether my tablets need changing", Set.of()));
        out.println("Amara sends an e-consultation: " + sent.value().status() + ", due within "
                + care.econsultations().target().within().toHours() + " hours");

        advance.accept(Duration.ofHours(20));
        out.println("Practice queue after 20 hours: " + care.econsultations().overdue(gp, practice).size()
                + " overdue");
        care.econsultations().triage(gp, sent.value().id(), new TriageOutcome.AppointmentOffered(
                "Please book a blood pressure and kidney check with the practice nurse this week",
                today.plusDays(7)), sent.version());
        Econsultation seen = care.econsultations().get(self, sent.value().id()).value();
        out.println("Amara reads the practice's answer: " + seen.status() + ", outcome "
                + seen.outcome().map(o -> o.kind().name()).orElse("none"));

        Versioned<Feedback> given = care.feedback().give(self, patient, new FeedbackAnswers(
                new FeedbackSubject.AboutCarePlanning(practice), FftAnswer.VERY_GOOD, Involvement.YES,
                Involvement.TO_SOME_EXTENT, Optional.of("I felt listened to and my daughter was included")));
        out.println("Amara leaves feedback on her care planning: " + given.value().answers().experience().label()
                + "; involved in decisions: " + given.value().answers().involvedInDecisions().label()
                + "; carers involved: " + given.value().answers().carersInvolved().label());
        out.println("Her feedback counts, anonymously, in " + practice.value() + "'s summary for "
                + given.value().month() + ", published once the month has ended with groups under "
                + care.feedback().minimumGroup().size() + " suppressed");
        return seen;
    }
}
