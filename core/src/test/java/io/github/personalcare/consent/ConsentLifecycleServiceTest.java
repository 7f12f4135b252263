package io.github.personalcare.consent;

import io.github.personalcare.store.memory.InMemoryStorage;
import io.github.personalcare.support.TestClock;
import io.github.personalcare.lang.IllegalTransitionException;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.AccessDeniedException;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.spi.OutboxEntry;
import io.github.personalcare.lang.VersionConflictException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import static io.github.personalcare.consent.ConsentFixtures.CARER;
import static io.github.personalcare.consent.ConsentFixtures.GP;
import static io.github.personalcare.consent.ConsentFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A consent's lifecycle through the service: proposed, accepted, rejected, entered in error (R43). */
class ConsentLifecycleServiceTest {
    private final TestClock clock = new TestClock(NOW);
    private final InMemoryStorage storage = new InMemoryStorage();
    private final PersonalCare care = PersonalCare.builder().storage(storage).clock(clock).build();
    private final Patient patient = ConsentServiceTest.register(care, Set.of());
    private final AccessContext self = AccessContext.patientSelf(patient.id());
    private final AccessContext carer = AccessContext.of(CARER, Purpose.PATIENT_SELF_SERVICE);

    private List<DomainEvent> outbox() {
        return storage.inTransaction(tx -> tx.outbox().undelivered()).stream().map(OutboxEntry::event).toList();
    }

    private long versionOf(ConsentRecord consent) {
        return care.consents().get(self, consent.id()).version();
    }

    @Test
    @DisplayName("R43 a proposed consent grants nothing until the patient accepts it, then applies at once")
    void aProposalAppliesOnlyOnceAccepted() {
        ConsentRecord proposed = care.consents().propose(self, patient.id(), ConsentServiceTest.carerMayViewTheRecord()).value();

        assertThat(proposed.status()).isEqualTo(ConsentStatus.PROPOSED);
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> care.patients().get(carer, patient.id()));

        clock.advance(Duration.ofMinutes(5));
        ConsentRecord accepted = care.consents().accept(self, proposed.id(), versionOf(proposed)).value();

        assertThat(accepted.status()).isEqualTo(ConsentStatus.ACTIVE);
        assertThat(accepted.recordedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(care.patients().get(carer, patient.id()).value()).isEqualTo(patient);
        assertThat(outbox()).filteredOn(ConsentEvent.StatusChanged.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((ConsentEvent.StatusChanged) e).status()).isEqualTo("active"));
    }

    @Test
    @DisplayName("R43 a rejected proposal never applies and cannot be accepted afterwards")
    void aRejectedProposalIsFinal() {
        ConsentRecord proposed = care.consents().propose(self, patient.id(), ConsentServiceTest.carerMayViewTheRecord()).value();
        ConsentRecord rejected = care.consents().reject(self, proposed.id(), versionOf(proposed)).value();

        assertThat(rejected.status()).isEqualTo(ConsentStatus.REJECTED);
        assertThatExceptionOfType(IllegalTransitionException.class)
                .isThrownBy(() -> care.consents().accept(self, proposed.id(), versionOf(rejected)));
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> care.patients().get(carer, patient.id()));
    }

    @Test
    @DisplayName("R43 a consent marked entered in error stops applying at once and is kept")
    void enteredInErrorStopsApplying() {
        ConsentRecord active = care.consents().record(self, patient.id(), ConsentServiceTest.carerMayViewTheRecord()).value();
        assertThat(care.patients().get(carer, patient.id()).value()).isEqualTo(patient);

        care.consents().markEnteredInError(self, active.id(), versionOf(active));

        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> care.patients().get(carer, patient.id()));
        assertThat(care.consents().list(self, patient.id())).singleElement()
                .extracting(v -> v.value().status()).isEqualTo(ConsentStatus.ENTERED_IN_ERROR);
    }

    @Test
    void anActiveConsentCannotBeAcceptedOrRejected() {
        ConsentRecord active = care.consents().record(self, patient.id(), ConsentServiceTest.carerMayViewTheRecord()).value();

        assertThatExceptionOfType(IllegalTransitionException.class)
                .isThrownBy(() -> care.consents().reject(self, active.id(), versionOf(active)));
        assertThat(care.consents().get(self, active.id()).value().status())
                .isEqualTo(ConsentStatus.ACTIVE);
    }

    @Test
    void aStaleVersionChangesNothing() {
        ConsentRecord proposed = care.consents().propose(self, patient.id(), ConsentServiceTest.carerMayViewTheRecord()).value();
        long read = versionOf(proposed);
        care.consents().update(self, proposed.id(), ConsentServiceTest.carerMayViewTheRecord(), read);

        assertThatExceptionOfType(VersionConflictException.class)
                .isThrownBy(() -> care.consents().accept(self, proposed.id(), read));
        assertThat(care.consents().get(self, proposed.id()).value().status())
                .isEqualTo(ConsentStatus.PROPOSED);
    }

    @Test
    void aProfessionalCannotAcceptOrRejectOnThePatientsBehalf() {
        AccessContext gp = AccessContext.of(GP, Purpose.DIRECT_CARE);
        ConsentRecord proposed = care.consents().propose(gp, patient.id(), ConsentServiceTest.carerMayViewTheRecord()).value();

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> care.consents().accept(gp, proposed.id(), versionOf(proposed)))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("CONSENT_GIVER"));
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> care.consents().reject(gp, proposed.id(), versionOf(proposed)));
        assertThat(care.consents().get(self, proposed.id()).value().status())
                .isEqualTo(ConsentStatus.PROPOSED);
    }
}
