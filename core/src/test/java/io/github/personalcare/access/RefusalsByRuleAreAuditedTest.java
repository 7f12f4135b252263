package io.github.personalcare.access;

import io.github.personalcare.audit.AuditOutcome;
import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.econsult.EconsultRequest;
import io.github.personalcare.econsult.EconsultService;
import io.github.personalcare.econsult.Econsultation;
import io.github.personalcare.econsult.TriageOutcome;
import io.github.personalcare.feedback.FeedbackAnswers;
import io.github.personalcare.feedback.FeedbackService;
import io.github.personalcare.feedback.FeedbackSubject;
import io.github.personalcare.feedback.FftAnswer;
import io.github.personalcare.feedback.Feedback;
import io.github.personalcare.feedback.Involvement;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.support.PatientFacingWorld;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A command refused because of who asks (a professional submitting an e-consultation, a patient
 * triaging one, a clinician reading a patient's own feedback) is refused inside the guard, so the
 * refused attempt is in the audit trail as {@code REJECTED} with the rule, like every other
 * refused access (R50), and nothing is stored.
 */
class RefusalsByRuleAreAuditedTest {
    private final PatientFacingWorld world = new PatientFacingWorld();
    private final EconsultService econsults = world.care.econsultations();
    private final FeedbackService feedback = world.care.feedback();

    private static EconsultRequest routine() {
        return new EconsultRequest("A rash", LocalDate.of(2026, 12, 1), "Itchy", "Advice", Set.of());
    }

    private static FeedbackAnswers answers() {
        return new FeedbackAnswers(new FeedbackSubject.AboutCarePlanning(PatientFacingWorld.PRACTICE), FftAnswer.GOOD,
                Involvement.YES, Involvement.NOT_APPLICABLE, Optional.empty());
    }

    private List<AuditRecord> audit() {
        return world.storage.inTransaction(tx -> tx.audit().forPatient(world.patient));
    }

    private void refusedAndAudited(ThrowingCallable call, String rule, String action) {
        int before = audit().size();
        assertThatThrownBy(call).isInstanceOf(RuleViolationException.class).hasFieldOrPropertyWithValue("rule", rule);
        List<AuditRecord> after = audit();
        assertThat(after).hasSize(before + 1);
        AuditRecord last = after.get(after.size() - 1);
        assertThat(last.event().action()).isEqualTo(action);
        assertThat(last.event().outcome()).isEqualTo(AuditOutcome.REJECTED);
        assertThat(last.event().rule()).isEqualTo(rule);
    }

    @Test
    @DisplayName("R50 e-consultation refusals by who asks are audited REJECTED and store nothing")
    void econsultationRefusalsAreAudited() {
        refusedAndAudited(() -> econsults.submit(world.gp, world.patient, routine()), "ECONSULT_SUBMITTER",
                "econsult.submit");
        Versioned<Econsultation> e = econsults.submit(world.self, world.patient, routine());

        refusedAndAudited(() -> econsults.triage(world.self, e.value().id(), new TriageOutcome.SelfCareAdvice("Rest"),
                e.version()), "PRACTICE", "econsult.triage");
        refusedAndAudited(() -> econsults.withdraw(world.gp, e.value().id(), e.version()), "ECONSULT_SUBMITTER",
                "econsult.withdraw");
        assertThat(econsults.get(world.self, e.value().id()).version()).isEqualTo(e.version());
    }

    @Test
    @DisplayName("R50 a practice queue asked by another practice's professional is audited REJECTED")
    void anotherPracticesQueueIsAudited() {
        int before = world.storage.inTransaction(tx -> tx.audit().chains().stream()
                .mapToInt(c -> tx.audit().chain(c).size()).sum());

        assertThatThrownBy(() -> econsults.overdue(world.otherGp, PatientFacingWorld.PRACTICE))
                .isInstanceOf(RuleViolationException.class).hasFieldOrPropertyWithValue("rule", "PRACTICE");

        List<AuditRecord> rejected = world.storage.inTransaction(tx -> tx.audit().chains().stream()
                .flatMap(c -> tx.audit().chain(c).stream())
                .filter(r -> r.event().outcome() == AuditOutcome.REJECTED).toList());
        assertThat(rejected).singleElement().satisfies(r -> {
            assertThat(r.event().action()).isEqualTo("econsult.overdue");
            assertThat(r.event().rule()).isEqualTo("PRACTICE");
        });
        int after = world.storage.inTransaction(tx -> tx.audit().chains().stream()
                .mapToInt(c -> tx.audit().chain(c).size()).sum());
        assertThat(after).isEqualTo(before + 1);
    }

    @Test
    @DisplayName("R50 feedback refusals by who asks are audited REJECTED and store nothing")
    void feedbackRefusalsAreAudited() {
        refusedAndAudited(() -> feedback.give(world.gp, world.patient, answers()), "FEEDBACK_GIVER", "feedback.give");
        Versioned<Feedback> f = feedback.give(world.self, world.patient, answers());

        refusedAndAudited(() -> feedback.get(world.gp, f.value().id()), "FEEDBACK_OWNER", "feedback.read");
        refusedAndAudited(() -> feedback.forPatient(world.gp, world.patient), "FEEDBACK_OWNER", "feedback.list");
        refusedAndAudited(() -> feedback.withdraw(world.gp, f.value().id(), f.version()), "FEEDBACK_GIVER",
                "feedback.withdraw");
        assertThat(feedback.get(world.self, f.value().id()).value().withdrawnAt()).isEmpty();
    }
}
