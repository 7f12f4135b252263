package io.github.personalcare.feedback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.personalcare.econsult.EconsultRequest;
import io.github.personalcare.econsult.Econsultation;
import io.github.personalcare.econsult.RedFlag;
import io.github.personalcare.econsult.TriageOutcome;
import io.github.personalcare.lang.PersonalCareException;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.support.CapturedLogs;
import io.github.personalcare.support.PatientFacingWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Runs every e-consultation and feedback command, refusals and bad input included, with known
 * free text, and proves no captured log event (message, arguments or exception) holds the NHS
 * number, the name, the patient's answers, the practice's note or the feedback comment.
 */
class PatientFacingLoggingTest {
    private static final String PROBLEM = "Lump under my left armpit";
    private static final String IMPACT = "Worried it is cancer";
    private static final String WISH = "Someone to examine it";
    private static final String NOTE = "Come in tomorrow at 10 to see Dr Shah";
    private static final String COMMENT = "Receptionist Mandy was rude to me";
    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    @Test
    void noPersonalDataOrFreeTextIsLogged() {
        PatientFacingWorld world = new PatientFacingWorld();
        var econsults = world.care.econsultations();
        Versioned<Econsultation> e = econsults.submit(world.self, world.patient,
                new EconsultRequest(PROBLEM, LocalDate.of(2026, 12, 1), IMPACT, WISH, Set.of()));
        econsults.triage(world.gp, e.value().id(), new TriageOutcome.AppointmentOffered(NOTE,
                LocalDate.of(2026, 12, 8)), e.version());
        Versioned<Econsultation> urgent = econsults.submit(world.self, world.patient,
                new EconsultRequest(PROBLEM, LocalDate.of(2026, 12, 1), IMPACT, WISH, Set.of(RedFlag.HEAVY_BLEEDING)));
        assertThatThrownBy(() -> econsults.withdraw(world.self, urgent.value().id(), urgent.version()))
                .isInstanceOf(PersonalCareException.class);
        assertThatThrownBy(() -> econsults.triage(world.otherGp, urgent.value().id(),
                new TriageOutcome.ReplyByMessage(NOTE), urgent.version())).isInstanceOf(PersonalCareException.class);
        assertThatThrownBy(() -> econsults.submit(world.carer, world.patient,
                new EconsultRequest(PROBLEM, LocalDate.of(2026, 12, 1), IMPACT, WISH, Set.of())))
                .isInstanceOf(PersonalCareException.class);
        assertThatThrownBy(() -> econsults.submit(world.self, world.patient,
                new EconsultRequest(PROBLEM + "\u0007", LocalDate.of(2026, 12, 1), IMPACT, WISH, Set.of())))
                .isInstanceOf(PersonalCareException.class);

        var feedback = world.care.feedback();
        FeedbackAnswers answers = new FeedbackAnswers(new FeedbackSubject.AboutService(PatientFacingWorld.PRACTICE,
                Optional.empty()), FftAnswer.VERY_POOR, Involvement.NO, Involvement.NO, Optional.of(COMMENT));
        Versioned<Feedback> f = feedback.give(world.self, world.patient, answers);
        feedback.withdraw(world.self, f.value().id(), f.version());
        assertThatThrownBy(() -> feedback.get(world.gp, f.value().id())).isInstanceOf(PersonalCareException.class);
        assertThatThrownBy(() -> feedback.give(world.carer, world.patient, answers))
                .isInstanceOf(PersonalCareException.class);
        world.clock.set(Instant.parse("2027-01-05T09:00:00Z"));
        feedback.summary(world.commissioner, PatientFacingWorld.PRACTICE, YearMonth.of(2026, 12));

        assertThat(logs.events()).as("the services log their outcomes").isNotEmpty();
        List<String> forbidden = List.of(PatientFacingWorld.NHS_NUMBER.value(), PatientFacingWorld.NHS_NUMBER.formatted(),
                "Lovelace", PROBLEM, "armpit", IMPACT, WISH, NOTE, "Dr Shah", COMMENT, "Mandy");
        for (ILoggingEvent event : logs.events()) {
            String text = CapturedLogs.rendered(event);
            for (String secret : forbidden) {
                assertThat(text).as("log line from %s", event.getLoggerName()).doesNotContain(secret);
            }
        }
    }
}
