package io.github.personalcare.prescription;

import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.AccessDeniedException;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.audit.AuditOutcome;
import io.github.personalcare.consent.ConsentRecord;
import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.lang.IllegalTransitionException;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.lang.NotFoundException;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.lang.VersionConflictException;
import io.github.personalcare.lang.Versioned;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PrescriptionServiceTest {
    private final PrescriptionWorld w = new PrescriptionWorld();
    private final PrescriptionService rx = w.prescriptions();

    private PrescriptionRefusedException refused(Runnable call) {
        PrescriptionWorld.Snapshot before = w.snapshot();
        PrescriptionRefusedException e = org.junit.jupiter.api.Assertions.assertThrows(
                PrescriptionRefusedException.class, call::run);
        assertThat(w.snapshot()).as("nothing stored").isEqualTo(before);
        assertThat(w.lastAudit().outcome()).isEqualTo(AuditOutcome.REJECTED);
        assertThat(w.lastAudit().rule()).isEqualTo(e.rule());
        return e;
    }

    @Test
    void aPrescriberPutsAMedicineOnRepeatForTheirPractice() {
        Versioned<RepeatMedicine> m = w.onRepeat(6);

        assertThat(m.version()).isEqualTo(1);
        assertThat(m.value().practice()).isEqualTo(PrescriptionWorld.PRACTICE);
        assertThat(m.value().isActive()).isTrue();
        assertThat(m.value().issuesLeft()).isEqualTo(6);
        assertThat(m.value().lastIssuedOn()).isEmpty();
        assertThat(rx.repeats(w.self, w.patient)).containsExactly(m);
        assertThat(rx.getRepeat(w.gp, m.value().id())).isEqualTo(m);
    }

    @Test
    void thePatientRequestsThePracticeApprovesAndIssuesWhichCountsAnIssueWithItsDate() {
        RepeatMedicineId id = w.onRepeat(6).value().id();

        Versioned<PrescriptionRequest> r = rx.request(w.self, w.patient, List.of(id));
        assertThat(r.value().status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(r.value().requestedBy()).isEqualTo("patient:" + w.patient.value());
        r = rx.approve(w.gp, r.value().id(), r.version());
        assertThat(r.value().status()).isEqualTo(RequestStatus.APPROVED);
        assertThat(r.value().decidedBy()).contains(io.github.personalcare.identity.UserId.of("GP1"));
        r = rx.issue(w.gp, r.value().id(), r.version());

        assertThat(r.value().status()).isEqualTo(RequestStatus.ISSUED);
        assertThat(r.value().issuedOn()).contains(w.today());
        assertThat(r.version()).isEqualTo(3);
        RepeatMedicine m = rx.getRepeat(w.gp, id).value();
        assertThat(m.issuesUsed()).isEqualTo(1);
        assertThat(m.lastIssuedOn()).contains(w.today());
        assertThat(rx.requests(w.self, w.patient)).containsExactly(r);
        assertThat(w.events()).filteredOn(e -> e instanceof PrescriptionEvent).extracting(DomainEvent::type)
                .containsExactly("prescription.request.submitted", "prescription.request.approved",
                        "prescription.request.issued");
    }

    @Test
    void thePracticeRejectsWithAReasonAndTheMedicineMayBeRequestedAgain() {
        RepeatMedicineId id = w.onRepeat(6).value().id();
        Versioned<PrescriptionRequest> r = rx.request(w.self, w.patient, List.of(id));

        r = rx.reject(w.gp, r.value().id(), "Please book a blood pressure check first", r.version());

        assertThat(r.value().status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(r.value().rejectionReason()).contains("Please book a blood pressure check first");
        assertThat(w.events()).filteredOn(e -> e instanceof PrescriptionEvent).extracting(DomainEvent::type)
                .containsExactly("prescription.request.submitted", "prescription.request.rejected");
        assertThat(rx.request(w.self, w.patient, List.of(id)).value().status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(rx.getRepeat(w.gp, id).value().issuesUsed()).isZero();
    }

    // --- the refusal rules ---

    @Test
    @DisplayName("NOT_ON_REPEAT: a medicine that is not on the patient's repeat list is refused, nothing stored")
    void aMedicineNotOnRepeatIsRefused() {
        RepeatMedicineId unknown = RepeatMedicineId.random();

        PrescriptionRefusedException e = refused(() -> rx.request(w.self, w.patient, List.of(unknown)));

        assertThat(e.rule()).isEqualTo("NOT_ON_REPEAT");
        assertThat(e.refusals()).containsExactly(new Refusal.NotOnRepeat(unknown));
    }

    @Test
    @DisplayName("NOT_ON_REPEAT: a stopped medicine is refused")
    void aStoppedMedicineIsRefused() {
        Versioned<RepeatMedicine> m = w.onRepeat(6);
        Versioned<RepeatMedicine> stopped = rx.stopRepeat(w.gp, m.value().id(), "Changed to another medicine",
                m.version());
        assertThat(stopped.value().status()).isEqualTo(RepeatStatus.STOPPED);
        assertThat(stopped.value().stoppedOn()).contains(w.today());

        PrescriptionRefusedException e = refused(() -> rx.request(w.self, w.patient, List.of(m.value().id())));

        assertThat(e.refusals()).containsExactly(new Refusal.NotOnRepeat(m.value().id()));
    }

    @Test
    @DisplayName("NOT_ON_REPEAT: another patient's medicine is refused")
    void anotherPatientsMedicineIsRefused() {
        PrescriptionWorld other = new PrescriptionWorld();
        RepeatMedicineId theirs = other.onRepeat(6).value().id();
        RepeatMedicineId mine = w.onRepeat(6).value().id();
        // the other world's medicine id, stored here for another patient
        w.storage.inTransaction(tx -> tx.aggregates(PrescriptionStores.MEDICINES)
                .insert(other.prescriptions().getRepeat(other.gp, theirs).value()));

        PrescriptionRefusedException e = refused(() -> rx.request(w.self, w.patient, List.of(mine, theirs)));

        assertThat(e.refusals()).containsExactly(new Refusal.NotOnRepeat(theirs));
    }

    @Test
    @DisplayName("ISSUES_USED: once the authorised issues are used a request is refused")
    void aRequestAfterTheAuthorisedIssuesAreUsedIsRefused() {
        RepeatMedicineId id = w.onRepeat(1).value().id();
        w.issued(id);
        w.advanceDays(28);

        PrescriptionRefusedException e = refused(() -> rx.request(w.self, w.patient, List.of(id)));

        assertThat(e.refusals()).containsExactly(new Refusal.IssuesUsed(id, 1));
        assertThat(e.rule()).isEqualTo("ISSUES_USED");
    }

    @Test
    @DisplayName("REVIEW_DATE_PASSED: a request after the review date is refused; on the date it is not")
    void aRequestPastTheReviewDateIsRefused() {
        Versioned<RepeatMedicine> m = w.onRepeat(6);
        LocalDate reviewOn = m.value().reviewOn();
        w.advanceDays(180);
        assertThat(w.today()).isEqualTo(reviewOn);
        Versioned<PrescriptionRequest> onTheDay = rx.request(w.self, w.patient, List.of(m.value().id()));
        rx.reject(w.gp, onTheDay.value().id(), "Review first", onTheDay.version());
        w.advanceDays(1);

        PrescriptionRefusedException e = refused(() -> rx.request(w.self, w.patient, List.of(m.value().id())));

        assertThat(e.refusals()).containsExactly(new Refusal.ReviewDatePassed(m.value().id(), reviewOn));
    }

    @Test
    @DisplayName("TOO_EARLY: before 75% of a 28-day interval (21 days) since the last issue a request is refused")
    void aRequestEarlierThanTheShareOfTheIntervalIsRefused() {
        RepeatMedicineId id = w.onRepeat(6).value().id();
        LocalDate issuedOn = w.today();
        w.issued(id);
        w.advanceDays(20);

        PrescriptionRefusedException e = refused(() -> rx.request(w.self, w.patient, List.of(id)));

        assertThat(e.refusals()).containsExactly(new Refusal.TooEarly(id, issuedOn, issuedOn.plusDays(21)));
        w.advanceDays(1);
        assertThat(rx.request(w.self, w.patient, List.of(id)).value().status()).isEqualTo(RequestStatus.SUBMITTED);
    }

    @Test
    void theShareOfTheIntervalIsConfigurable() {
        PrescriptionWorld half = new PrescriptionWorld(PrescriptionPolicy.defaults().withEarliestSharePercent(50));
        RepeatMedicineId id = half.onRepeat(6).value().id();
        half.issued(id);
        half.advanceDays(13);

        assertThatExceptionOfType(PrescriptionRefusedException.class)
                .isThrownBy(() -> half.prescriptions().request(half.self, half.patient, List.of(id)))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("TOO_EARLY"));
        half.advanceDays(1);
        assertThat(half.prescriptions().request(half.self, half.patient, List.of(id)).value().status())
                .isEqualTo(RequestStatus.SUBMITTED);
    }

    @Test
    @DisplayName("ALREADY_REQUESTED: a medicine on an open request is refused on a second one")
    void aMedicineOnAnOpenRequestIsRefused() {
        RepeatMedicineId id = w.onRepeat(6).value().id();
        Versioned<PrescriptionRequest> first = rx.request(w.self, w.patient, List.of(id));

        PrescriptionRefusedException e = refused(() -> rx.request(w.self, w.patient, List.of(id)));

        assertThat(e.refusals()).containsExactly(new Refusal.AlreadyRequested(id, first.value().id()));
    }

    @Test
    void everyRefusedMedicineIsNamedWithItsOwnRule() {
        RepeatMedicineId used = w.onRepeat(1).value().id();
        w.issued(used);
        RepeatMedicineId early = rx.addRepeat(w.gp, w.patient, new RepeatTerms(PrescriptionWorld.SECOND,
                "one capsule daily", SupplyQuantity.of(28, "capsule"), 28, 6, w.today().plusDays(90))).value().id();
        w.issued(early);
        RepeatMedicineId unknown = RepeatMedicineId.random();
        w.advanceDays(7);

        PrescriptionRefusedException e = refused(() -> rx.request(w.self, w.patient, List.of(used, early, unknown)));

        assertThat(e.refusals()).extracting(Refusal::rule).containsExactly("ISSUES_USED", "TOO_EARLY", "NOT_ON_REPEAT");
        assertThat(e.getMessage()).doesNotContain("Paracetamol", "Second test medicine");
    }

    @Test
    void anIssueChecksTheRulesAgainSoAnApprovalPastTheReviewDateIssuesNothing() {
        Versioned<RepeatMedicine> m = rx.addRepeat(w.gp, w.patient, new RepeatTerms(PrescriptionWorld.PARACETAMOL,
                PrescriptionWorld.DOSE, SupplyQuantity.of(100, "tablet"), 28, 6, w.today().plusDays(1)));
        Versioned<PrescriptionRequest> r = rx.request(w.self, w.patient, List.of(m.value().id()));
        Versioned<PrescriptionRequest> approved = rx.approve(w.gp, r.value().id(), r.version());
        w.advanceDays(2);

        PrescriptionRefusedException e = refused(() -> rx.issue(w.gp, approved.value().id(), approved.version()));

        assertThat(e.refusals()).containsExactly(new Refusal.ReviewDatePassed(m.value().id(), m.value().reviewOn()));
        assertThat(rx.getRepeat(w.gp, m.value().id()).value().issuesUsed()).isZero();
    }

    // --- who may do what ---

    @Test
    @DisplayName("R47: a proxy without prescription scope cannot order, and nothing is stored")
    void aProxyWithoutPrescriptionScopeCannotOrder() {
        RepeatMedicineId id = w.onRepeat(6).value().id();
        w.grantDaughter(Set.of(DataClass.DEMOGRAPHICS, DataClass.CARE_PLAN), AccessAction.ACCESS, AccessAction.COLLECT);
        PrescriptionWorld.Snapshot before = w.snapshot();

        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> rx.request(w.daughter, w.patient, List.of(id)))
                .satisfies(e -> assertThat(e.decision().rule()).as("the opt-in consent's root denies")
                        .startsWith("Consent/"));
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> rx.repeats(w.daughter, w.patient));
        AccessContext stranger = AccessContext.of(io.github.personalcare.access.Actor.carer(
                io.github.personalcare.identity.UserId.of("no-consent")), io.github.personalcare.access.Purpose.PATIENT_SELF_SERVICE);
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> rx.request(stranger, w.patient, List.of(id)))
                .satisfies(e -> assertThat(e.decision().rule()).isEqualTo("R47"));
        assertThat(w.snapshot()).isEqualTo(before);
        assertThat(w.lastAudit().outcome()).isEqualTo(AuditOutcome.DENY);
    }

    @Test
    @DisplayName("R47: a proxy with view-only prescription scope may see the repeats but not order")
    void aProxyWithViewOnlyScopeCannotOrder() {
        RepeatMedicineId id = w.onRepeat(6).value().id();
        w.grantDaughter(Set.of(DataClass.PRESCRIPTION), AccessAction.ACCESS);

        assertThat(rx.repeats(w.daughter, w.patient)).hasSize(1);
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> rx.request(w.daughter, w.patient, List.of(id)));
    }

    @Test
    @DisplayName("R47: a proxy within prescription scope orders; once the consent is withdrawn she loses access at once")
    void aWithdrawnProxyLosesAccessAtOnce() {
        RepeatMedicineId id = w.onRepeat(6).value().id();
        Versioned<ConsentRecord> grant = w.grantDaughter(Set.of(DataClass.PRESCRIPTION), AccessAction.ACCESS,
                AccessAction.COLLECT);
        Versioned<PrescriptionRequest> ordered = rx.request(w.daughter, w.patient, List.of(id));
        assertThat(ordered.value().requestedBy()).isEqualTo("carer:" + PrescriptionWorld.DAUGHTER.value());
        rx.reject(w.gp, ordered.value().id(), "Ordered twice by phone", ordered.version());

        w.care.consents().withdraw(w.self, grant.value().id(), grant.version());
        PrescriptionWorld.Snapshot before = w.snapshot();

        // the same instant: no cache, no grace period
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> rx.request(w.daughter, w.patient, List.of(id)));
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> rx.requests(w.daughter, w.patient));
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> rx.reviewsDue(w.daughter, w.patient));
        assertThat(w.snapshot()).isEqualTo(before);
    }

    @Test
    void administrationMayReadRequestsButNotDecideThem() {
        RepeatMedicineId id = w.onRepeat(6).value().id();
        Versioned<PrescriptionRequest> r = rx.request(w.self, w.patient, List.of(id));

        assertThat(rx.getRepeat(w.admin, id).value().id()).isEqualTo(id);
        assertThat(rx.requests(w.admin, w.patient)).containsExactly(r);
        assertThat(rx.getRequest(w.admin, r.value().id())).isEqualTo(r);
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> rx.approve(w.admin, r.value().id(), r.version()))
                .satisfies(e -> assertThat(e.decision().rule()).isEqualTo("ADMINISTRATION"));
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> rx.reject(w.admin, r.value().id(), "No", r.version()));
        AccessContext adminForCare = PrescriptionWorld.professional("ADM1", ProfessionalRole.ADMINISTRATOR,
                PrescriptionWorld.PRACTICE);
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> rx.issue(adminForCare, r.value().id(), r.version()));
        assertThat(rx.getRequest(w.gp, r.value().id())).isEqualTo(r);
    }

    @Test
    @DisplayName("PRESCRIBER: only a prescriber's role adds repeats or decides requests")
    void onlyAPrescriberAddsRepeatsAndDecides() {
        PrescriptionWorld.Snapshot before = w.snapshot();
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> rx.addRepeat(w.socialWorker, w.patient, w.terms(6)))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("PRESCRIBER"));
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> rx.addRepeat(w.self, w.patient, w.terms(6)))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("PRESCRIBER"));
        assertThat(w.snapshot()).isEqualTo(before);

        RepeatMedicineId id = w.onRepeat(6).value().id();
        Versioned<PrescriptionRequest> r = rx.request(w.self, w.patient, List.of(id));
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> rx.approve(w.socialWorker, r.value().id(), r.version()))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("PRESCRIBER"));
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> rx.approve(w.self, r.value().id(), r.version()))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("PRESCRIBER"));
        assertThat(w.lastAudit().outcome()).isEqualTo(AuditOutcome.REJECTED);
        AccessContext pharmacist = PrescriptionWorld.professional("PH1", ProfessionalRole.PHARMACIST,
                PrescriptionWorld.PRACTICE);
        assertThat(rx.approve(pharmacist, r.value().id(), r.version()).value().status()).isEqualTo(RequestStatus.APPROVED);
    }

    @Test
    void aProfessionalOfAnotherOrganisationWithoutARelationshipIsDenied() {
        AccessContext stranger = PrescriptionWorld.professional("GP9", ProfessionalRole.GENERAL_PRACTITIONER,
                PrescriptionWorld.OTHER_PRACTICE);
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> rx.addRepeat(stranger, w.patient, w.terms(6)))
                .satisfies(e -> assertThat(e.decision().rule()).isEqualTo("R39"));
    }

    // --- changes ---

    @Test
    void aPrescriberChangesTheTermsAndTheIssuesUsedStillCount() {
        Versioned<RepeatMedicine> m = w.onRepeat(2);
        w.issued(m.value().id());
        m = rx.getRepeat(w.gp, m.value().id());

        RepeatTerms more = new RepeatTerms(PrescriptionWorld.PARACETAMOL, "one tablet four times a day",
                SupplyQuantity.of(56, "tablet"), 14, 4, w.today().plusDays(365));
        Versioned<RepeatMedicine> changed = rx.changeRepeat(w.gp, m.value().id(), more, m.version());

        assertThat(changed.version()).isEqualTo(m.version() + 1);
        assertThat(changed.value().terms()).isEqualTo(more);
        assertThat(changed.value().issuesUsed()).isEqualTo(1);
        assertThat(changed.value().issuesLeft()).isEqualTo(3);
        Versioned<RepeatMedicine> stale = m;
        assertThatExceptionOfType(VersionConflictException.class)
                .isThrownBy(() -> rx.changeRepeat(w.gp, stale.value().id(), more, stale.version()));
    }

    @Test
    void aStoppedMedicineCannotBeChangedOrStoppedAgain() {
        Versioned<RepeatMedicine> m = w.onRepeat(2);
        Versioned<RepeatMedicine> stopped = rx.stopRepeat(w.gp, m.value().id(), "No longer needed", m.version());

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> rx.changeRepeat(w.gp, m.value().id(), w.terms(2), stopped.version()))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("NOT_ON_REPEAT"));
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> rx.stopRepeat(w.gp, m.value().id(), "Again", stopped.version()))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("NOT_ON_REPEAT"));
    }

    @Test
    void anUnknownRequestOrMedicineIsNotFoundAfterTheDecision() {
        assertThatExceptionOfType(NotFoundException.class)
                .isThrownBy(() -> rx.getRequest(w.gp, PrescriptionRequestId.random()));
        assertThatExceptionOfType(NotFoundException.class)
                .isThrownBy(() -> rx.getRepeat(w.gp, RepeatMedicineId.random()));
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> rx.getRepeat(w.self, RepeatMedicineId.random()));
    }

    @Test
    void aDecidedRequestCannotBeDecidedAgain() {
        RepeatMedicineId id = w.onRepeat(6).value().id();
        Versioned<PrescriptionRequest> issued = w.issued(id);

        assertThatExceptionOfType(IllegalTransitionException.class)
                .isThrownBy(() -> rx.reject(w.gp, issued.value().id(), "Too late", issued.version()));
        assertThatExceptionOfType(IllegalTransitionException.class)
                .isThrownBy(() -> rx.issue(w.gp, issued.value().id(), issued.version()));
        assertThatExceptionOfType(IllegalTransitionException.class)
                .isThrownBy(() -> rx.approve(w.gp, issued.value().id(), issued.version()));
    }

    // --- medication reviews ---

    @Test
    void aReviewDueIsVisibleToThePatientAndThePracticeFromTheWindowBeforeTheDate() {
        Versioned<RepeatMedicine> soon = rx.addRepeat(w.gp, w.patient, new RepeatTerms(PrescriptionWorld.PARACETAMOL,
                PrescriptionWorld.DOSE, SupplyQuantity.of(100, "tablet"), 28, 6, w.today().plusDays(28)));
        rx.addRepeat(w.gp, w.patient, new RepeatTerms(PrescriptionWorld.SECOND, "one daily",
                SupplyQuantity.of(28, "capsule"), 28, 6, w.today().plusDays(29)));
        Versioned<RepeatMedicine> stopped = rx.addRepeat(w.gp, w.patient, new RepeatTerms(PrescriptionWorld.SECOND,
                "one daily", SupplyQuantity.of(28, "capsule"), 28, 6, w.today()));
        rx.stopRepeat(w.gp, stopped.value().id(), "Stopped", stopped.version());

        ReviewDue due = new ReviewDue(soon.value().id(), w.patient, w.today().plusDays(28), false);
        assertThat(rx.reviewsDue(w.self, w.patient)).containsExactly(due);
        assertThat(rx.reviewsDueForPractice(w.gp, PrescriptionWorld.PRACTICE)).containsExactly(due);
        assertThat(rx.reviewsDueForPractice(w.admin, PrescriptionWorld.PRACTICE)).containsExactly(due);

        w.advanceDays(29);
        assertThat(rx.reviewsDue(w.self, w.patient)).extracting(ReviewDue::overdue).containsExactly(true, false);
    }

    @Test
    void aPracticeListsOnlyItsOwnReviews() {
        w.onRepeat(6);
        AccessContext otherGp = PrescriptionWorld.professional("GP9", ProfessionalRole.GENERAL_PRACTITIONER,
                PrescriptionWorld.OTHER_PRACTICE);
        PrescriptionWorld.Snapshot before = w.snapshot();

        assertThat(rx.reviewsDueForPractice(w.gp, PrescriptionWorld.PRACTICE)).as("review in 180 days").isEmpty();
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> rx.reviewsDueForPractice(otherGp, PrescriptionWorld.PRACTICE))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("PRACTICE"));
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> rx.reviewsDueForPractice(w.self, PrescriptionWorld.PRACTICE));
        assertThat(w.snapshot()).isEqualTo(before);
    }

    @Test
    void thePolicyIsCheckedWhenBuilt() {
        assertThatExceptionOfType(io.github.personalcare.lang.ConfigurationException.class)
                .isThrownBy(() -> PrescriptionPolicy.defaults().withEarliestSharePercent(0));
        assertThatExceptionOfType(io.github.personalcare.lang.ConfigurationException.class)
                .isThrownBy(() -> PrescriptionPolicy.defaults().withReviewWindowDays(367));
        assertThatExceptionOfType(io.github.personalcare.lang.ConfigurationException.class)
                .isThrownBy(() -> new PrescriptionPolicy(75, 28, Set.of(ProfessionalRole.ADMINISTRATOR)));
        assertThat(PrescriptionPolicy.defaults().earliestNext(LocalDate.of(2026, 1, 1), 30))
                .as("75%% of 30 days is 22.5, rounded up to 23").isEqualTo(LocalDate.of(2026, 1, 24));
        assertThat(rx.policy()).isEqualTo(PrescriptionPolicy.defaults());
    }
}
