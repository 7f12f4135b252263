package io.github.personalcare.internal;

import io.github.personalcare.patient.RegisteredPractice;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.AccessDeniedException;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.spi.AccessPolicy;
import io.github.personalcare.spi.CareRelationship;
import io.github.personalcare.PersonalCare;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.audit.AuditOutcome;
import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.patient.PatientStores;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.spi.Storage;
import io.github.personalcare.store.memory.InMemoryStorage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AccessGuardTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final Storage storage = new InMemoryStorage();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final AccessContext registrar = AccessContext.of(Actor.professional(UserId.of("U100"),
            ProfessionalRole.GENERAL_PRACTITIONER, OdsCode.of("A81001")), Purpose.DIRECT_CARE);
    private final AccessContext stranger = AccessContext.of(Actor.professional(UserId.of("U999"),
            ProfessionalRole.NURSE, OdsCode.of("RH8")), Purpose.DIRECT_CARE);

    private PersonalCare care(AccessPolicy policy) {
        // These tests are about the guard's mechanics, so they run under the simple interim policy;
        // the consent engine has its own tests.
        return PersonalCare.builder().storage(storage).clock(clock)
                .accessPolicy(policy != null ? policy : new SelfAndCareTeamPolicy(new RegisteredPractice()))
                .build();
    }

    private Patient register(PersonalCare care) {
        return care.patients().register(registrar, NhsNumber.parse("9434765870"), NhsNumberVerification.VERIFIED,
                new PersonName("Ada", "Lovelace"), LocalDate.of(1950, 12, 10), Set.of(PatientFlag.COMPLEX_NEEDS),
                Optional.of(OdsCode.of("A81001"))).value();
    }

    private List<AuditRecord> auditOf(PatientId patient) {
        return storage.inTransaction(tx -> tx.audit().forPatient(patient));
    }

    @Test
    void thePatientReadsTheirOwnRecordAndThePermitIsAudited() {
        var care = care(null);
        var patient = register(care);

        var read = care.patients().get(AccessContext.patientSelf(patient.id()), patient.id());

        assertThat(read.value()).isEqualTo(patient);
        var last = auditOf(patient.id()).get(auditOf(patient.id()).size() - 1).event();
        assertThat(last.outcome()).isEqualTo(AuditOutcome.PERMIT);
        assertThat(last.rule()).isEqualTo("SELF");
        assertThat(last.action()).isEqualTo("patient.read");
        assertThat(last.at()).isEqualTo(NOW);
    }

    @Test
    @DisplayName("R38 R50 a professional with no relationship is denied and the denial is audited")
    void aStrangerIsDeniedAndTheDenialIsAudited() {
        var care = care(null);
        var patient = register(care);

        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> care.patients().get(stranger, patient.id()))
                .satisfies(e -> assertThat(e.decision().rule()).isEqualTo("NO_RELATIONSHIP"));

        var last = auditOf(patient.id()).get(auditOf(patient.id()).size() - 1).event();
        assertThat(last.outcome()).isEqualTo(AuditOutcome.DENY);
        assertThat(last.actor()).isEqualTo(stranger.actor().reference());
    }

    @Test
    void aProfessionalAtTheRegisteredPracticeHasARelationship() {
        var care = care(null);
        var patient = register(care);
        var colleague = AccessContext.of(Actor.professional(UserId.of("U101"), ProfessionalRole.NURSE,
                OdsCode.of("A81001")), Purpose.DIRECT_CARE);

        assertThat(care.patients().get(colleague, patient.id()).value()).isEqualTo(patient);
    }

    @Test
    @DisplayName("R38 a policy that fails to decide denies (fail closed)")
    void aFailingPolicyDenies() {
        AccessPolicy broken = (request, facts) -> {
            throw new IllegalStateException("bug in policy");
        };
        var care = care(broken);

        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> register(care))
                .satisfies(e -> assertThat(e.decision().rule()).isEqualTo("FAIL_CLOSED"));
        List<?> stored = storage.inTransaction(tx -> tx.aggregates(PatientStores.PATIENTS).query(
                io.github.personalcare.spi.Query.all()));
        assertThat(stored).isEmpty();
    }

    @Test
    void aPolicyThatReturnsNothingDenies() {
        var care = care((request, facts) -> null);
        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> register(care))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("FAIL_CLOSED"));
    }

    @Test
    @DisplayName("R2 a second patient with the same NHS number is rejected, audited, and nothing is stored")
    void aRejectedCommandIsAuditedAndStoresNothing() {
        var care = care(null);
        register(care);

        assertThatExceptionOfType(RuleViolationException.class).isThrownBy(() -> register(care))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R2"));

        long patients = storage.inTransaction(tx -> tx.aggregates(PatientStores.PATIENTS)
                .query(io.github.personalcare.spi.Query.all()).size());
        assertThat(patients).isEqualTo(1);
        long rejected = storage.inTransaction(tx -> tx.audit().chains().stream()
                .flatMap(c -> tx.audit().chain(c).stream())
                .filter(r -> r.event().outcome() == AuditOutcome.REJECTED && r.event().rule().equals("R2")).count());
        assertThat(rejected).isEqualTo(1);
    }

    @Test
    void aStaleVersionIsRejectedAndAudited() {
        var care = care(null);
        var patient = register(care);
        var self = AccessContext.patientSelf(patient.id());
        care.patients().updateFlags(self, patient.id(), Set.of(PatientFlag.LONG_TERM_CONDITION), 1);

        assertThatExceptionOfType(io.github.personalcare.lang.VersionConflictException.class)
                .isThrownBy(() -> care.patients().updateFlags(self, patient.id(), Set.of(), 1));
        assertThat(care.patients().get(self, patient.id()).value().flags()).containsExactly(PatientFlag.LONG_TERM_CONDITION);
        assertThat(auditOf(patient.id())).extracting(r -> r.event().outcome()).contains(AuditOutcome.REJECTED);
    }

    @Test
    void everyCommittedChangePublishesAnOutboxEvent() {
        var care = care(null);
        var patient = register(care);
        var events = storage.inTransaction(tx -> tx.outbox().undelivered());
        assertThat(events).hasSize(1);
        assertThat(events.get(0).event().type()).isEqualTo("patient.registered");
        assertThat(events.get(0).event().patient()).isEqualTo(patient.id());
    }

    @Test
    void aDateOfBirthInTheFutureIsRejected() {
        var care = care(null);
        assertThatExceptionOfType(io.github.personalcare.lang.InvalidInputException.class).isThrownBy(() ->
                care.patients().register(registrar, NhsNumber.parse("9434765870"), NhsNumberVerification.VERIFIED,
                        new PersonName("A", "B"), LocalDate.of(2027, 1, 1), Set.of(), Optional.empty()))
                .satisfies(e -> assertThat(e.field()).isEqualTo("dateOfBirth"));
    }

    @Test
    void theAuditTrailOfAServiceRunVerifies() {
        var care = care(null);
        var patient = register(care);
        care.patients().get(AccessContext.patientSelf(patient.id()), patient.id());
        try {
            care.patients().get(stranger, patient.id());
        } catch (AccessDeniedException expected) {
            // audited
        }
        var admin = AccessContext.of(Actor.system("audit-job"), Purpose.AUDIT);
        assertThat(care.audit().verify(admin).isIntact()).isTrue();
        assertThat(care.audit().accessLog(AccessContext.patientSelf(patient.id()), patient.id()))
                .extracting(e -> e.outcome()).containsExactly(AuditOutcome.SUCCESS, AuditOutcome.PERMIT, AuditOutcome.DENY);
    }
}
