package io.github.personalcare.referral;

import io.github.personalcare.spi.AccessFacts;
import io.github.personalcare.lang.IllegalTransitionException;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.lang.NotFoundException;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.AccessDeniedException;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.access.Relationship;
import io.github.personalcare.access.RelationshipKind;
import io.github.personalcare.audit.AuditChain;
import io.github.personalcare.audit.AuditOutcome;
import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.Ubrn;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.report.ReportCount;
import io.github.personalcare.report.RttReport;
import io.github.personalcare.report.RttStandard;
import io.github.personalcare.lang.VersionConflictException;
import io.github.personalcare.lang.Versioned;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.github.personalcare.referral.ReferralWorld.BRADFORD_TRIAGE;
import static io.github.personalcare.referral.ReferralWorld.CARDIOLOGY;
import static io.github.personalcare.referral.ReferralWorld.LEEDS;
import static io.github.personalcare.referral.ReferralWorld.LEEDS_CARDIOLOGY;
import static io.github.personalcare.referral.ReferralWorld.YORK_CARDIOLOGY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@link ReferralService} through the guard and storage: what is stored, published and audited. */
class ReferralServiceTest {
    private final ReferralWorld world = new ReferralWorld();
    private final ReferralService referrals = world.referrals();

    private List<AuditRecord> audit() {
        return world.storage.inTransaction(tx -> tx.audit().forPatient(world.patient));
    }

    private AuditRecord lastAudit() {
        List<AuditRecord> records = audit();
        return records.get(records.size() - 1);
    }

    // Drafting and R4 -------------------------------------------------------------------------

    @Test
    @DisplayName("R4 a drafted referral gets a 12-digit UBRN and the acting professional as referrer")
    void draftingGeneratesAUbrn() {
        Versioned<Referral> r = world.drafted();
        assertThat(r.version()).isEqualTo(1);
        assertThat(r.value().ubrn().value()).matches("\\d{12}");
        assertThat(r.value().referrer()).isEqualTo(new Referrer(UserId.of("GP1"),
                ReferralWorld.PRACTICE));
        assertThat(r.value().state()).isEqualTo(ReferralState.DRAFT);
        assertThat(world.outbox()).anySatisfy(e -> assertThat(e).isInstanceOf(ReferralEvent.Drafted.class));
        assertThat(lastAudit().event().action()).isEqualTo("referral.draft");
        assertThat(lastAudit().event().outcome()).isEqualTo(AuditOutcome.SUCCESS);
    }

