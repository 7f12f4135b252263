package io.github.personalcare.testkit;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.feedback.Feedback;
import io.github.personalcare.feedback.FeedbackAnswers;
import io.github.personalcare.feedback.FeedbackId;
import io.github.personalcare.feedback.FeedbackStores;
import io.github.personalcare.feedback.FeedbackSubject;
import io.github.personalcare.feedback.FeedbackSummary;
import io.github.personalcare.feedback.FftAnswer;
import io.github.personalcare.feedback.Involvement;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.VersionConflictException;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.referral.ReferralId;
import io.github.personalcare.referral.ServiceId;
import io.github.personalcare.report.ReportCount;
import io.github.personalcare.spi.GroupCount;
import io.github.personalcare.spi.Query;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Feedback on a storage adapter: every subject survives a round trip with its comment, the
 * storage counts responses grouped by the answer indexes of {@link FeedbackStores#FEEDBACK}
 * without loading them, withdrawn responses leave the counts, a stale version is a conflict, and
 * the service's suppressed summary is the same on every storage.
 */
public abstract class FeedbackStorageContract extends StorageContract {
    /** For the adapter's subclass, which supplies the storage under test. */
    protected FeedbackStorageContract() {
    }

    private static final Instant NOV = Instant.parse("2026-11-16T10:00:00Z");
    private static final OdsCode PRACTICE = OdsCode.of("A81001");
    private static final OdsCode OTHER = OdsCode.of("B82002");

    private static Feedback response(OdsCode org, Instant at, FftAnswer fft, FeedbackSubject subject) {
        return new Feedback(FeedbackId.random(), PatientId.random(), "patient:x", new FeedbackAnswers(subject, fft,
                Involvement.YES, Involvement.TO_SOME_EXTENT, Optional.of("Kind staff")), org, at, Optional.empty());
    }

    private static Feedback response(OdsCode org, Instant at, FftAnswer fft) {
        return response(org, at, fft, new FeedbackSubject.AboutCarePlanning(org));
    }

    private void insert(Feedback f) {
        storage.inTransaction(tx -> tx.aggregates(FeedbackStores.FEEDBACK).insert(f));
    }

    @Test
    void everySubjectSurvivesARoundTripWithItsComment() {
        List<Feedback> all = List.of(
                response(PRACTICE, NOV, FftAnswer.VERY_GOOD),
                response(OTHER, NOV, FftAnswer.DONT_KNOW, new FeedbackSubject.AboutService(OTHER,
                        Optional.of(ServiceId.of("SVC-LEEDS-CARD")))),
                response(OTHER, NOV, FftAnswer.POOR, new FeedbackSubject.AboutService(OTHER, Optional.empty())),
                response(OTHER, NOV, FftAnswer.NEITHER_GOOD_NOR_POOR,
                        new FeedbackSubject.AboutReferral(ReferralId.random())),
                response(PRACTICE, NOV, FftAnswer.GOOD).withdraw(NOV.plusSeconds(30)));
        all.forEach(this::insert);

        for (Feedback f : all) {
            Versioned<Feedback> found = storage.inTransaction(tx -> tx.aggregates(FeedbackStores.FEEDBACK).get(f.id()));
            assertThat(found.value()).isEqualTo(f);
        }
    }

    private Map<List<Object>, Long> count(Query q, List<String> groupBy) {
        Map<List<Object>, Long> out = new HashMap<>();
        for (GroupCount g : storage.inTransaction(tx -> tx.aggregates(FeedbackStores.FEEDBACK).count(q, groupBy))) {
            out.put(g.key(), g.count());
        }
        return out;
    }

    @Test
    void responsesAreCountedByOrganisationMonthAndAnswerAndWithdrawnOnesLeave() {
        for (int i = 0; i < 3; i++) {
            insert(response(PRACTICE, NOV, FftAnswer.VERY_GOOD));
        }
        Feedback poor = response(PRACTICE, NOV, FftAnswer.POOR);
        insert(poor);
        insert(response(PRACTICE, Instant.parse("2026-10-31T23:30:00Z"), FftAnswer.POOR)); // 31 Oct, UK time
        insert(response(OTHER, NOV, FftAnswer.GOOD));
        Query practiceNovember = Query.where("organisation").is(PRACTICE.value()).and("given_month").is("2026-11")
                .and("active").is(true);

        assertThat(count(practiceNovember, List.of("experience", "topic"))).isEqualTo(Map.of(
                List.of("VERY_GOOD", "CARE_PLANNING"), 3L, List.of("POOR", "CARE_PLANNING"), 1L));

        storage.inTransaction(tx -> tx.aggregates(FeedbackStores.FEEDBACK).update(poor.withdraw(NOV.plusSeconds(60)), 1));
        assertThat(count(practiceNovember, List.of("experience"))).isEqualTo(Map.of(List.of("VERY_GOOD"), 3L));
        assertThat(count(Query.where("given_month").is("2026-10"), List.of("organisation")))
                .isEqualTo(Map.of(List.of(PRACTICE.value()), 1L));
        assertThatExceptionOfType(VersionConflictException.class).isThrownBy(() -> storage.inTransaction(tx ->
                tx.aggregates(FeedbackStores.FEEDBACK).update(poor.withdraw(NOV.plusSeconds(60)), 1)));
    }

    private static PatientId register(PersonalCare care) {
        AccessContext gp = AccessContext.of(Actor.professional(UserId.of("GP1"), ProfessionalRole.GENERAL_PRACTITIONER,
                PRACTICE), Purpose.DIRECT_CARE);
        return care.patients().register(gp, NhsNumber.parse("9434765870"), NhsNumberVerification.VERIFIED,
                new PersonName("Ada", "Lovelace"), LocalDate.of(1950, 12, 10), Set.of(), Optional.of(PRACTICE))
                .value().id();
    }

    @Test
    void theSuppressedSummaryIsCountedInThisStorage() {
        PersonalCare november = PersonalCare.builder().storage(storage).clock(Clock.fixed(NOV, ZoneOffset.UTC)).build();
        PatientId patient = register(november);
        AccessContext self = AccessContext.patientSelf(patient);
        for (FftAnswer a : List.of(FftAnswer.VERY_GOOD, FftAnswer.VERY_GOOD, FftAnswer.VERY_GOOD, FftAnswer.GOOD,
                FftAnswer.GOOD, FftAnswer.GOOD, FftAnswer.POOR)) {
            november.feedback().give(self, patient, new FeedbackAnswers(new FeedbackSubject.AboutCarePlanning(PRACTICE),
                    a, Involvement.YES, Involvement.NOT_APPLICABLE, Optional.empty()));
        }
        PersonalCare december = PersonalCare.builder().storage(storage)
                .clock(Clock.fixed(Instant.parse("2026-12-07T09:00:00Z"), ZoneOffset.UTC)).build();
        AccessContext commissioner = AccessContext.of(Actor.professional(UserId.of("COM1"), ProfessionalRole.COMMISSIONER,
                OdsCode.of("QWO")), Purpose.PLANNING);

        FeedbackSummary s = december.feedback().summary(commissioner, PRACTICE, YearMonth.of(2026, 11));

        assertThat(s.responses()).isEqualTo(ReportCount.exact(7));
        assertThat(s.experience().get(FftAnswer.POOR).isSuppressed()).isTrue();
        assertThat(s.experience().get(FftAnswer.VERY_GOOD).isSuppressed()).isTrue();
        assertThat(s.experience().get(FftAnswer.GOOD).isSuppressed()).isTrue();
        assertThat(s.involvedInDecisions().get(Involvement.YES)).isEqualTo(ReportCount.exact(7));
    }

    @Test
    void twoWithdrawalsAtOnceNeverBothWin() throws Exception {
        PersonalCare care = PersonalCare.builder().storage(storage).clock(Clock.fixed(NOV, ZoneOffset.UTC)).build();
        PatientId patient = register(care);
        AccessContext self = AccessContext.patientSelf(patient);
        Versioned<Feedback> f = care.feedback().give(self, patient, new FeedbackAnswers(
                new FeedbackSubject.AboutCarePlanning(PRACTICE), FftAnswer.GOOD, Involvement.YES, Involvement.YES,
                Optional.empty()));
        assertThat(Race.winners(2, () -> care.feedback().withdraw(self, f.value().id(), f.version()))).isEqualTo(1);
        assertThat(storage.inTransaction(tx -> tx.aggregates(FeedbackStores.FEEDBACK).get(f.value().id())).version())
                .isEqualTo(2);
    }
}
