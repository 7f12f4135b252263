package io.github.personalcare.testkit;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.econsult.EconsultCommand;
import io.github.personalcare.econsult.EconsultEvent;
import io.github.personalcare.econsult.EconsultRequest;
import io.github.personalcare.econsult.EconsultStatus;
import io.github.personalcare.econsult.EconsultStores;
import io.github.personalcare.econsult.Econsultation;
import io.github.personalcare.econsult.EconsultationId;
import io.github.personalcare.econsult.QueuedEconsultation;
import io.github.personalcare.econsult.RedFlag;
import io.github.personalcare.econsult.TriageOutcome;
import io.github.personalcare.econsult.TriageTarget;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.VersionConflictException;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.referral.ReferralId;
import io.github.personalcare.spi.OutboxEntry;
import io.github.personalcare.spi.Query;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * E-consultations on a storage adapter: every state and outcome survives a round trip, the indexes
 * of {@link EconsultStores#ECONSULTATIONS} answer the practice's queue queries (the overdue list is
 * one indexed range query), a stale version is a conflict, and two practice staff triaging at once
 * never both win.
 */
public abstract class EconsultStorageContract extends StorageContract {
    /** For the adapter's subclass, which supplies the storage under test. */
    protected EconsultStorageContract() {
    }

    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");
    private static final OdsCode PRACTICE = OdsCode.of("A81001");
    private static final OdsCode OTHER = OdsCode.of("B82002");

    private static EconsultRequest request(Set<RedFlag> flags) {
        return new EconsultRequest("A rash on my forearm", LocalDate.of(2026, 12, 1), "Itchy at night",
                "Advice on a cream", flags);
    }

    private static Econsultation submitted(OdsCode practice, Instant at, Set<RedFlag> flags) {
        return Econsultation.submit(EconsultationId.random(), PatientId.random(), practice, "patient:x", request(flags),
                at, TriageTarget.DEFAULT);
    }

    private void insert(Econsultation e) {
        storage.inTransaction(tx -> tx.aggregates(EconsultStores.ECONSULTATIONS).insert(e));
    }

    private List<Econsultation> query(Query q) {
        return storage.inTransaction(tx -> tx.aggregates(EconsultStores.ECONSULTATIONS).query(q).stream()
                .map(Versioned::value).toList());
    }

    @Test
    void everyStateAndOutcomeSurvivesARoundTrip() {
        List<Econsultation> all = new ArrayList<>();
        List<TriageOutcome> outcomes = List.of(new TriageOutcome.SelfCareAdvice("Emollient twice a day"),
                new TriageOutcome.AppointmentOffered("Nurse appointment", LocalDate.of(2026, 12, 9)),
                new TriageOutcome.PrescriptionIssued("Hydrocortisone 1% cream"),
                new TriageOutcome.ReferralMade("Dermatology", Optional.of(ReferralId.random())),
                new TriageOutcome.ReferralMade("Community dermatology", Optional.empty()),
                new TriageOutcome.ReplyByMessage("Please send a photo"));
        for (TriageOutcome o : outcomes) {
            all.add(submitted(PRACTICE, T0, Set.of()).apply(new EconsultCommand.Triage(o, UserId.of("GP1")),
                    T0.plusSeconds(60)));
        }
        all.add(submitted(PRACTICE, T0, Set.of(RedFlag.CHEST_PAIN, RedFlag.STROKE_SIGNS)));
        all.add(submitted(PRACTICE, T0, Set.of()).apply(new EconsultCommand.Withdraw(), T0.plusSeconds(5)));
        all.add(submitted(PRACTICE, T0, Set.of()));
        all.forEach(this::insert);

        for (Econsultation e : all) {
            Versioned<Econsultation> found = storage.inTransaction(tx ->
                    tx.aggregates(EconsultStores.ECONSULTATIONS).get(e.id()));
            assertThat(found.value()).isEqualTo(e);
            assertThat(found.version()).isEqualTo(1);
        }
    }

    @Test
    void econsultationsAreFoundByPracticeStatusAndDueTime() {
        Econsultation early = submitted(PRACTICE, T0, Set.of());
        Econsultation late = submitted(PRACTICE, T0.plus(Duration.ofHours(10)), Set.of());
        Econsultation elsewhere = submitted(OTHER, T0, Set.of());
        Econsultation urgent = submitted(PRACTICE, T0, Set.of(RedFlag.BREATHING_DIFFICULTY));
        List.of(early, late, elsewhere, urgent).forEach(this::insert);
        long dueEarly = T0.plus(Duration.ofHours(48)).toEpochMilli();

        assertThat(query(Query.where("practice").is(PRACTICE.value()).and("status").is(EconsultStatus.AWAITING_TRIAGE)
                .and("due_at").before(dueEarly + 1))).containsExactly(early);
        assertThat(query(Query.where("practice").is(PRACTICE.value()).and("due_at").before(Long.MAX_VALUE)))
                .containsExactlyInAnyOrder(early, late);
        assertThat(query(Query.where("status").is(EconsultStatus.URGENT_ADVICE))).containsExactly(urgent);
        assertThat(query(Query.where("practice").is(OTHER.value()))).containsExactly(elsewhere);
    }

