package io.github.personalcare.consent;

import io.github.personalcare.lang.Versioned;
import io.github.personalcare.store.memory.InMemoryStorage;
import io.github.personalcare.support.TestClock;
import io.github.personalcare.lang.ConfigurationException;
import io.github.personalcare.lang.IllegalTransitionException;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.lang.NotFoundException;
import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.AccessDeniedException;
import io.github.personalcare.access.Actor;
import io.github.personalcare.spi.CareRelationship;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.audit.AccessLogEntry;
import io.github.personalcare.audit.AuditOutcome;
import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.access.AccessEvent;
import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.spi.OutboxEntry;
import io.github.personalcare.lang.VersionConflictException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.github.personalcare.consent.ConsentFixtures.AE_CLINICIAN;
import static io.github.personalcare.consent.ConsentFixtures.CARER;
import static io.github.personalcare.consent.ConsentFixtures.GP;
import static io.github.personalcare.consent.ConsentFixtures.NOW;
import static io.github.personalcare.consent.ConsentFixtures.PRACTICE;
import static io.github.personalcare.consent.ConsentFixtures.RESEARCHER;
import static io.github.personalcare.consent.ConsentFixtures.objectionTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The consent service and the consent policy as the default access policy, through {@link PersonalCare}. */
class ConsentServiceTest {
    private final TestClock clock = new TestClock(NOW);
    private final InMemoryStorage storage = new InMemoryStorage();
    private final PersonalCare care = PersonalCare.builder().storage(storage).clock(clock).build();
    private final AccessContext gp = AccessContext.of(GP, Purpose.DIRECT_CARE);
    private final Patient patient = register(care, Set.of());
    private final AccessContext self = AccessContext.patientSelf(patient.id());
    private final AccessContext carer = AccessContext.of(CARER, Purpose.PATIENT_SELF_SERVICE);

    private static int serial = 100_000_000;

    /** A valid NHS number not used before in this JVM (R1: skips bases whose check digit would be 10). */
    static synchronized NhsNumber nextNhsNumber() {
        while (true) {
            String nine = Integer.toString(serial++);
            int check = NhsNumber.checkDigitFor(nine);
            if (check >= 0 && check < 10) {
                return NhsNumber.parse(nine + check);
            }
        }
    }

    private long versionOf(ConsentRecord consent) {
        return care.consents().get(self, consent.id()).version();
    }

    static Patient register(PersonalCare care, Set<PatientFlag> flags) {
        return care.patients().register(AccessContext.of(GP, Purpose.ADMINISTRATION), nextNhsNumber(),
                NhsNumberVerification.VERIFIED, new PersonName("Ada", "Example"), LocalDate.of(1960, 5, 1), flags,
                Optional.of(PRACTICE)).value();
    }

