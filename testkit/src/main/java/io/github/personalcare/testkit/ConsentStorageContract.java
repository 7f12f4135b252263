package io.github.personalcare.testkit;

import io.github.personalcare.consent.ConsentRecord;
import io.github.personalcare.consent.ConsentScope;
import io.github.personalcare.consent.ConsentStatus;
import io.github.personalcare.consent.ConsentStores;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.spi.Query;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.lang.VersionConflictException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Consents survive storage whole, are found per patient by status (the consent policy reads
 * active ones on every decision) and by scope, and a withdrawal is a new version that leaves the
 * active query at once.
 */
public abstract class ConsentStorageContract extends StorageContract {
    /** For the adapter's subclass, which supplies the storage under test. */
    protected ConsentStorageContract() {
    }


    private List<ConsentRecord> active(PatientId patient) {
        return storage.inTransaction(tx -> tx.aggregates(ConsentStores.CONSENTS)
                .query(Query.forPatient(patient).and("status").is(ConsentStatus.ACTIVE))).stream()
                .map(Versioned::value).toList();
    }

    @Test
    void aConsentComesBackEqualWithItsWholeProvisionTree() {
        ConsentRecord consent = Consents.everyPart(PatientId.random());
        storage.inTransaction(tx -> tx.aggregates(ConsentStores.CONSENTS).insert(consent));

        Versioned<ConsentRecord> stored = storage.inTransaction(tx -> tx.aggregates(ConsentStores.CONSENTS)
                .get(consent.id()));

        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.value()).isEqualTo(consent);
    }

    @Test
    void activeConsentsAreFoundPerPatientByStatus() {
        PatientId patient = PatientId.random();
        ConsentRecord grant = Consents.proxyGrant(patient, UserId.of("carer-1"));
        ConsentRecord withdrawn = Consents.objectionTo(patient, OdsCode.of("RH8"))
                .withdraw(Instant.parse("2026-02-01T00:00:00Z"));
        ConsentRecord someoneElses = Consents.proxyGrant(PatientId.random(), UserId.of("carer-1"));
        storage.inTransaction(tx -> tx.aggregates(ConsentStores.CONSENTS).insert(grant));
        storage.inTransaction(tx -> tx.aggregates(ConsentStores.CONSENTS).insert(withdrawn));
        storage.inTransaction(tx -> tx.aggregates(ConsentStores.CONSENTS).insert(someoneElses));

        assertThat(active(patient)).containsExactly(grant);
    }

    @Test
    void consentsAreFoundByScope() {
        PatientId patient = PatientId.random();
        ConsentRecord privacy = Consents.proxyGrant(patient, UserId.of("carer-1"));
        storage.inTransaction(tx -> tx.aggregates(ConsentStores.CONSENTS).insert(privacy));

        var found = storage.inTransaction(tx -> tx.aggregates(ConsentStores.CONSENTS)
                .query(Query.forPatient(patient).and("scope").is(ConsentScope.PATIENT_PRIVACY)));
        var none = storage.inTransaction(tx -> tx.aggregates(ConsentStores.CONSENTS)
                .query(Query.forPatient(patient).and("scope").is(ConsentScope.RESEARCH)));

        assertThat(found).extracting(Versioned::value).containsExactly(privacy);
        assertThat(none).isEmpty();
    }

    @Test
    void aWithdrawalIsANewVersionAndLeavesTheActiveQueryAtOnce() {
        PatientId patient = PatientId.random();
        ConsentRecord grant = Consents.proxyGrant(patient, UserId.of("carer-1"));
        storage.inTransaction(tx -> tx.aggregates(ConsentStores.CONSENTS).insert(grant));

        long version = storage.inTransaction(tx -> tx.aggregates(ConsentStores.CONSENTS)
                .update(grant.withdraw(Instant.parse("2026-03-01T00:00:00Z")), 1));

        assertThat(version).isEqualTo(2);
        assertThat(active(patient)).isEmpty();
        ConsentStatus status = storage.inTransaction(tx -> tx.aggregates(ConsentStores.CONSENTS).get(grant.id())
                .value().status());
        assertThat(status).isEqualTo(ConsentStatus.INACTIVE);
    }

    @Test
    void aStaleWithdrawalConflictsAndChangesNothing() {
        PatientId patient = PatientId.random();
        ConsentRecord grant = Consents.proxyGrant(patient, UserId.of("carer-1"));
        storage.inTransaction(tx -> tx.aggregates(ConsentStores.CONSENTS).insert(grant));
        storage.inTransaction(tx -> tx.aggregates(ConsentStores.CONSENTS)
                .update(grant.withTerms(grant.terms(), Instant.parse("2026-02-01T00:00:00Z")), 1));

        assertThatExceptionOfType(VersionConflictException.class).isThrownBy(() -> storage.inTransaction(tx ->
                tx.aggregates(ConsentStores.CONSENTS).update(grant.withdraw(Instant.parse("2026-03-01T00:00:00Z")), 1)));
        assertThat(active(patient)).hasSize(1);
    }
}
