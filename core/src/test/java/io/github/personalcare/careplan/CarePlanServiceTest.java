package io.github.personalcare.careplan;

import io.github.personalcare.lang.IllegalTransitionException;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.access.AccessDeniedException;
import io.github.personalcare.audit.AuditOutcome;
import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.spi.OutboxEntry;
import io.github.personalcare.lang.VersionConflictException;
import io.github.personalcare.lang.Versioned;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CarePlanServiceTest {
    private final CareWorld w = new CareWorld();

    @Test
    void thePatientDraftsProposesAgreesAndTheLeadCoSignsVersionOne() {
        Versioned<CarePlan> agreed = w.agreedPlan(w.today().plusMonths(6));

        assertThat(agreed.value().status()).isEqualTo(PlanStatus.AGREED);
        assertThat(agreed.value().versions()).hasSize(1);
        CarePlanVersion v1 = agreed.value().versions().get(0);
        assertThat(v1.personAgreement().kind()).isEqualTo(SignatoryKind.PATIENT);
        assertThat(v1.leadCoSignature().kind()).isEqualTo(SignatoryKind.LEAD_PROFESSIONAL);
        assertThat(v1.content().careTeam()).contains(w.gpMember, w.nurseMember, w.carerMember);
        assertThat(w.care.carePlans().currentAgreed(w.self, w.patient)).contains(v1);
    }

    @Test
    void theLeadMayCoSignBeforeThePatientAgrees() {
        var v = w.care.carePlans().draft(w.gp, w.patient, CareWorld.complete(w.today().plusMonths(6)));
        var id = v.value().id();
        v = w.care.carePlans().propose(w.gp, id, v.version());
        v = w.care.carePlans().coSign(w.gp, id, v.version());
        assertThat(v.value().status()).isEqualTo(PlanStatus.PROPOSED);

        v = w.care.carePlans().agree(w.self, id, v.version());

        assertThat(v.value().status()).isEqualTo(PlanStatus.AGREED);
    }

    @Test
    @DisplayName("R6 a patient with an open plan cannot draft a second one; nothing is stored")
    void r6SecondOpenPlanIsRefused() {
        w.agreedPlan(w.today().plusMonths(6));

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> w.care.carePlans().draft(w.gp, w.patient, CareWorld.complete(w.today().plusMonths(6))))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R6"));
        assertThat(w.storedPlans()).hasSize(1);
    }

    @Test
    @DisplayName("R6 a second plan that slipped into storage cannot be agreed while another is in force")
    void r6SecondPlanCannotBeAgreed() {
        w.agreedPlan(w.today().plusMonths(6));
        // as if two drafts had raced past the check in draft(): put one straight into storage
        CarePlan racing = CarePlan.draft(CarePlanId.random(), w.patient, CareWorld.complete(w.today().plusMonths(6)),
                w.clock.instant(), w.today()).propose(java.util.List.of(), w.today())
                .agree(new Signature(SignatoryKind.PATIENT, w.self.actor().reference(), java.util.Optional.empty(),
                        w.clock.instant()), w.today());
        w.storage.inTransaction(tx -> tx.aggregates(CarePlanStores.PLANS).insert(racing));

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> w.care.carePlans().coSign(w.gp, racing.id(), 1))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R6"));
        assertThat(w.stored(racing.id())).contains(new Versioned<>(racing, 1));
    }

    @Test
    @DisplayName("R6 agreeing a reviewed version supersedes the previous one in the same change")
    void r6AgreeingVersionTwoSupersedesVersionOne() {
        var v = w.agreedPlan(w.today().plusMonths(6));
        var id = v.value().id();
        v = w.care.carePlans().startReview(w.gp, id, v.version());
        assertThat(w.care.carePlans().currentAgreed(w.self, w.patient).orElseThrow().number()).isEqualTo(1);

        v = w.care.carePlans().edit(w.gp, id, v.value().content().withReview(ReviewArrangements.on(w.today().plusMonths(9))),
                v.version());
        v = w.care.carePlans().propose(w.gp, id, v.version());
        v = w.care.carePlans().agree(w.self, id, v.version());
        assertThat(w.care.carePlans().currentAgreed(w.self, w.patient).orElseThrow().number()).isEqualTo(1);
        w.care.carePlans().coSign(w.gp, id, v.version());

        var current = w.care.carePlans().currentAgreed(w.self, w.patient).orElseThrow();
        assertThat(current.number()).isEqualTo(2);
        assertThat(w.care.carePlans().history(w.self, id)).extracting(CarePlanVersion::number).containsExactly(1, 2);
    }

    @Test
    @DisplayName("R8 a professional alone cannot agree the plan; nothing is stored")
    void r8ProfessionalCannotAgree() {
        var v = w.care.carePlans().draft(w.gp, w.patient, CareWorld.complete(w.today().plusMonths(6)));
        var proposed = w.care.carePlans().propose(w.gp, v.value().id(), v.version());

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> w.care.carePlans().agree(w.gp, v.value().id(), proposed.version()))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R8"));
        assertThat(w.stored(v.value().id())).contains(proposed);
    }

    @Test
    @DisplayName("R8 only the lead professional co-signs")
    void r8OnlyTheLeadCoSigns() {
        var v = w.care.carePlans().draft(w.gp, w.patient, CareWorld.complete(w.today().plusMonths(6)));
        var proposed = w.care.carePlans().propose(w.gp, v.value().id(), v.version());

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> w.care.carePlans().coSign(w.nurse, v.value().id(), proposed.version()))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R8"));
        assertThat(w.stored(v.value().id())).contains(proposed);
    }

    @Test
    @DisplayName("R8 a carer without an applicable legal authority cannot agree for the patient")
    void r8CarerWithoutAuthorityCannotAgree() {
        var v = w.care.carePlans().draft(w.gp, w.patient, CareWorld.complete(w.today().plusMonths(6)));
        var proposed = w.care.carePlans().propose(w.gp, v.value().id(), v.version());

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> w.care.carePlans().agree(w.carer, v.value().id(), proposed.version()))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R8"));
    }

    @Test
    @DisplayName("R8 when the patient lacks capacity their attorney agrees the plan and the patient alone cannot")
    void r8AttorneyAgreesForAPatientWhoLacksCapacity() {
        long pv = w.care.patients().get(w.gp, w.patient).version();
        w.care.patients().updateFlags(w.gp, w.patient, java.util.Set.of(io.github.personalcare.patient.PatientFlag.COMPLEX_NEEDS,
                io.github.personalcare.patient.PatientFlag.LACKS_CAPACITY), pv);
        var v = w.care.carePlans().draft(w.attorney, w.patient, CareWorld.complete(w.today().plusMonths(6)));
        var id = v.value().id();
        var proposed = w.care.carePlans().propose(w.attorney, id, v.version());

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> w.care.carePlans().agree(w.self, id, proposed.version()))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R8"));
        var agreed = w.care.carePlans().agree(w.attorney, id, proposed.version());
        agreed = w.care.carePlans().coSign(w.gp, id, agreed.version());

        CarePlanVersion v1 = agreed.value().versions().get(0);
        assertThat(v1.personAgreement().kind()).isEqualTo(SignatoryKind.REPRESENTATIVE);
        assertThat(v1.personAgreement().authority()).contains(io.github.personalcare.careteam.AuthorityKind.LPA_HEALTH_WELFARE);
    }

    @Test
    @DisplayName("R9 a professional outside the care team cannot view a draft; the denial is audited")
    void r9StrangerCannotViewDraft() {
        var v = w.care.carePlans().draft(w.self, w.patient, CareWorld.complete(w.today().plusMonths(6)));

        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> w.care.carePlans().get(w.stranger, v.value().id()));
        List<AuditRecord> audit = w.storage.inTransaction(tx -> tx.audit().forPatient(w.patient));
        assertThat(audit).last().satisfies(r -> {
            assertThat(r.event().outcome()).isEqualTo(AuditOutcome.DENY);
            assertThat(r.event().action()).isEqualTo("careplan.read");
        });
    }

    @Test
    @DisplayName("R9 the patient and a care-team professional may both draft; the care team may view")
    void r9PatientAndProfessionalMayDraftAndTeamMayView() {
        var draft = w.care.carePlans().draft(w.nurse, w.patient, CareWorld.complete(w.today().plusMonths(6)));

        assertThat(w.care.carePlans().get(w.self, draft.value().id())).isEqualTo(draft);
        assertThat(w.care.carePlans().get(w.gp, draft.value().id())).isEqualTo(draft);
        assertThat(w.care.carePlans().get(w.carer, draft.value().id())).isEqualTo(draft);
    }

    @Test
    @DisplayName("R9 a carer without proxy rights cannot draft a plan")
    void r9PlainCarerCannotDraft() {
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> w.care.carePlans().draft(w.carer, w.patient, CareWorld.complete(w.today().plusMonths(6))))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R9"));
        assertThat(w.storedPlans()).isEmpty();
    }

    @Test
    @DisplayName("R12 a carer the patient agreed to may help write the draft")
    void r12AgreedCarerMayEditDraft() {
        var v = w.care.carePlans().draft(w.self, w.patient, CarePlanContent.empty());

        var edited = w.care.carePlans().edit(w.carer, v.value().id(),
                CarePlanContent.empty().withWhatMattersToMe(List.of("Mum wants to keep gardening")), v.version());

        assertThat(edited.value().content().whatMattersToMe()).containsExactly("Mum wants to keep gardening");
    }

    @Test
    @DisplayName("R12 a carer the patient has not agreed to can neither view nor edit the plan")
    void r12UnagreedCarerIsDenied() {
        var v = w.care.carePlans().draft(w.self, w.patient, CarePlanContent.empty());

        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> w.care.carePlans().get(w.unagreedCarer, v.value().id()));
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> w.care.carePlans().edit(w.unagreedCarer, v.value().id(),
                        CareWorld.complete(w.today().plusMonths(6)), v.version()));
        assertThat(w.stored(v.value().id())).contains(v);
    }

    @Test
    @DisplayName("R10 an agreed plan cannot be edited: the exception names state and command; nothing is stored")
    void r10AgreedPlanCannotBeEdited() {
        var agreed = w.agreedPlan(w.today().plusMonths(6));

        assertThatExceptionOfType(IllegalTransitionException.class)
                .isThrownBy(() -> w.care.carePlans().edit(w.gp, agreed.value().id(),
                        CareWorld.complete(w.today().plusMonths(7)), agreed.version()))
                .satisfies(e -> {
                    assertThat(e.state()).isEqualTo("AGREED");
                    assertThat(e.command()).isEqualTo("EDIT");
                    assertThat(e.rule()).isEqualTo("R10");
                });
        assertThat(w.stored(agreed.value().id())).contains(agreed);
    }

    @Test
    @DisplayName("R10 editing during a review leaves version 1 exactly as agreed")
    void r10ReviewEditsLeaveTheAgreedVersionUnchanged() {
        var agreed = w.agreedPlan(w.today().plusMonths(6));
        CarePlanVersion v1 = agreed.value().versions().get(0);
        var id = agreed.value().id();
        var v = w.care.carePlans().startReview(w.gp, id, agreed.version());

        w.care.carePlans().edit(w.self, id, v.value().content().withWhatMattersToMe(List.of("Getting back to church")),
                v.version());

        assertThat(w.care.carePlans().version(w.self, id, 1)).isEqualTo(v1);
        assertThat(w.care.carePlans().changesSince(w.self, id, 1))
                .containsExactly(new SectionChange(PlanSection.WHAT_MATTERS_TO_ME, 1, 2, 0));
    }

    @Test
    @DisplayName("R42 a planning worklist of plans due for review leaves out patients with a national data opt-out")
    void r42PlanningWorklistLeavesOutOptedOutPatients() {
        var agreed = w.agreedPlan(w.today().plusDays(10));
        var due = w.today().plusDays(10);
        var planner = io.github.personalcare.access.AccessContext.of(io.github.personalcare.access.Actor.professional(
                io.github.personalcare.identity.UserId.of("ICB-1"),
                io.github.personalcare.access.ProfessionalRole.COMMISSIONER,
                io.github.personalcare.identity.OdsCode.of("QWE")), io.github.personalcare.access.Purpose.PLANNING);
        assertThat(w.care.carePlans().dueForReview(planner, due)).hasSize(1);

        var patient = w.care.patients().get(w.gp, w.patient);
        w.care.patients().updateFlags(w.gp, w.patient, java.util.Set.of(
                io.github.personalcare.patient.PatientFlag.COMPLEX_NEEDS,
                io.github.personalcare.patient.PatientFlag.NATIONAL_DATA_OPT_OUT), patient.version());

        assertThat(w.care.carePlans().dueForReview(planner, due)).isEmpty();
        assertThat(w.care.carePlans().overdue(planner, due.plusDays(1))).isEmpty();
        assertThat(w.care.carePlans().dueForReview(w.gp, due))
                .containsExactly(new ReviewDue(agreed.value().id(), w.patient, 1, due));
    }

    @Test
    @DisplayName("R11 due-for-review and overdue queries follow the clock; overdue only after the review date")
    void r11DueForReviewAndOverdue() {
        var agreed = w.agreedPlan(w.today().plusDays(10));
        var due = w.today().plusDays(10);

        assertThat(w.care.carePlans().dueForReview(w.gp, due.minusDays(1))).isEmpty();
        assertThat(w.care.carePlans().dueForReview(w.gp, due))
                .containsExactly(new ReviewDue(agreed.value().id(), w.patient, 1, due));
        assertThat(w.care.carePlans().overdue(w.gp, due)).isEmpty();
        assertThat(w.care.carePlans().overdue(w.gp, due.plusDays(1))).hasSize(1);
    }

    @Test
    @DisplayName("R11 a reviewed version needs a new next review date")
    void r11ReviewNeedsNewReviewDate() {
        var agreed = w.agreedPlan(w.today().plusMonths(6));
        var id = agreed.value().id();
        var v = w.care.carePlans().startReview(w.gp, id, agreed.version());
        v = w.care.carePlans().propose(w.gp, id, v.version());
        var signed = w.care.carePlans().agree(w.self, id, v.version());

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> w.care.carePlans().coSign(w.gp, id, signed.version()))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R11"));
        assertThat(w.stored(id)).contains(signed);
    }

    @Test
    @DisplayName("R11 a review may bring the next review date forward, as long as it is new and in the future")
    void r11ReviewMayBringTheReviewDateForward() {
        var agreed = w.agreedPlan(w.today().plusMonths(6));
        var id = agreed.value().id();
        var v = w.care.carePlans().startReview(w.gp, id, agreed.version());
        v = w.care.carePlans().edit(w.gp, id, v.value().content()
                .withReview(ReviewArrangements.on(w.today().plusMonths(2))), v.version());
        v = w.care.carePlans().propose(w.gp, id, v.version());
        v = w.care.carePlans().agree(w.self, id, v.version());
        v = w.care.carePlans().coSign(w.gp, id, v.version());

        assertThat(v.value().currentAgreed().orElseThrow().nextReviewDue()).isEqualTo(w.today().plusMonths(2));
    }

    @Test
    @DisplayName("R13 only a professional marks a plan entered in error, and it then has no agreed version in force")
    void r13EnteredInError() {
        var agreed = w.agreedPlan(w.today().plusMonths(6));
        var id = agreed.value().id();

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> w.care.carePlans().enterInError(w.self, id, agreed.version()))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R13"));
        var v = w.care.carePlans().enterInError(w.gp, id, agreed.version());

        assertThat(v.value().status()).isEqualTo(PlanStatus.ENTERED_IN_ERROR);
        assertThat(w.care.carePlans().currentAgreed(w.self, w.patient)).isEmpty();
        assertThat(w.care.carePlans().dueForReview(w.gp, w.today().plusYears(1))).isEmpty();
    }

    @Test
    void aStaleVersionIsAConflictAndNothingIsStored() {
        var v = w.care.carePlans().draft(w.self, w.patient, CarePlanContent.empty());
        var edited = w.care.carePlans().edit(w.self, v.value().id(),
                CarePlanContent.empty().withAboutMe("I use a wheelchair"), v.version());

        assertThatExceptionOfType(VersionConflictException.class)
                .isThrownBy(() -> w.care.carePlans().edit(w.gp, v.value().id(),
                        CarePlanContent.empty().withAboutMe("Other"), v.version()));
        assertThat(w.stored(v.value().id())).contains(edited);
    }

    @Test
    void aRefusedCommandIsAuditedAsRejected() {
        var v = w.care.carePlans().draft(w.self, w.patient, CarePlanContent.empty());

        assertThatExceptionOfType(RuntimeException.class)
                .isThrownBy(() -> w.care.carePlans().propose(w.self, v.value().id(), v.version()));

        List<AuditRecord> audit = w.storage.inTransaction(tx -> tx.audit().forPatient(w.patient));
        assertThat(audit).last().satisfies(r -> {
            assertThat(r.event().outcome()).isEqualTo(AuditOutcome.REJECTED);
            assertThat(r.event().rule()).isEqualTo("R7");
            assertThat(r.event().action()).isEqualTo("careplan.propose");
        });
    }

    @Test
    void eachLifecycleStepPublishesItsEventWithIdsOnly() {
        var agreed = w.agreedPlan(w.today().plusMonths(6));
        var v = w.care.carePlans().startReview(w.gp, agreed.value().id(), agreed.version());
        w.care.carePlans().end(w.self, agreed.value().id(), EndReason.WITHDRAWN, v.version());

        List<String> types = w.storage.inTransaction(tx -> tx.outbox().undelivered()).stream()
                .map(OutboxEntry::event).filter(e -> e instanceof CarePlanEvent).map(DomainEvent::type).toList();
        assertThat(types).containsExactly("careplan.drafted", "careplan.proposed", "careplan.signed",
                "careplan.signed", "careplan.agreed", "careplan.review-started", "careplan.ended");
    }

    @Test
    void endingThePlanKeepsItsVersionsAndTheDateWhenItEnded() {
        var agreed = w.agreedPlan(w.today().plusMonths(6));
        w.clock.advance(Duration.ofDays(3));

        var ended = w.care.carePlans().end(w.gp, agreed.value().id(), EndReason.COMPLETED, agreed.version());

        assertThat(ended.value().versions()).isEqualTo(agreed.value().versions());
        assertThat(ended.value().endedAt()).contains(w.clock.instant());
        assertThat(ended.value().endReason()).contains(EndReason.COMPLETED);
        assertThat(w.care.carePlans().currentAgreed(w.self, w.patient)).isEmpty();
    }

    @Test
    void afterThePatientsDeathThePlanCanOnlyBeEnded() {
        var v = w.care.carePlans().draft(w.gp, w.patient, CareWorld.complete(w.today().plusMonths(6)));
        var proposed = w.care.carePlans().propose(w.gp, v.value().id(), v.version());
        w.storage.inTransaction(tx -> {
            var patients = tx.aggregates(io.github.personalcare.patient.PatientStores.PATIENTS);
            var p = patients.get(w.patient);
            return patients.update(p.value().withDateOfDeath(w.today()), p.version());
        });

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> w.care.carePlans().coSign(w.gp, v.value().id(), proposed.version()))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("DECEASED"));
        var ended = w.care.carePlans().end(w.gp, v.value().id(), EndReason.DECEASED, proposed.version());

        assertThat(ended.value().status()).isEqualTo(PlanStatus.ENDED);
    }

    @Test
    void theBudgetServiceFindsTheCurrentAgreedPlanInsideItsTransaction() {
        var agreed = w.agreedPlan(w.today().plusMonths(6));

        var found = w.storage.inTransaction(tx -> CarePlanStores.currentAgreed(tx, w.patient));

        assertThat(found).contains(agreed);
    }
}