    @Test
    @DisplayName("R4 a supplied UBRN is kept, and a UBRN already used is refused with nothing stored")
    void aUbrnIsUniquePerReferral() {
        Ubrn ubrn = Ubrn.parse("0000 7000 0001");
        assertThat(referrals.draft(world.gp, world.routineCardiology().withUbrn(ubrn)).value().ubrn()).isEqualTo(ubrn);

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> referrals.draft(world.gp, world.routineCardiology().withUbrn(ubrn)))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R4"));
        assertThat(world.stored()).hasSize(1);
        assertThat(lastAudit().event().outcome()).isEqualTo(AuditOutcome.REJECTED);
        assertThat(lastAudit().event().rule()).isEqualTo("R4");
    }

    // Bad input: typed error, nothing stored ---------------------------------------------------

    @Test
    @DisplayName("R4 a malformed UBRN is a typed error and nothing is stored")
    void aMalformedUbrnStoresNothing() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> referrals.draft(world.gp, world.routineCardiology().withUbrn(Ubrn.parse("1234 5678"))))
                .satisfies(e -> {
                    assertThat(e.field()).isEqualTo("ubrn");
                    assertThat(e.rule()).isEqualTo("R4");
                });
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> Ubrn.parse("12345678901X"));
        assertThat(world.stored()).isEmpty();
    }

    @Test
    @DisplayName("R28 an unknown priority is a typed error and nothing is stored")
    void anUnknownPriorityStoresNothing() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> referrals.draft(world.gp, NewReferral.appointment(world.patient,
                        Priority.ofCode("SOONISH"), CARDIOLOGY, ReferralWorld.CLINICAL_REASON)))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R28"));
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> referrals.draft(world.gp, NewReferral.appointment(world.patient, null, CARDIOLOGY,
                        ReferralWorld.CLINICAL_REASON)))
                .satisfies(e -> assertThat(e.field()).isEqualTo("priority"));
        assertThat(world.stored()).isEmpty();
    }

    @Test
    void aMissingClinicalReasonStoresNothing() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> referrals.draft(world.gp, NewReferral.appointment(world.patient, Priority.ROUTINE,
                        CARDIOLOGY, null)))
                .satisfies(e -> assertThat(e.field()).isEqualTo("clinicalReason"));
        assertThat(world.stored()).isEmpty();
    }

    @Test
    void anOversizedClinicalReasonStoresNothing() {
        String tooLong = "chest pain ".repeat(400);
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> referrals.draft(world.gp, NewReferral.appointment(world.patient, Priority.ROUTINE,
                        CARDIOLOGY, tooLong)))
                .satisfies(e -> {
                    assertThat(e.field()).isEqualTo("clinicalReason");
                    assertThat(e.getMessage()).doesNotContain("chest pain");
                });
        assertThat(world.stored()).isEmpty();
    }

    @Test
    @DisplayName("R29 booking without a chosen service is a typed error and changes nothing")
    void bookingWithoutAServiceChangesNothing() {
        Versioned<Referral> sent = world.notBooked();
        int events = world.outbox().size();
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> referrals.book(world.gp, sent.value().id(), null, world.inDays(7),
                        sent.version()))
                .satisfies(e -> assertThat(e.field()).isEqualTo("service"));
        assertThat(world.storedVersion(sent.value().id())).isEqualTo(sent);
        assertThat(world.outbox()).hasSize(events);
    }

    @Test
    @DisplayName("R29 shortlisting a service the directory does not list is refused")
    void shortlistingAnUnknownServiceIsRefused() {
        Versioned<Referral> r = world.drafted();
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> referrals.shortlist(world.gp, r.value().id(),
                        List.of(ServiceId.of("NOWHERE")), PatientChoice.choiceOffered(), r.version()))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R29"));
        assertThat(world.storedVersion(r.value().id())).isEqualTo(r);
    }

    // Transitions: stored, published, audited ---------------------------------------------------

    @Test
    @DisplayName("R30 an illegal transition throws, saves nothing and is audited as rejected")
    void anIllegalTransitionSavesNothing() {
        Versioned<Referral> sent = world.notBooked();
        assertThatExceptionOfType(IllegalTransitionException.class)
                .isThrownBy(() -> referrals.complete(world.gp, sent.value().id(), sent.version()));
        assertThat(world.storedVersion(sent.value().id())).isEqualTo(sent);
        assertThat(lastAudit().event().action()).isEqualTo("referral.complete");
        assertThat(lastAudit().event().outcome()).isEqualTo(AuditOutcome.REJECTED);
        assertThat(lastAudit().event().rule()).isEqualTo("R30");
    }

    @Test
    void everyTransitionIsAuditedWithItsCommand() {
        world.acceptedAtLeeds();
        assertThat(audit()).extracting(r -> r.event().action())
                .contains("referral.draft", "referral.shortlist", "referral.submit", "referral.book", "referral.accept");
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        Versioned<Referral> sent = world.notBooked();
        assertThatExceptionOfType(VersionConflictException.class)
                .isThrownBy(() -> referrals.book(world.gp, sent.value().id(), LEEDS_CARDIOLOGY.id(),
                        world.inDays(7), sent.version() - 1));
        assertThat(world.storedVersion(sent.value().id())).isEqualTo(sent);
    }

    @Test
    void anotherPatientsReferralIsDeniedToThatPatient() {
        Versioned<Referral> sent = world.notBooked();
        var other = world.care.patients().register(world.gp, NhsNumber.parse("9912003888"),
                NhsNumberVerification.VERIFIED,
                new PersonName("Grace", "Hopper"), LocalDate.of(1960, 1, 1),
                Set.of(), Optional.of(ReferralWorld.PRACTICE)).value().id();

        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> referrals.get(AccessContext.patientSelf(other), sent.value().id()));
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> referrals.cancel(AccessContext.patientSelf(other), sent.value().id(),
                        ReasonCode.of("NO_LONGER_REQUIRED"), Optional.empty(), sent.version()));
        assertThat(world.storedVersion(sent.value().id())).isEqualTo(sent);
    }

    @Test
    void aMissingReferralIsNotFoundAfterTheAccessDecision() {
        assertThatExceptionOfType(NotFoundException.class)
                .isThrownBy(() -> referrals.get(world.gp, ReferralId.random()));
    }

    // R31 -------------------------------------------------------------------------------------

    @Test
    @DisplayName("R31 cancelling a booked referral cancels its appointment in the same transaction")
    void cancellingCancelsTheAppointmentInTheSameTransaction() {
        Versioned<Referral> booked = world.bookedAtLeeds();
        int before = world.outbox().size();

        Versioned<Referral> cancelled = referrals.cancel(world.gp, booked.value().id(),
                ReasonCode.of("NO_LONGER_REQUIRED"), Optional.empty(), booked.version());

        assertThat(cancelled.version()).isEqualTo(booked.version() + 1);
        Referral stored = world.storedVersion(booked.value().id()).value();
        assertThat(stored.state()).isEqualTo(ReferralState.CANCELLED_REFERRAL);
        assertThat(stored.appointments()).singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo(AppointmentStatus.CANCELLED_WITH_REFERRAL));
        List<DomainEvent> published = world.outbox().subList(before, world.outbox().size());
        assertThat(published).hasAtLeastOneElementOfType(ReferralEvent.AppointmentCancelled.class)
                .hasAtLeastOneElementOfType(ReferralEvent.Transitioned.class)
                .hasAtLeastOneElementOfType(ReferralEvent.ClockStopped.class);
    }

    @Test
    @DisplayName("R31 a cancellation that fails leaves the appointment booked")
    void aFailedCancellationLeavesTheAppointmentBooked() {
        Versioned<Referral> booked = world.bookedAtLeeds();
        assertThatExceptionOfType(VersionConflictException.class)
                .isThrownBy(() -> referrals.cancel(world.gp, booked.value().id(),
                        ReasonCode.of("NO_LONGER_REQUIRED"), Optional.empty(), booked.version() + 5));
        assertThat(world.storedVersion(booked.value().id()).value().currentAppointment()).isPresent();
    }

    // R32 -------------------------------------------------------------------------------------

    @Test
    @DisplayName("R32 only the receiving provider rejects, with a reason")
    void onlyTheReceivingProviderRejects() {
        Versioned<Referral> booked = world.bookedAtLeeds();
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> referrals.reject(world.gp, booked.value().id(),
                        ReasonCode.of("NOT_CLINICALLY_APPROPRIATE"), Optional.empty(), booked.version()))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("PROVIDER"));

        Versioned<Referral> rejected = referrals.reject(world.leedsConsultant, booked.value().id(),
                ReasonCode.of("NOT_CLINICALLY_APPROPRIATE"), Optional.of("Refer to rapid access chest pain clinic"),
                booked.version());
        assertThat(rejected.value().state()).isEqualTo(ReferralState.REJECTED);
    }

    @Test
    @DisplayName("R32 the triage service records a review outcome")
    void theTriageServiceRecordsAReviewOutcome() {
        Versioned<Referral> triage = world.awaitingTriage();
        Versioned<Referral> reviewed = referrals.triage(world.bradfordConsultant, triage.value().id(),
                ReviewOutcome.ACCEPT_REFER_BOOK_LATER, Optional.empty(), triage.version());
        assertThat(reviewed.value().state()).isEqualTo(ReferralState.TRIAGED_PROVIDER_TO_ACTION);
    }

    // R33 -------------------------------------------------------------------------------------

    @Test
    @DisplayName("R33 deferring for want of slots is refused while the directory shows free slots")
    void deferringWhileSlotsAreFreeIsRefused() {
        Versioned<Referral> sent = world.notBooked();
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> referrals.deferToProvider(world.gp, sent.value().id(),
                        YORK_CARDIOLOGY.id(), DeferReason.NO_SLOTS_AVAILABLE, sent.version()))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R33"));
        assertThat(world.storedVersion(sent.value().id())).isEqualTo(sent);

        world.directory.setFreeSlots(YORK_CARDIOLOGY.id(), false);
        Versioned<Referral> deferred = referrals.deferToProvider(world.gp, sent.value().id(),
                YORK_CARDIOLOGY.id(), DeferReason.NO_SLOTS_AVAILABLE, sent.version());
        assertThat(deferred.value().state()).isEqualTo(ReferralState.DEFERRED_TO_PROVIDER);
    }

    // R34 -------------------------------------------------------------------------------------

    @Test
    @DisplayName("R34 advice and guidance converted by the provider is the same record: UBRN, id and history kept")
    void conversionKeepsTheRecord() {
        Versioned<Referral> asked = world.adviceRequested();
        Versioned<Referral> answered = referrals.respondWithAdvice(world.leedsConsultant,
                asked.value().id(), "Start a beta blocker; refer if no better in six weeks", asked.version());
        Versioned<Referral> converted = referrals.convertToReferral(world.leedsConsultant,
                asked.value().id(), answered.version());

        assertThat(converted.value().ubrn()).isEqualTo(asked.value().ubrn());
        assertThat(converted.value().requestType()).isEqualTo(RequestType.APPOINTMENT);
        assertThat(converted.value().history()).hasSize(asked.value().history().size() + 2);
        assertThat(referrals.forPatient(world.gp, world.patient)).hasSize(1);
    }

    // R35 R36 -----------------------------------------------------------------------------------

    @Test
    @DisplayName("R35 R36 the clock starts at booking and first definitive treatment stops it")
    void treatmentStopsTheClockStartedAtBooking() {
        Versioned<Referral> accepted = world.acceptedAtLeeds();
        world.advance(Duration.ofDays(70));
        Versioned<Referral> treated = referrals.stopClock(world.leedsConsultant, accepted.value().id(),
                StopReason.FIRST_DEFINITIVE_TREATMENT, accepted.version());
        RttClock clock = treated.value().clock().orElseThrow();
        assertThat(clock.startedOn()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(clock.stop()).contains(new RttStop(LocalDate.of(2026, 3, 16), StopReason.FIRST_DEFINITIVE_TREATMENT));
        assertThat(clock.weeksWaited(LocalDate.of(2026, 12, 31))).isEqualTo(10);
    }

    @Test
    @DisplayName("R35 an e-RS referral's clock starts when its UBRN is converted (booked)")
    void r35TheClockStartsAtUbrnConversion() {
        Versioned<Referral> sent = world.notBooked();
        assertThat(sent.value().clock()).isEmpty();
        world.advance(Duration.ofDays(3));
        Versioned<Referral> booked = referrals.book(world.gp, sent.value().id(), ReferralWorld.LEEDS_CARDIOLOGY.id(),
                world.inDays(14), sent.version());
        RttClock clock = booked.value().clock().orElseThrow();
        assertThat(clock.start()).isEqualTo(RttStart.UBRN_CONVERSION);
        assertThat(clock.startedOn()).isEqualTo(LocalDate.of(2026, 1, 8));
    }

    @Test
    @DisplayName("R35 a referral from another system keeps its supplied pathway start; a future one is refused")
    void r35ASuppliedPathwayStartIsTheClockStart() {
        Versioned<Referral> transferred = referrals.draft(world.gp,
                world.routineCardiology().withPathwayStart(LocalDate.of(2025, 11, 3)));
        RttClock clock = transferred.value().clock().orElseThrow();
        assertThat(clock.start()).isEqualTo(RttStart.SUPPLIED_PATHWAY_START);
        assertThat(clock.startedOn()).isEqualTo(LocalDate.of(2025, 11, 3));
        assertThat(clock.daysWaited(LocalDate.of(2026, 1, 5))).isEqualTo(63);

        var r = referrals.shortlist(world.gp, transferred.value().id(), List.of(ReferralWorld.LEEDS_CARDIOLOGY.id()),
                PatientChoice.choiceOffered(), transferred.version());
        r = referrals.submit(world.gp, r.value().id(), r.version());
        r = referrals.book(world.gp, r.value().id(), ReferralWorld.LEEDS_CARDIOLOGY.id(), world.inDays(14), r.version());
        assertThat(r.value().clocks()).as("booking does not start a second clock").hasSize(1);

        int before = referrals.forPatient(world.gp, world.patient).size();
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> referrals.draft(world.gp,
                        world.routineCardiology().withPathwayStart(LocalDate.of(2026, 1, 6))))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R35"));
        assertThat(referrals.forPatient(world.gp, world.patient)).hasSize(before);
    }

    @Test
    @DisplayName("R36 a first-appointment DNA may nullify the clock: a recorded decision by a professional")
    void r36AFirstAppointmentDnaMayNullifyTheClock() {
        Versioned<Referral> booked = world.bookedAtLeeds();
        world.advance(Duration.ofDays(15));
        Versioned<Referral> dna = referrals.recordDidNotAttend(world.leedsConsultant, booked.value().id(),
                booked.version());
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> referrals.nullifyClock(AccessContext.patientSelf(world.patient), dna.value().id(),
                        dna.version()));
        assertThat(lastAudit().event().action()).isEqualTo("referral.nullifyClock");
        assertThat(lastAudit().event().outcome()).isEqualTo(AuditOutcome.REJECTED);

        Versioned<Referral> nullified = referrals.nullifyClock(world.leedsConsultant, dna.value().id(), dna.version());
        RttClock clock = nullified.value().clock().orElseThrow();
        assertThat(clock.status()).isEqualTo(RttStatus.NULLIFIED);
        assertThat(clock.nullification()).hasValueSatisfying(n -> assertThat(n.decidedBy().value()).isEqualTo("CONS1"));
        assertThat(lastAudit().event().action()).isEqualTo("referral.nullifyClock");

        Versioned<Referral> rebooked = referrals.book(world.gp, nullified.value().id(),
                ReferralWorld.LEEDS_CARDIOLOGY.id(), world.inDays(10), nullified.version());
        assertThat(rebooked.value().clocks()).hasSize(2);
        assertThat(rebooked.value().clock().orElseThrow().startedOn()).isEqualTo(LocalDate.of(2026, 1, 20));
    }

    @Test
    @DisplayName("R35 R36 a clock carried over from another system is never nullified by a DNA here; A&G takes no pathway start")
    void r36ACarriedOverClockCannotBeNullified() {
        Versioned<Referral> r = referrals.draft(world.gp,
                world.routineCardiology().withPathwayStart(LocalDate.of(2025, 6, 2)));
        r = referrals.shortlist(world.gp, r.value().id(), List.of(ReferralWorld.LEEDS_CARDIOLOGY.id()),
                PatientChoice.choiceOffered(), r.version());
        r = referrals.submit(world.gp, r.value().id(), r.version());
        r = referrals.book(world.gp, r.value().id(), ReferralWorld.LEEDS_CARDIOLOGY.id(), world.inDays(14), r.version());
        world.advance(Duration.ofDays(15));
        Versioned<Referral> dna = referrals.recordDidNotAttend(world.leedsConsultant, r.value().id(), r.version());

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> referrals.nullifyClock(world.leedsConsultant, dna.value().id(), dna.version()))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R36"));
        assertThat(referrals.get(world.gp, dna.value().id()).value().clock().orElseThrow().status())
                .isEqualTo(RttStatus.RUNNING);
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> referrals.draft(world.gp, world.routineCardiology()
                        .withRequestType(RequestType.ADVICE_AND_GUIDANCE).withPathwayStart(LocalDate.of(2025, 6, 2))))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R35"));
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> referrals.draft(world.gp,
                        world.routineCardiology().withPathwayStart(LocalDate.of(1900, 1, 1))))
                .satisfies(e -> assertThat(e.field()).isEqualTo("pathwayStart"));
    }

    @Test
    @DisplayName("R36 a later DNA does not nullify the clock; the patient may be discharged (a stop)")
    void r36ALaterDnaLeadsToADischargeNotANullification() {
        Versioned<Referral> booked = world.bookedAtLeeds();
        world.advance(Duration.ofDays(15));
        Versioned<Referral> r = referrals.recordDidNotAttend(world.leedsConsultant, booked.value().id(),
                booked.version());
        r = referrals.book(world.gp, r.value().id(), ReferralWorld.LEEDS_CARDIOLOGY.id(), world.inDays(7), r.version());
        world.advance(Duration.ofDays(8));
        Versioned<Referral> second = referrals.recordDidNotAttend(world.leedsConsultant, r.value().id(), r.version());
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> referrals.nullifyClock(world.leedsConsultant, second.value().id(), second.version()))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R36"));
        Versioned<Referral> discharged = referrals.stopClock(world.leedsConsultant, second.value().id(),
                StopReason.DISCHARGED_WITHOUT_TREATMENT, second.version());
        assertThat(discharged.value().clock().orElseThrow().status()).isEqualTo(RttStatus.STOPPED);
    }

    @Test
    @DisplayName("R36 the referrer cannot record clock events: they are the provider's")
    void theReferrerCannotStopTheClock() {
        Versioned<Referral> booked = world.bookedAtLeeds();
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> referrals.stopClock(world.gp, booked.value().id(),
                        StopReason.FIRST_DEFINITIVE_TREATMENT, booked.version()))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("PROVIDER"));
    }

    // Legitimate relationship (R39 source) ------------------------------------------------------

    @Test
    void theReceivingOrganisationIsInvolvedOnlyWhileTheReferralIsOpen() {
        Versioned<Referral> sent = world.notBooked();
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> referrals.get(world.leedsConsultant, sent.value().id()));

        Versioned<Referral> booked = referrals.book(world.gp, sent.value().id(), LEEDS_CARDIOLOGY.id(),
                world.inDays(10), sent.version());
        assertThat(referrals.get(world.leedsConsultant, sent.value().id())).isEqualTo(booked);
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> referrals.get(world.yorkConsultant, sent.value().id()));

        referrals.cancel(world.gp, sent.value().id(), ReasonCode.of("NO_LONGER_REQUIRED"),
                Optional.empty(), booked.version());
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> referrals.get(world.leedsConsultant, sent.value().id()));
    }

    @Test
    void theRelationshipNamesTheReferral() {
        Versioned<Referral> booked = world.bookedAtLeeds();
        var found = world.storage.inTransaction(tx -> new ReferralRelationships().relationships(AccessFacts.of(tx),
                world.patient, ((Actor.Professional) world.leedsConsultant.actor()), ReferralWorld.START));
        assertThat(found).containsExactly(new Relationship(
                RelationshipKind.REFERRAL_RECEIVER, "Referral/" + booked.value().id()));
        var none = world.storage.inTransaction(tx -> new ReferralRelationships().relationships(AccessFacts.of(tx),
                world.patient, Actor.carer(UserId.of("C1")), ReferralWorld.START));
        assertThat(none).isEmpty();
    }

    // Report through the guard -----------------------------------------------------------------

    @Test
    @DisplayName("R37 the report is a population query, filtered by receiving provider")
    void theReportFiltersByProvider() {
        world.bookedAtLeeds();
        Versioned<Referral> york = world.notBooked();
        referrals.book(world.gp, york.value().id(), YORK_CARDIOLOGY.id(), world.inDays(9), york.version());
        AccessContext commissioner = AccessContext.of(Actor.professional(UserId.of("COM1"),
                ProfessionalRole.ADMINISTRATOR, OdsCode.of("QWO")), Purpose.ADMINISTRATION);
        LocalDate census = LocalDate.of(2026, 3, 31);

        RttReport all = world.care.reports().rtt(commissioner, census, RttStandard.NATIONAL);
        RttReport leeds = world.care.reports().rtt(commissioner, census, LEEDS, RttStandard.NATIONAL);

        assertThat(all.incompletePathways()).isEqualTo(ReportCount.exact(2));
        assertThat(leeds.incompletePathways()).isEqualTo(ReportCount.exact(1));
        assertThat(leeds.distribution()).containsExactly(new RttReport.WeeksWaited(12, ReportCount.exact(1)));
        assertThat(leeds.percentChoiceOffered()).contains(new BigDecimal("100.0"));
    }

    @Test
    void theReportIsAuditedOnTheSystemChain() {
        AccessContext commissioner = AccessContext.of(Actor.professional(UserId.of("COM1"),
                ProfessionalRole.COMMISSIONER, OdsCode.of("QWO")), Purpose.PLANNING);
        world.care.reports().rtt(commissioner, LocalDate.of(2026, 3, 31), RttStandard.NATIONAL);
        List<AuditRecord> system = world.storage.inTransaction(tx -> tx.audit().chain(AuditChain.SYSTEM_CHAIN));
        assertThat(system).last().satisfies(r -> {
            assertThat(r.event().action()).isEqualTo("report.rtt");
            assertThat(r.event().outcome()).isEqualTo(AuditOutcome.PERMIT);
            assertThat(r.event().patient()).isEmpty();
        });
    }

    @Test
    void aReferralIsFoundByItsUbrnAndListedWithThePatientsOthers() {
        Versioned<Referral> first = world.drafted();
        world.advance(Duration.ofMinutes(5));
        Versioned<Referral> second = world.drafted();
        assertThat(referrals.findByUbrn(world.gp, world.patient, second.value().ubrn())).contains(second);
        assertThat(referrals.findByUbrn(world.gp, world.patient, Ubrn.parse("999999999999"))).isEmpty();
        assertThat(referrals.forPatient(world.gp, world.patient)).containsExactly(first, second);
    }

    @Test
    void aPatientCannotRunThePopulationReport() {
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> world.care.reports().rtt(AccessContext.patientSelf(world.patient), LocalDate.of(2026, 3, 31), RttStandard.NATIONAL));
    }

    @Test
    void servicesAreFoundBySpecialtyAndPostcodeArea() {
        assertThat(referrals.findServices(CARDIOLOGY, "LS1")).containsExactly(LEEDS_CARDIOLOGY);
        assertThat(referrals.findServices(CARDIOLOGY, "YO10")).containsExactly(YORK_CARDIOLOGY);
        assertThat(referrals.findServices(CARDIOLOGY, "BD1")).containsExactly(BRADFORD_TRIAGE);
        assertThat(referrals.findServices(CARDIOLOGY, " ls6 ")).containsExactly(LEEDS_CARDIOLOGY);
        assertThat(referrals.findServices(CARDIOLOGY, "M1")).isEmpty();
    }

    @Test
    @DisplayName("Issue 15 item 7: a UBRN or break-glass reason left out is a typed error naming it, not audited")
    void aMissingUbrnOrReasonIsATypedError() {
        int audited = audit().size();
        assertThatExceptionOfType(io.github.personalcare.lang.InvalidInputException.class)
                .isThrownBy(() -> referrals.findByUbrn(world.gp, world.patient, null))
                .satisfies(e -> assertThat(e.field()).isEqualTo("ubrn"));
        assertThatExceptionOfType(io.github.personalcare.lang.InvalidInputException.class)
                .isThrownBy(() -> io.github.personalcare.access.AccessContext.of(world.gp.actor(),
                        io.github.personalcare.access.Purpose.EMERGENCY, (String) null))
                .satisfies(e -> assertThat(e.field()).isEqualTo("reason"));
        assertThat(audit()).hasSize(audited);
    }
}