    @Test
    void aStaleEconsultationVersionIsAConflict() {
        Econsultation e = submitted(PRACTICE, T0, Set.of());
        insert(e);
        Econsultation withdrawn = e.apply(new EconsultCommand.Withdraw(), T0.plusSeconds(1));
        storage.inTransaction(tx -> tx.aggregates(EconsultStores.ECONSULTATIONS).update(withdrawn, 1));

        assertThatExceptionOfType(VersionConflictException.class).isThrownBy(() -> storage.inTransaction(tx ->
                tx.aggregates(EconsultStores.ECONSULTATIONS).update(withdrawn, 1)));
        assertThat(query(Query.where("status").is(EconsultStatus.WITHDRAWN))).containsExactly(withdrawn);
        assertThat(query(Query.where("due_at").before(Long.MAX_VALUE))).isEmpty();
    }

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        private volatile Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static AccessContext gp() {
        return AccessContext.of(Actor.professional(UserId.of("GP1"), ProfessionalRole.GENERAL_PRACTITIONER, PRACTICE),
                Purpose.DIRECT_CARE);
    }

    private static PatientId register(PersonalCare care) {
        return care.patients().register(gp(), NhsNumber.parse("9434765870"), NhsNumberVerification.VERIFIED,
                new PersonName("Ada", "Lovelace"), LocalDate.of(1950, 12, 10), Set.of(), Optional.of(PRACTICE))
                .value().id();
    }

    @Test
    void thePracticeQueueAndTriageWorkThroughTheServiceOnThisStorage() {
        MovingClock clock = new MovingClock();
        PersonalCare care = PersonalCare.builder().storage(storage).clock(clock).build();
        PatientId patient = register(care);
        AccessContext self = AccessContext.patientSelf(patient);
        Versioned<Econsultation> routine = care.econsultations().submit(self, patient, request(Set.of()));
        Versioned<Econsultation> urgent = care.econsultations().submit(self, patient, request(Set.of(RedFlag.CHEST_PAIN)));
        clock.now = T0.plus(Duration.ofHours(49));

        assertThat(care.econsultations().overdue(gp(), PRACTICE)).extracting(QueuedEconsultation::id)
                .containsExactly(routine.value().id());
        assertThat(care.econsultations().urgent(gp(), PRACTICE)).extracting(QueuedEconsultation::id)
                .containsExactly(urgent.value().id());
        care.econsultations().triage(gp(), routine.value().id(), new TriageOutcome.SelfCareAdvice("Emollient"),
                routine.version());

        assertThat(care.econsultations().overdue(gp(), PRACTICE)).isEmpty();
        assertThat(care.econsultations().get(self, routine.value().id()).value().outcome())
                .contains(new TriageOutcome.SelfCareAdvice("Emollient"));
        List<OutboxEntry> outbox = storage.inTransaction(tx -> tx.outbox().undelivered());
        assertThat(outbox).extracting(OutboxEntry::event).filteredOn(EconsultEvent.UrgentAdviceGiven.class::isInstance)
                .hasSize(1);
        assertThat(outbox).extracting(OutboxEntry::event).filteredOn(EconsultEvent.Triaged.class::isInstance)
                .hasSize(1);
    }

    @Test
    void twoStaffTriagingAtOnceNeverBothWin() throws Exception {
        PersonalCare care = PersonalCare.builder().storage(storage).clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
        PatientId patient = register(care);
        Versioned<Econsultation> e = care.econsultations().submit(AccessContext.patientSelf(patient), patient,
                request(Set.of()));
        assertThat(Race.winners(2, () -> care.econsultations().triage(gp(), e.value().id(),
                new TriageOutcome.ReplyByMessage("We will call you today"), e.version()))).isEqualTo(1);
        Econsultation stored = storage.inTransaction(tx -> tx.aggregates(EconsultStores.ECONSULTATIONS)
                .get(e.value().id())).value();
        assertThat(stored.history()).hasSize(1);
        assertThat(stored.status()).isEqualTo(EconsultStatus.TRIAGED);
    }
}
