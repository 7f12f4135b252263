package io.github.personalcare.feedback;

import io.github.personalcare.access.AccessDeniedException;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.lang.IllegalTransitionException;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.lang.VersionConflictException;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.referral.ReferralId;
import io.github.personalcare.referral.ServiceId;
import io.github.personalcare.report.ReportCount;
import io.github.personalcare.spi.Query;
import io.github.personalcare.support.PatientFacingWorld;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.github.personalcare.support.PatientFacingWorld.PRACTICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedbackServiceTest {
    static final String COMMENT = "The nurse listened and explained my options";
    final PatientFacingWorld world = new PatientFacingWorld();
    final FeedbackService feedback = world.care.feedback();

    static FeedbackAnswers answers(FftAnswer fft) {
        return new FeedbackAnswers(new FeedbackSubject.AboutCarePlanning(PRACTICE), fft, Involvement.YES,
                Involvement.NOT_APPLICABLE, Optional.of(COMMENT));
    }

    private List<Feedback> stored() {
        return world.storage.inTransaction(tx -> tx.aggregates(FeedbackStores.FEEDBACK).query(Query.all()).stream()
                .map(Versioned::value).toList());
    }

    @Test
    void thePatientGivesSeesAndWithdrawsTheirFeedback() {
        Versioned<Feedback> f = feedback.give(world.self, world.patient, answers(FftAnswer.VERY_GOOD));

        assertThat(f.version()).isEqualTo(1);
        assertThat(f.value().organisation()).isEqualTo(PRACTICE);
        assertThat(f.value().month()).isEqualTo(YearMonth.of(2026, 12));
        assertThat(f.value().answers().comment()).contains(COMMENT);
        assertThat(feedback.get(world.self, f.value().id())).isEqualTo(f);
        assertThat(world.outbox()).filteredOn(FeedbackEvent.Given.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((FeedbackEvent.Given) e).topic()).isEqualTo(FeedbackTopic.CARE_PLANNING));

        world.clock.advance(Duration.ofHours(1));
        Versioned<Feedback> withdrawn = feedback.withdraw(world.self, f.value().id(), f.version());

        assertThat(withdrawn.value().isActive()).isFalse();
        assertThat(withdrawn.value().withdrawnAt()).contains(world.clock.instant());
        assertThat(feedback.forPatient(world.self, world.patient)).containsExactly(withdrawn);
        assertThatExceptionOfType(IllegalTransitionException.class)
                .isThrownBy(() -> feedback.withdraw(world.self, f.value().id(), withdrawn.version()));
        assertThat(world.outbox()).filteredOn(FeedbackEvent.Withdrawn.class::isInstance).hasSize(1);
    }

    @Test
    @DisplayName("Nobody but the patient (or their proxy) reads a response")
    void professionalsNeverReadAResponse() {
        Versioned<Feedback> f = feedback.give(world.self, world.patient, answers(FftAnswer.POOR));

        assertThatThrownBy(() -> feedback.get(world.gp, f.value().id())).isInstanceOf(RuleViolationException.class)
                .hasFieldOrPropertyWithValue("rule", "FEEDBACK_OWNER");
        assertThatThrownBy(() -> feedback.forPatient(world.gp, world.patient))
                .isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> feedback.give(world.gp, world.patient, answers(FftAnswer.GOOD)))
                .isInstanceOf(RuleViolationException.class).hasFieldOrPropertyWithValue("rule", "FEEDBACK_GIVER");
        PatientId other = world.registerPatient(NhsNumber.parse("9000000009"));
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> feedback.get(AccessContext.patientSelf(other), f.value().id()));
        assertThat(stored()).hasSize(1);
    }

    @Test
    @DisplayName("A carer gives feedback only within the scope the patient granted")
    void aCarerGivesFeedbackWithinScope() {
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> feedback.give(world.carer, world.patient, answers(FftAnswer.GOOD)));
        assertThat(stored()).isEmpty();

        world.grantCarer(DataClass.FEEDBACK);
        Versioned<Feedback> f = feedback.give(world.carer, world.patient, answers(FftAnswer.GOOD));

        assertThat(f.value().givenBy()).isEqualTo("carer:CARER1");
        assertThat(feedback.forPatient(world.carer, world.patient)).hasSize(1);
    }

    @Test
    void feedbackAboutAReferralCountsForItsOrganisationAndMustBeThePatients() {
        PatientId other = world.registerPatient(NhsNumber.parse("9000000009"));
        expectField("subject.referral", () -> feedback.give(world.self, world.patient,
                new FeedbackAnswers(new FeedbackSubject.AboutReferral(ReferralId.random()), FftAnswer.GOOD,
                        Involvement.YES, Involvement.YES, Optional.empty())));
        assertThat(stored()).isEmpty();
        assertThat(other).isNotEqualTo(world.patient);

        Versioned<Feedback> f = feedback.give(world.self, world.patient, new FeedbackAnswers(
                new FeedbackSubject.AboutService(OdsCode.of("RR8"), Optional.of(ServiceId.of("SVC-LEEDS-CARD"))),
                FftAnswer.GOOD, Involvement.TO_SOME_EXTENT, Involvement.NO, Optional.empty()));
        assertThat(f.value().organisation()).isEqualTo(OdsCode.of("RR8"));
    }

    @Test
    @DisplayName("Bad input for every command: a typed error naming the field, and nothing stored")
    void badInputIsATypedErrorAndNothingIsStored() {
        FeedbackSubject subject = new FeedbackSubject.AboutCarePlanning(PRACTICE);
        expectField("experience", () -> feedback.give(world.self, world.patient,
                new FeedbackAnswers(subject, null, Involvement.YES, Involvement.YES, Optional.empty())));
        expectField("involvedInDecisions", () -> feedback.give(world.self, world.patient,
                new FeedbackAnswers(subject, FftAnswer.GOOD, null, Involvement.YES, Optional.empty())));
        expectField("carersInvolved", () -> feedback.give(world.self, world.patient,
                new FeedbackAnswers(subject, FftAnswer.GOOD, Involvement.YES, null, Optional.empty())));
        expectField("subject", () -> feedback.give(world.self, world.patient,
                new FeedbackAnswers(null, FftAnswer.GOOD, Involvement.YES, Involvement.YES, Optional.empty())));
        expectField("comment", () -> feedback.give(world.self, world.patient,
                new FeedbackAnswers(subject, FftAnswer.GOOD, Involvement.YES, Involvement.YES, Optional.of("a\u0000b"))));
        expectField("comment", () -> feedback.give(world.self, world.patient,
                new FeedbackAnswers(subject, FftAnswer.GOOD, Involvement.YES, Involvement.YES, Optional.of("x".repeat(4001)))));
        expectField("organisation", () -> feedback.give(world.self, world.patient,
                new FeedbackAnswers(new FeedbackSubject.AboutService(null, Optional.empty()), FftAnswer.GOOD,
                        Involvement.YES, Involvement.YES, Optional.empty())));
        expectField("referral", () -> new FeedbackSubject.AboutReferral(null));
        expectField("answers", () -> feedback.give(world.self, world.patient, null));
        expectField("patient", () -> feedback.give(world.self, null, answers(FftAnswer.GOOD)));
        assertThat(stored()).isEmpty();

        Versioned<Feedback> f = feedback.give(world.self, world.patient, answers(FftAnswer.GOOD));
        expectField("id", () -> feedback.withdraw(world.self, null, f.version()));
        assertThatExceptionOfType(VersionConflictException.class)
                .isThrownBy(() -> feedback.withdraw(world.self, f.value().id(), 5));
        expectField("month", () -> feedback.summary(world.commissioner, PRACTICE, null));
        expectField("organisation", () -> feedback.summary(world.commissioner, null, YearMonth.of(2026, 11)));
        expectField("month", () -> feedback.summary(world.commissioner, PRACTICE, YearMonth.of(2026, 12)));
        expectField("month", () -> feedback.summary(world.commissioner, PRACTICE, YearMonth.of(1800, 1)));
        expectField("size", () -> new MinimumGroup(1));
        assertThat(stored()).singleElement().isEqualTo(f.value());
    }

    private static void expectField(String field, Executable call) {
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(call::execute)
                .satisfies(x -> assertThat(x.field()).isEqualTo(field));
    }

    @Test
    @DisplayName("Aggregates are per organisation and whole past month, leave withdrawn feedback out and suppress small groups")
    void aggregatesSuppressSmallGroupsAndLeaveWithdrawnFeedbackOut() {
        // December 2026: 6 very good, 2 poor, 1 withdrawn very poor
        for (int i = 0; i < 6; i++) {
            feedback.give(world.self, world.patient, answers(FftAnswer.VERY_GOOD));
        }
        feedback.give(world.self, world.patient, answers(FftAnswer.POOR));
        feedback.give(world.self, world.patient, answers(FftAnswer.POOR));
        Versioned<Feedback> gone = feedback.give(world.self, world.patient, answers(FftAnswer.VERY_POOR));
        feedback.withdraw(world.self, gone.value().id(), gone.version());
        world.clock.set(Instant.parse("2027-01-04T09:00:00Z"));

        FeedbackSummary s = feedback.summary(world.commissioner, PRACTICE, YearMonth.of(2026, 12));

        assertThat(s.responses()).isEqualTo(ReportCount.exact(8));
        // POOR (2) is suppressed, and VERY_GOOD (6) with it, or 8 - 6 would give it away
        assertThat(s.experience().get(FftAnswer.POOR).isSuppressed()).isTrue();
        assertThat(s.experience().get(FftAnswer.VERY_GOOD).isSuppressed()).isTrue();
        assertThat(s.experience().get(FftAnswer.VERY_POOR)).isEqualTo(ReportCount.exact(0));
        assertThat(s.involvedInDecisions().get(Involvement.YES)).isEqualTo(ReportCount.exact(8));
        assertThat(s.carersInvolved().get(Involvement.NOT_APPLICABLE)).isEqualTo(ReportCount.exact(8));
        assertThat(s.topics()).isEqualTo(Map.of(FeedbackTopic.CARE_PLANNING, ReportCount.exact(8),
                FeedbackTopic.SERVICE, ReportCount.exact(0), FeedbackTopic.REFERRAL, ReportCount.exact(0)));
        assertThat(feedback.summary(world.commissioner, OdsCode.of("Y00001"), YearMonth.of(2026, 12)).responses())
                .isEqualTo(ReportCount.exact(0));
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> feedback.summary(world.self, PRACTICE, YearMonth.of(2026, 12)));
    }

    @Test
    void aMonthWithFewerResponsesThanTheMinimumIsSuppressedWhole() {
        PatientFacingWorld w = new PatientFacingWorld(b -> b.feedbackMinimumGroup(new MinimumGroup(10)));
        for (int i = 0; i < 9; i++) {
            w.care.feedback().give(w.self, w.patient, answers(FftAnswer.GOOD));
        }
        w.clock.set(Instant.parse("2027-01-04T09:00:00Z"));

        FeedbackSummary s = w.care.feedback().summary(w.commissioner, PRACTICE, YearMonth.of(2026, 12));

        assertThat(s.isSuppressed()).isTrue();
        assertThat(s.minimumGroup()).isEqualTo(10);
        assertThat(s.experience().values()).allMatch(ReportCount::isSuppressed);
        assertThat(s.topics().values()).allMatch(ReportCount::isSuppressed);
    }
}