    static ConsentTerms carerMayViewTheRecord() {
        return ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY)
                .policyRule(BasePolicy.OPT_IN)
                .provision(Provision.root().actor(ProvisionActor.person(CARER.user()))
                        .provision(Provision.permit()
                                .action(AccessAction.ACCESS)
                                .dataClass(DataClass.DEMOGRAPHICS, DataClass.CARE_PLAN, DataClass.CONSENT)))
                .build();
    }

    private List<DomainEvent> outbox() {
        return storage.inTransaction(tx -> tx.outbox().undelivered()).stream().map(OutboxEntry::event).toList();
    }

    /** The audit of the last access, not the patient-facing notice that may follow it. */
    private AuditRecord lastAccessAudit() {
        List<AuditRecord> trail = auditTrail().stream()
                .filter(r -> !r.event().action().equals(AccessLogEntry.PATIENT_NOTIFIED)).toList();
        return trail.get(trail.size() - 1);
    }

    private List<AuditRecord> auditTrail() {
        return storage.inTransaction(tx -> tx.audit().forPatient(patient.id()));
    }

    @Test
    void thePatientRecordsAConsentAndSeesItListed() {
        ConsentRecord recorded = care.consents().record(self, patient.id(), carerMayViewTheRecord()).value();

        assertThat(recorded.status()).isEqualTo(ConsentStatus.ACTIVE);
        assertThat(recorded.recordedAt()).isEqualTo(NOW);
        assertThat(care.consents().list(self, patient.id())).extracting(Versioned::value).containsExactly(recorded);
        assertThat(outbox()).filteredOn(ConsentEvent.Recorded.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((ConsentEvent) e).consent()).isEqualTo(recorded.id().value()));
    }

    @Test
    @DisplayName("R44 recording a consent with no patient is rejected and nothing is stored")
    void aConsentWithNoPatientIsRejectedAndNothingStored() {
        int eventsBefore = outbox().size();

        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> care.consents().record(self, null, carerMayViewTheRecord()))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R44"));
        assertThat(care.consents().list(self, patient.id())).isEmpty();
        assertThat(outbox()).hasSize(eventsBefore);
    }

    @Test
    @DisplayName("R47 a carer granted proxy view reads the record; withdrawal takes effect at once")
    void withdrawalTakesEffectAtOnce() {
        ConsentRecord grant = care.consents().record(self, patient.id(), carerMayViewTheRecord()).value();
        assertThat(care.patients().get(carer, patient.id()).value().id()).isEqualTo(patient.id());

        ConsentRecord withdrawn = care.consents().withdraw(self, grant.id(), versionOf(grant)).value();

        assertThat(withdrawn.status()).isEqualTo(ConsentStatus.INACTIVE);
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> care.patients().get(carer, patient.id()))
                .satisfies(e -> assertThat(e.decision().rule()).isEqualTo("R47"));
        assertThat(outbox()).anySatisfy(e -> assertThat(e).isInstanceOf(ConsentEvent.Withdrawn.class));
    }

    @Test
    void aWithdrawnConsentCannotBeChangedAndTheRefusalIsAudited() {
        ConsentRecord grant = care.consents().record(self, patient.id(), carerMayViewTheRecord()).value();
        care.consents().withdraw(self, grant.id(), versionOf(grant));
        long version = care.consents().get(self, grant.id()).version();

        assertThatExceptionOfType(IllegalTransitionException.class)
                .isThrownBy(() -> care.consents().update(self, grant.id(), carerMayViewTheRecord(), version));
        assertThat(auditTrail()).last().satisfies(r -> {
            assertThat(r.event().action()).isEqualTo("consent.update");
            assertThat(r.event().outcome()).isEqualTo(AuditOutcome.REJECTED);
        });
        assertThat(care.consents().get(self, grant.id()).value().status()).isEqualTo(ConsentStatus.INACTIVE);
    }

    @Test
    void anUpdateReplacesTheTermsAndAStaleVersionConflicts() {
        ConsentRecord grant = care.consents().record(self, patient.id(), carerMayViewTheRecord()).value();
        ConsentTerms objection = objectionTo(ProvisionActor.organisation(AE_CLINICIAN.organisation()));

        ConsentRecord updated = care.consents().update(self, grant.id(), objection, 1).value();

        assertThat(care.consents().get(self, grant.id()).value().terms()).isEqualTo(objection);
        assertThat(updated.terms()).isEqualTo(objection);
        assertThatExceptionOfType(VersionConflictException.class)
                .isThrownBy(() -> care.consents().update(self, grant.id(), carerMayViewTheRecord(), 1));
    }

    @Test
    void anotherPatientsConsentIsDeniedToThePatient() {
        Patient other = register(care, Set.of());
        ConsentRecord theirs = care.consents().record(AccessContext.patientSelf(other.id()), other.id(),
                carerMayViewTheRecord()).value();

        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> care.consents().get(self, theirs.id()));
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> care.consents().withdraw(self, theirs.id(), 1));
        assertThat(care.consents().get(AccessContext.patientSelf(other.id()), theirs.id()).value().status())
                .isEqualTo(ConsentStatus.ACTIVE);
    }

    @Test
    void aMissingConsentIsNotFoundForAProfessionalAndDeniedToAPatient() {
        ConsentId missing = ConsentId.random();

        assertThatExceptionOfType(NotFoundException.class)
                .isThrownBy(() -> care.consents().get(AccessContext.of(GP, Purpose.DIRECT_CARE), missing));
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> care.consents().get(self, missing));
    }

    @Test
    @DisplayName("R38 R50 a clinician with no relationship cannot read consents, and the denial is audited with purpose and rule")
    void aStrangerIsDeniedAndTheDenialIsAudited() {
        AccessContext stranger = AccessContext.of(AE_CLINICIAN, Purpose.DIRECT_CARE);

        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> care.consents().list(stranger, patient.id()))
                .satisfies(e -> assertThat(e.decision().rule()).isEqualTo("R39"));
        assertThat(auditTrail()).last().satisfies(r -> {
            assertThat(r.event().outcome()).isEqualTo(AuditOutcome.DENY);
            assertThat(r.event().rule()).isEqualTo("R39");
            assertThat(r.event().purpose()).isEqualTo(Purpose.DIRECT_CARE);
            assertThat(r.event().actor()).isEqualTo(AE_CLINICIAN.reference());
        });
    }

    @Test
    @DisplayName("R39 R50 the registered GP's permitted read is audited with the rule that decided")
    void aPermittedReadIsAuditedWithItsRule() {
        care.consents().list(gp, patient.id());

        assertThat(auditTrail()).last().satisfies(r -> {
            assertThat(r.event().outcome()).isEqualTo(AuditOutcome.PERMIT);
            assertThat(r.event().rule()).isEqualTo("R39");
        });
    }

    @Test
    @DisplayName("R41 the patient's objection to their practice stops their GP at once")
    void anObjectionStopsTheGp() {
        care.consents().record(self, patient.id(), objectionTo(ProvisionActor.organisation(PRACTICE)));

        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> care.patients().get(gp, patient.id()))
                .satisfies(e -> assertThat(e.decision().rule()).startsWith("Consent/"));
    }

    @Test
    @DisplayName("R40 break-glass is permitted and publishes BreakGlassUsed in the same transaction as its audit")
    void breakGlassPublishesAnEventWithItsAudit() {
        AccessContext emergency = AccessContext.of(AE_CLINICIAN, Purpose.EMERGENCY, "unconscious on arrival");

        care.patients().get(emergency, patient.id());

        AuditRecord audited = lastAccessAudit();
        assertThat(audited.event().rule()).isEqualTo("R40");
        assertThat(audited.event().reason()).contains("unconscious on arrival");
        assertThat(outbox()).filteredOn(AccessEvent.BreakGlassUsed.class::isInstance).singleElement()
                .satisfies(e -> {
                    AccessEvent.BreakGlassUsed used = (AccessEvent.BreakGlassUsed) e;
                    assertThat(used.patient()).isEqualTo(patient.id());
                    assertThat(used.actor()).isEqualTo(AE_CLINICIAN.reference());
                    assertThat(used.correlationId()).isEqualTo(emergency.correlationId().value());
                    assertThat(used.occurredAt()).isEqualTo(audited.event().at());
                });
    }

    @Test
    @DisplayName("R40 a self-claimed relationship is permitted for direct care, audited with its reason and alerted")
    void aSelfClaimedRelationshipIsPermittedAuditedAndAlerted() {
        AccessContext walkIn = AccessContext.claimingRelationship(AE_CLINICIAN, "walk-in, patient present and asking");

        care.patients().get(walkIn, patient.id());

        AuditRecord audited = lastAccessAudit();
        assertThat(audited.event().rule()).isEqualTo("R40");
        assertThat(audited.event().purpose()).isEqualTo(Purpose.DIRECT_CARE);
        assertThat(audited.event().reason()).contains("walk-in, patient present and asking");
        assertThat(outbox()).noneMatch(AccessEvent.BreakGlassUsed.class::isInstance)
                .filteredOn(AccessEvent.RelationshipClaimed.class::isInstance).singleElement()
                .satisfies(e -> {
                    AccessEvent.RelationshipClaimed claimed = (AccessEvent.RelationshipClaimed) e;
                    assertThat(claimed.patient()).isEqualTo(patient.id());
                    assertThat(claimed.actor()).isEqualTo(AE_CLINICIAN.reference());
                    assertThat(claimed.correlationId()).isEqualTo(walkIn.correlationId().value());
                    assertThat(claimed.type()).isEqualTo("access.relationship_claimed");
                });
    }

    @Test
    @DisplayName("R40 NOTIFY_PATIENT (self-claimed relationship, break-glass) is an outbox event and an access-log entry")
    void r40TheObligationToNotifyThePatientIsActedOn() {
        AccessContext walkIn = AccessContext.claimingRelationship(AE_CLINICIAN, "walk-in, patient present and asking");
        AccessContext emergency = AccessContext.of(AE_CLINICIAN, Purpose.EMERGENCY, "unconscious on arrival");

        care.patients().get(walkIn, patient.id());
        care.patients().get(emergency, patient.id());
        // a further read within the break-glass episode: the patient was told when it opened
        care.patients().get(AccessContext.of(AE_CLINICIAN, Purpose.EMERGENCY), patient.id());

        assertThat(outbox()).filteredOn(AccessEvent.PatientNotificationDue.class::isInstance)
                .extracting(e -> ((AccessEvent.PatientNotificationDue) e).correlationId())
                .containsExactly(walkIn.correlationId().value(), emergency.correlationId().value());
        assertThat(outbox()).filteredOn(AccessEvent.PatientNotificationDue.class::isInstance).first()
                .satisfies(e -> {
                    AccessEvent.PatientNotificationDue due = (AccessEvent.PatientNotificationDue) e;
                    assertThat(due.patient()).isEqualTo(patient.id());
                    assertThat(due.actor()).isEqualTo(AE_CLINICIAN.reference());
                    assertThat(due.auditAction()).isEqualTo("patient.read");
                    assertThat(due.correlationId()).isEqualTo(walkIn.correlationId().value());
                    assertThat(due.type()).isEqualTo("access.patient_notification_due");
                });
        List<AccessLogEntry> log = care.audit().accessLog(self, patient.id());
        assertThat(log).filteredOn(e -> e.action().equals(AccessLogEntry.PATIENT_NOTIFIED)).hasSize(2).first()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo(AE_CLINICIAN.reference());
                    assertThat(e.rule()).isEqualTo("NOTIFY_PATIENT");
                });

        // Direct care on a recorded relationship tells the patient nothing.
        int notices = outbox().stream().filter(AccessEvent.PatientNotificationDue.class::isInstance).toList().size();
        care.patients().get(gp, patient.id());
        assertThat(outbox().stream().filter(AccessEvent.PatientNotificationDue.class::isInstance)).hasSize(notices);
    }

    @Test
    @DisplayName("R49 an outsider reading an S-flagged patient on a self-claimed relationship or by break-glass is not shown the practice")
    void r49TheRegisteredPracticeOfASensitivePatientIsWithheldFromOutsiders() {
        var current = care.patients().get(gp, patient.id());
        Set<PatientFlag> flags = EnumSet.of(PatientFlag.SENSITIVE);
        flags.addAll(current.value().flags());
        care.patients().updateFlags(gp, patient.id(), flags, current.version());

        assertThat(care.patients().get(AccessContext.claimingRelationship(AE_CLINICIAN, "walk-in, patient present"),
                patient.id()).value().registeredPractice()).isEmpty();
        assertThat(care.patients().get(AccessContext.of(AE_CLINICIAN, Purpose.EMERGENCY, "unconscious on arrival"),
                patient.id()).value().registeredPractice()).isEmpty();
        assertThat(care.patients().get(gp, patient.id()).value().registeredPractice())
                .isEqualTo(patient.registeredPractice()).isPresent();
    }

    @Test
    @DisplayName("R40 a self-claimed relationship never overrides the patient's objection (R41)")
    void aSelfClaimedRelationshipDoesNotOverrideAnObjection() {
        care.consents().record(self, patient.id(), objectionTo(ProvisionActor.organisation(AE_CLINICIAN.organisation())));

        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> care.patients().get(
                AccessContext.claimingRelationship(AE_CLINICIAN, "walk-in, patient present"), patient.id()));
        assertThat(outbox()).noneMatch(AccessEvent.RelationshipClaimed.class::isInstance);
    }

    @Test
    @DisplayName("R40 emergency access without a reason is denied and raises no event")
    void emergencyWithoutReasonIsDeniedWithoutEvent() {
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> care.patients().get(AccessContext.of(AE_CLINICIAN, Purpose.EMERGENCY), patient.id()))
                .satisfies(e -> assertThat(e.decision().rule()).isEqualTo("R40"));
        assertThat(outbox()).noneMatch(AccessEvent.BreakGlassUsed.class::isInstance);
    }

    @Test
    @DisplayName("R40 a break-glass episode lasts for the validity window, then needs a new reason")
    void breakGlassEpisodeIsTimeLimited() {
        care.patients().get(AccessContext.of(AE_CLINICIAN, Purpose.EMERGENCY, "unconscious on arrival"), patient.id());
        AccessContext followUp = AccessContext.of(AE_CLINICIAN, Purpose.EMERGENCY);

        clock.advance(Duration.ofHours(2));
        care.patients().get(followUp, patient.id());
        clock.advance(Duration.ofHours(7));

        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> care.patients().get(followUp, patient.id()))
                .satisfies(e -> assertThat(e.decision().rule()).isEqualTo("R40"));
        assertThat(outbox()).filteredOn(AccessEvent.BreakGlassUsed.class::isInstance).hasSize(2);
    }

    @Test
    @DisplayName("R40 R50 the patient sees break-glass access in their access log")
    void thePatientSeesBreakGlassInTheAccessLog() {
        care.patients().get(AccessContext.of(AE_CLINICIAN, Purpose.EMERGENCY, "unconscious on arrival"), patient.id());

        List<AccessLogEntry> log = care.audit().accessLog(self, patient.id());

        assertThat(log).anySatisfy(entry -> {
            assertThat(entry.actor()).isEqualTo(AE_CLINICIAN.reference());
            assertThat(entry.purpose()).isEqualTo(Purpose.EMERGENCY);
            assertThat(entry.outcome()).isEqualTo(AuditOutcome.PERMIT);
            assertThat(entry.rule()).isEqualTo("R40");
            assertThat(entry.at()).isEqualTo(NOW);
        });
    }

    @Test
    @DisplayName("R42 a researcher is denied by the national data opt-out through the public API")
    void aResearcherIsDeniedByTheOptOut() {
        Patient optedOut = register(care, Set.of(PatientFlag.NATIONAL_DATA_OPT_OUT));

        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> care.patients().get(AccessContext.of(RESEARCHER, Purpose.RESEARCH), optedOut.id()))
                .satisfies(e -> assertThat(e.decision().rule()).isEqualTo("R42"));
    }

    @Test
    @DisplayName("R38 a failure while gathering facts is a deny, audited")
    void aFailureWhileDecidingIsADeny() {
        CareRelationship broken = (tx, p, actor, at) -> {
            throw new IllegalStateException("care team store unavailable");
        };
        InMemoryStorage failingStorage = new InMemoryStorage();
        PersonalCare failing = PersonalCare.builder().storage(failingStorage).clock(clock)
                .accessPolicy(new ConsentAccessPolicy(broken, ConsentPolicy.nhsEnglandDefaults())).build();
        Patient p = register(failing, Set.of());

        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> failing.patients().get(AccessContext.of(GP, Purpose.DIRECT_CARE), p.id()))
                .satisfies(e -> assertThat(e.decision().rule()).isEqualTo("R38"));
        List<AuditRecord> trail = failingStorage.inTransaction(tx -> tx.audit().forPatient(p.id()));
        assertThat(trail).last()
                .satisfies(r -> assertThat(r.event().outcome()).isEqualTo(AuditOutcome.DENY));
    }

    @Test
    void relationshipsComeFromTheCareRelationshipGiven() {
        CareRelationship onTheCareTeam = (tx, p, actor, at) -> actor.equals(AE_CLINICIAN)
                ? List.of(new io.github.personalcare.access.Relationship(
                        io.github.personalcare.access.RelationshipKind.CARE_TEAM_PROFESSIONAL, "CareTeam/test"))
                : List.of();
        PersonalCare withTeam = PersonalCare.builder().clock(clock)
                .accessPolicy(new ConsentAccessPolicy(onTheCareTeam, ConsentPolicy.nhsEnglandDefaults())).build();
        Patient p = register(withTeam, Set.of());

        assertThat(withTeam.patients().get(AccessContext.of(AE_CLINICIAN, Purpose.DIRECT_CARE), p.id()).value().id())
                .isEqualTo(p.id());
    }

    @Test
    void theConsentPolicyOptionIsApplied() {
        PersonalCare noBreakGlass = PersonalCare.builder().clock(clock)
                .consentPolicy(ConsentPolicy.builder().breakGlassActions(Set.of()).build()).build();
        Patient p = register(noBreakGlass, Set.of());

        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> noBreakGlass.patients().get(
                        AccessContext.of(AE_CLINICIAN, Purpose.EMERGENCY, "unconscious"), p.id()))
                .satisfies(e -> assertThat(e.decision().rule()).isEqualTo("R40"));
    }

    @Test
    void aConsentPolicyCannotBeCombinedWithACustomAccessPolicy() {
        PersonalCare.Builder builder = PersonalCare.builder()
                .accessPolicy((request, facts) -> io.github.personalcare.access.AccessDecision.deny("X", "x"))
                .consentPolicy(ConsentPolicy.nhsEnglandDefaults());

        assertThatExceptionOfType(ConfigurationException.class).isThrownBy(builder::build)
                .withMessageContaining("consentPolicy");
    }

    @Test
    void theConsentPolicyMaySetOnlyOnce() {
        PersonalCare.Builder builder = PersonalCare.builder().consentPolicy(ConsentPolicy.nhsEnglandDefaults());

        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> builder.consentPolicy(ConsentPolicy.nhsEnglandDefaults()));
    }

    @Test
    void aPatientCannotActOnAnotherPatientsConsents() {
        Patient other = register(care, Set.of());

        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> care.consents().record(AccessContext.patientSelf(other.id()), patient.id(),
                        carerMayViewTheRecord()));
        assertThat(care.consents().list(self, patient.id())).isEmpty();
    }

    @org.junit.jupiter.api.extension.RegisterExtension
    final io.github.personalcare.support.CapturedLogs logs = new io.github.personalcare.support.CapturedLogs();

    @Test
    void noLogLineHoldsTheNhsNumberOrTheBreakGlassReason() {
        ConsentRecord grant = care.consents().record(self, patient.id(), carerMayViewTheRecord()).value();
        care.patients().get(AccessContext.of(AE_CLINICIAN, Purpose.EMERGENCY, "found collapsed at home"),
                patient.id());
        care.consents().withdraw(self, grant.id(), versionOf(grant));
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> care.patients().get(carer, patient.id()));

        assertThat(logs.lines()).isNotEmpty().allSatisfy(line -> assertThat(line)
                .doesNotContain(patient.nhsNumber().value())
                .doesNotContain("found collapsed at home"));
    }
}
