package io.github.personalcare.econsult;

import io.github.personalcare.access.AccessDeniedException;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.audit.AccessLogEntry;
import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.lang.IllegalTransitionException;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.lang.VersionConflictException;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.spi.Query;
import io.github.personalcare.support.PatientFacingWorld;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.github.personalcare.support.PatientFacingWorld.PRACTICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EconsultServiceTest {
    static final String PROBLEM = "A red itchy rash on my left forearm";
    final PatientFacingWorld world = new PatientFacingWorld();
    final EconsultService econsults = world.care.econsultations();

    static EconsultRequest routine() {
        return new EconsultRequest(PROBLEM, LocalDate.of(2026, 11, 30), "It keeps me awake at night",
                "Advice on a cream", Set.of());
    }

    static EconsultRequest withRedFlag(RedFlag flag) {
        return new EconsultRequest("Tight chest since this morning", LocalDate.of(2026, 12, 7), "Cannot walk far",
                "To be seen", Set.of(flag));
    }

    private List<Econsultation> stored() {
        return world.storage.inTransaction(tx -> tx.aggregates(EconsultStores.ECONSULTATIONS)
                .query(Query.all()).stream().map(Versioned::value).toList());
    }

    @Test
    void aRoutineRequestWaitsInThePracticeQueueDueAfterTheTargetTime() {
        Versioned<Econsultation> e = econsults.submit(world.self, world.patient, routine());

        assertThat(e.version()).isEqualTo(1);
        assertThat(e.value().status()).isEqualTo(EconsultStatus.AWAITING_TRIAGE);
        assertThat(e.value().practice()).isEqualTo(PRACTICE);
        assertThat(e.value().submittedBy()).isEqualTo("patient:" + world.patient.value());
        assertThat(e.value().dueBy()).contains(PatientFacingWorld.START.plus(Duration.ofHours(48)));
        assertThat(world.outbox()).filteredOn(EconsultEvent.Submitted.class::isInstance).singleElement()
                .extracting(ev -> ((EconsultEvent.Submitted) ev).status()).isEqualTo(EconsultStatus.AWAITING_TRIAGE);
        assertThat(world.outbox()).noneMatch(EconsultEvent.UrgentAdviceGiven.class::isInstance);
    }

    @Test
    @DisplayName("A red-flag answer routes the request to urgent advice at once, with an event, never into the routine queue")
    void aRedFlagRoutesToUrgentAdvice() {
        for (RedFlag flag : RedFlag.values()) {
            Versioned<Econsultation> e = econsults.submit(world.self, world.patient, withRedFlag(flag));
            assertThat(e.value().status()).isEqualTo(EconsultStatus.URGENT_ADVICE);
            assertThat(e.value().dueBy()).isEmpty();
            assertThat(world.outbox()).filteredOn(EconsultEvent.UrgentAdviceGiven.class::isInstance)
                    .anyMatch(ev -> ((EconsultEvent.UrgentAdviceGiven) ev).econsultation().equals(e.value().id())
                            && ((EconsultEvent.UrgentAdviceGiven) ev).redFlags().equals(Set.of(flag)));
        }
        world.clock.advance(Duration.ofDays(30));

        assertThat(econsults.overdue(world.gp, PRACTICE)).isEmpty();
        assertThat(econsults.urgent(world.gp, PRACTICE)).hasSize(RedFlag.values().length)
                .allMatch(q -> q.status() == EconsultStatus.URGENT_ADVICE && q.dueBy().isEmpty());
    }

    @Test
    void urgentAdviceIsNeverWithdrawnButThePracticeRecordsItsFollowUp() {
        Versioned<Econsultation> e = econsults.submit(world.self, world.patient, withRedFlag(RedFlag.CHEST_PAIN));

        assertThatExceptionOfType(IllegalTransitionException.class)
                .isThrownBy(() -> econsults.withdraw(world.self, e.value().id(), e.version()));
        Versioned<Econsultation> followed = econsults.triage(world.gp, e.value().id(),
                new TriageOutcome.ReplyByMessage("We called you; glad the ambulance came"), e.version());

        assertThat(followed.value().status()).isEqualTo(EconsultStatus.TRIAGED);
        assertThat(econsults.urgent(world.gp, PRACTICE)).isEmpty();
    }

    @Test
    @DisplayName("The practice triages to an outcome the patient then sees")
    void thePracticeTriagesAndThePatientSeesTheOutcome() {
        Versioned<Econsultation> e = econsults.submit(world.self, world.patient, routine());
        world.clock.advance(Duration.ofHours(3));

        TriageOutcome outcome = new TriageOutcome.AppointmentOffered("Book a face-to-face with the nurse",
                LocalDate.of(2026, 12, 11));
        Versioned<Econsultation> triaged = econsults.triage(world.gp, e.value().id(), outcome, e.version());

        assertThat(triaged.version()).isEqualTo(2);
        Econsultation seen = econsults.get(world.self, e.value().id()).value();
        assertThat(seen.outcome()).contains(outcome);
        assertThat(seen.state()).isInstanceOf(EconsultState.Triaged.class);
        assertThat(((EconsultState.Triaged) seen.state()).by().value()).isEqualTo("GP1");
        assertThat(seen.history()).singleElement().extracting(EconsultTransition::command)
                .isEqualTo(EconsultCommand.Type.TRIAGE);
        assertThat(econsults.forPatient(world.self, world.patient)).extracting(v -> v.value().id())
                .containsExactly(e.value().id());
        assertThat(world.outbox()).filteredOn(EconsultEvent.Triaged.class::isInstance).singleElement()
                .satisfies(ev -> {
                    assertThat(((EconsultEvent.Triaged) ev).outcome()).isEqualTo(TriageOutcome.Kind.APPOINTMENT_OFFERED);
                    assertThat(((EconsultEvent.Triaged) ev).overdue()).isFalse();
                });
    }

    @Test
    void everyOutcomeKindIsRecorded() {
        List<TriageOutcome> outcomes = List.of(new TriageOutcome.SelfCareAdvice("Emollient twice a day"),
                new TriageOutcome.AppointmentOffered("Nurse", LocalDate.of(2026, 12, 9)),
                new TriageOutcome.PrescriptionIssued("Hydrocortisone 1% cream, at your pharmacy"),
                new TriageOutcome.ReferralMade("Dermatology at Leeds", Optional.empty()),
                new TriageOutcome.ReplyByMessage("Please send a photo"));
        for (TriageOutcome o : outcomes) {
            Versioned<Econsultation> e = econsults.submit(world.self, world.patient, routine());
            assertThat(econsults.triage(world.gp, e.value().id(), o, e.version()).value().outcome()).contains(o);
        }
        assertThat(stored()).extracting(x -> x.outcome().orElseThrow().kind())
                .containsExactlyInAnyOrder(TriageOutcome.Kind.values());
    }

    @Test
    @DisplayName("Overdue requests are listed for their practice only, from the due-time index")
    void overdueRequestsAreListedForThePractice() {
        Versioned<Econsultation> first = econsults.submit(world.self, world.patient, routine());
        world.clock.advance(Duration.ofHours(1));
        Versioned<Econsultation> second = econsults.submit(world.self, world.patient, routine());
        world.clock.advance(Duration.ofHours(47));
        // first is due exactly now: not yet overdue
        assertThat(econsults.overdue(world.gp, PRACTICE)).isEmpty();

        world.clock.advance(Duration.ofHours(2));
        assertThat(econsults.overdue(world.gp, PRACTICE)).extracting(QueuedEconsultation::id)
                .containsExactly(first.value().id(), second.value().id());
        assertThat(econsults.overdue(AccessContext.of(Actor.system("queue-monitor"), Purpose.ADMINISTRATION), PRACTICE))
                .hasSize(2);
        assertThatThrownBy(() -> econsults.overdue(world.otherGp, PRACTICE)).isInstanceOf(RuleViolationException.class)
                .hasFieldOrPropertyWithValue("rule", "PRACTICE");
        // a patient is not staff: the guard refuses a population query before the rule is reached
        assertThatThrownBy(() -> econsults.overdue(world.self, PRACTICE)).isInstanceOf(AccessDeniedException.class);

        Versioned<Econsultation> late = econsults.triage(world.gp, first.value().id(),
                new TriageOutcome.SelfCareAdvice("Emollient"), first.version());
        econsults.withdraw(world.self, second.value().id(), second.version());
        assertThat(late.value().status()).isEqualTo(EconsultStatus.TRIAGED);
        assertThat(econsults.overdue(world.gp, PRACTICE)).isEmpty();
        assertThat(world.outbox()).filteredOn(EconsultEvent.Triaged.class::isInstance).singleElement()
                .extracting(ev -> ((EconsultEvent.Triaged) ev).overdue()).isEqualTo(true);
    }

    @Test
    void theTargetTimeIsConfigurableOnTheBuilder() {
        PatientFacingWorld w = new PatientFacingWorld(b -> b.triageTarget(new TriageTarget(Duration.ofHours(96))));
        Versioned<Econsultation> e = w.care.econsultations().submit(w.self, w.patient, routine());

        assertThat(w.care.econsultations().target().within()).isEqualTo(Duration.ofHours(96));
        assertThat(e.value().dueBy()).contains(PatientFacingWorld.START.plus(Duration.ofHours(96)));
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> new TriageTarget(Duration.ZERO))
                .satisfies(x -> assertThat(x.field()).isEqualTo("within"));
        assertThat(econsults.target()).isEqualTo(TriageTarget.DEFAULT);
    }

    @Test
    @DisplayName("Only a professional of the practice the request went to triages it; nothing is stored otherwise")
    void onlyThePracticeTriages() {
        Versioned<Econsultation> e = econsults.submit(world.self, world.patient, routine());
        TriageOutcome advice = new TriageOutcome.SelfCareAdvice("Rest");

        assertThatThrownBy(() -> econsults.triage(world.otherGp, e.value().id(), advice, e.version()))
                .isInstanceOf(io.github.personalcare.lang.PersonalCareException.class);
        assertThatThrownBy(() -> econsults.triage(world.self, e.value().id(), advice, e.version()))
                .isInstanceOf(RuleViolationException.class).hasFieldOrPropertyWithValue("rule", "PRACTICE");
        assertThat(stored()).singleElement().extracting(Econsultation::status).isEqualTo(EconsultStatus.AWAITING_TRIAGE);
    }

    @Test
    @DisplayName("A proxy submits only within the scope the patient granted; withdrawn consent stops it at once")
    void aProxyActsWithinConsentGrantedScope() {
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> econsults.submit(world.carer, world.patient, routine()));
        assertThat(stored()).isEmpty();

        var consent = world.grantCarer(DataClass.ECONSULTATION);
        Versioned<Econsultation> e = econsults.submit(world.carer, world.patient, routine());
        assertThat(e.value().submittedBy()).isEqualTo("carer:CARER1");
        assertThat(econsults.get(world.carer, e.value().id()).value()).isEqualTo(e.value());

        world.care.consents().withdraw(world.self, consent.value().id(), consent.version());
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> econsults.get(world.carer, e.value().id()));
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> econsults.withdraw(world.carer, e.value().id(), e.version()));
        assertThat(stored()).singleElement().extracting(Econsultation::status).isEqualTo(EconsultStatus.AWAITING_TRIAGE);
    }

    @Test
    void aCarerWithAnotherScopeCannotSubmit() {
        world.grantCarer(DataClass.CARE_PLAN);
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> econsults.submit(world.carer, world.patient, routine()));
        assertThat(stored()).isEmpty();
    }

    @Test
    void professionalsDoNotSubmitAndAnotherPatientCannotReadTheRequest() {
        assertThatThrownBy(() -> econsults.submit(world.gp, world.patient, routine()))
                .isInstanceOf(RuleViolationException.class).hasFieldOrPropertyWithValue("rule", "ECONSULT_SUBMITTER");
        Versioned<Econsultation> e = econsults.submit(world.self, world.patient, routine());
        PatientId other = world.registerPatient(NhsNumber.parse("9000000009"));

        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> econsults.get(AccessContext.patientSelf(other), e.value().id()));
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> econsults.submit(AccessContext.patientSelf(other), world.patient, routine()));
        assertThat(stored()).hasSize(1);
        assertThat(world.care.audit().accessLog(world.self, world.patient)).extracting(AccessLogEntry::action)
                .contains("econsult.read", "econsult.submit");
    }

    @Test
    @DisplayName("Bad input for every command: a typed error naming the field, and nothing stored")
    void badInputIsATypedErrorAndNothingIsStored() {
        LocalDate past = LocalDate.of(2026, 11, 30);
        expectField("problem", () -> econsults.submit(world.self, world.patient,
                new EconsultRequest(" ", past, "x", "y", Set.of())));
        expectField("problem", () -> econsults.submit(world.self, world.patient,
                new EconsultRequest("rash\u0007", past, "x", "y", Set.of())));
        expectField("impact", () -> econsults.submit(world.self, world.patient,
                new EconsultRequest("rash", past, null, "y", Set.of())));
        expectField("wish", () -> econsults.submit(world.self, world.patient,
                new EconsultRequest("rash", past, "x", "y".repeat(4001), Set.of())));
        expectField("since", () -> econsults.submit(world.self, world.patient,
                new EconsultRequest("rash", null, "x", "y", Set.of())));
        expectField("since", () -> econsults.submit(world.self, world.patient,
                new EconsultRequest("rash", LocalDate.of(2026, 12, 8), "x", "y", Set.of())));
        expectField("since", () -> econsults.submit(world.self, world.patient,
                new EconsultRequest("rash", LocalDate.of(1949, 1, 1), "x", "y", Set.of())));
        java.util.Set<RedFlag> withNull = new java.util.HashSet<>();
        withNull.add(null);
        expectField("redFlags", () -> econsults.submit(world.self, world.patient,
                new EconsultRequest("rash", past, "x", "y", withNull)));
        expectField("request", () -> econsults.submit(world.self, world.patient, null));
        expectField("patient", () -> econsults.submit(world.self, null, routine()));
        assertThat(stored()).isEmpty();

        Versioned<Econsultation> e = econsults.submit(world.self, world.patient, routine());
        expectField("outcome", () -> econsults.triage(world.gp, e.value().id(), null, e.version()));
        expectField("note", () -> econsults.triage(world.gp, e.value().id(),
                new TriageOutcome.SelfCareAdvice(""), e.version()));
        expectField("bookBy", () -> econsults.triage(world.gp, e.value().id(),
                new TriageOutcome.AppointmentOffered("nurse", null), e.version()));
        expectField("note", () -> econsults.triage(world.gp, e.value().id(),
                new TriageOutcome.ReferralMade(null, Optional.empty()), e.version()));
        expectField("id", () -> econsults.triage(world.gp, null, new TriageOutcome.SelfCareAdvice("x"), e.version()));
        expectField("id", () -> econsults.withdraw(world.self, null, e.version()));
        assertThatExceptionOfType(VersionConflictException.class).isThrownBy(() ->
                econsults.triage(world.gp, e.value().id(), new TriageOutcome.SelfCareAdvice("x"), e.version() + 1));
        assertThatExceptionOfType(VersionConflictException.class)
                .isThrownBy(() -> econsults.withdraw(world.self, e.value().id(), 7));
        assertThat(stored()).singleElement().isEqualTo(e.value());
        assertThat(world.outbox()).filteredOn(ev -> ev instanceof EconsultEvent).hasSize(1);
    }

    private static void expectField(String field, Executable call) {
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(call::execute)
                .satisfies(x -> assertThat(x.field()).isEqualTo(field));
    }

    @Test
    @DisplayName("Two practice staff triaging at once: one wins, the other gets a version conflict")
    void concurrentTriageNeverLosesAnUpdate() throws Exception {
        Versioned<Econsultation> e = econsults.submit(world.self, world.patient, routine());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Versioned<Econsultation>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                TriageOutcome o = new TriageOutcome.ReplyByMessage("reply " + i);
                results.add(pool.submit(() -> {
                    start.await();
                    return econsults.triage(world.gp, e.value().id(), o, e.version());
                }));
            }
            start.countDown();
            int won = 0;
            int conflicts = 0;
            for (Future<Versioned<Econsultation>> f : results) {
                try {
                    f.get();
                    won++;
                } catch (java.util.concurrent.ExecutionException x) {
                    assertThat(x.getCause()).isInstanceOf(VersionConflictException.class);
                    conflicts++;
                }
            }
            assertThat(won).isEqualTo(1);
            assertThat(conflicts).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
        assertThat(stored()).singleElement().satisfies(x -> assertThat(x.history()).hasSize(1));
        List<DomainEvent> triaged = world.outbox().stream().filter(EconsultEvent.Triaged.class::isInstance).toList();
        assertThat(triaged).hasSize(1);
    }
}
