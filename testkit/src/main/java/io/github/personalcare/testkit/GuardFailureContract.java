package io.github.personalcare.testkit;

import io.github.personalcare.audit.AuditKeys;
import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.AccessDeniedException;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.audit.AuditChain;
import io.github.personalcare.audit.AuditOutcome;
import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.consent.ConsentStores;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.ConfigurationException;
import io.github.personalcare.lang.NotFoundException;
import io.github.personalcare.lang.PersonalCareException;
import io.github.personalcare.spi.StorageException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How the access guard behaves on this storage when things fail (R38, R50): a storage or
 * configuration failure while deciding reaches the caller unchanged and is audited as an error,
 * never as a deny; refusals about patients that do not exist open no audit chain.
 */
public abstract class GuardFailureContract extends StorageContract {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final OdsCode PRACTICE = OdsCode.of("A81001");

    /** For the adapter's subclass, which supplies the storage under test. */
    protected GuardFailureContract() {
    }

    @Test
    @DisplayName("R38: a storage failure while deciding reaches the caller unchanged, access stays closed, audited ERROR not DENY")
    void storageFailureWhileDecidingIsNotADenial() {
        assertFailureWhileDecidingIsNotADenial(() -> new StorageException("STORAGE", "the consent table failed",
                "42P01", false));
    }

    @Test
    @DisplayName("R38: a configuration failure while deciding reaches the caller unchanged, audited ERROR not DENY")
    void configurationFailureWhileDecidingIsNotADenial() {
        assertFailureWhileDecidingIsNotADenial(() -> new ConfigurationException("schema", "a table is missing"));
    }

    private void assertFailureWhileDecidingIsNotADenial(Supplier<? extends PersonalCareException> fault) {
        FaultyStorage faulty = new FaultyStorage(storage, ConsentStores.CONSENTS);
        PersonalCare care = care(faulty);
        PatientId patient = register(care);
        PersonalCareException thrown = fault.get();
        faulty.arm(() -> thrown);

        assertThatThrownBy(() -> care.patients().get(gp(), patient)).isSameAs(thrown);

        List<AuditRecord> chain = storage.inTransaction(tx -> tx.audit().forPatient(patient));
        assertThat(chain).extracting(r -> r.event().outcome())
                .containsExactly(AuditOutcome.SUCCESS, AuditOutcome.ERROR);
        assertThat(chain.get(1).event().rule()).isEqualTo(thrown.rule());
        assertThat(storage.inTransaction(tx -> tx.audit().verify(AuditKeys.unkeyed())).isIntact()).isTrue();
    }

    @Test
    @DisplayName("R50: refusals about made-up patient ids are audited on the system chain and open no chain of their own")
    void refusalsAboutUnknownPatientsOpenNoChain() {
        PersonalCare care = care(storage);
        PatientId known = register(care);
        Set<String> before = new HashSet<>(storage.inTransaction(tx -> tx.audit().chains()));

        for (int i = 0; i < 5; i++) {
            PatientId unknown = PatientId.random();
            assertThatThrownBy(() -> care.patients().get(gp(), unknown)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> care.audit().accessLog(gp(), unknown)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> care.audit().accessLog(AccessContext.patientSelf(unknown), unknown))
                    .isInstanceOf(AccessDeniedException.class);
        }

        Set<String> after = new HashSet<>(storage.inTransaction(tx -> tx.audit().chains()));
        after.removeAll(before);
        assertThat(after).isSubsetOf(Set.of(AuditChain.SYSTEM_CHAIN));
        List<AuditRecord> system = storage.inTransaction(tx -> tx.audit().chain(AuditChain.SYSTEM_CHAIN));
        assertThat(system).extracting(r -> r.event().outcome()).containsOnly(AuditOutcome.DENY, AuditOutcome.NOT_FOUND)
                .hasSize(15);
        List<AuditRecord> ofKnown = storage.inTransaction(tx -> tx.audit().forPatient(known));
        assertThat(ofKnown).hasSize(1);
    }

    private static PersonalCare care(io.github.personalcare.spi.Storage on) {
        return PersonalCare.builder().storage(on).clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
    }

    private static AccessContext gp() {
        return AccessContext.of(Actor.professional(UserId.of("GP1"), ProfessionalRole.GENERAL_PRACTITIONER,
                PRACTICE), Purpose.DIRECT_CARE);
    }

    private static PatientId register(PersonalCare care) {
        return care.patients().register(gp(), NhsNumber.parse("9434765870"), NhsNumberVerification.VERIFIED,
                new PersonName("Ada", "Lovelace"), LocalDate.of(1950, 12, 10), Set.of(),
                Optional.of(PRACTICE)).value().id();
    }
}
