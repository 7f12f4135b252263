package io.github.personalcare.testkit;

import io.github.personalcare.spi.AccessFacts;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.RelationshipKind;
import io.github.personalcare.access.Relationship;
import io.github.personalcare.careteam.CareTeam;
import io.github.personalcare.careteam.CareTeamRelationships;
import io.github.personalcare.careteam.CareTeamStores;
import io.github.personalcare.careteam.CarerMember;
import io.github.personalcare.careteam.CarerRole;
import io.github.personalcare.careteam.MemberId;
import io.github.personalcare.careteam.MembershipPeriod;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.patient.PatientStores;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.VersionConflictException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Care teams through storage: members, periods, authorities and the lead survive a round trip; the
 * team is found by patient; relationships are read through the transaction (R12, R39); concurrent
 * changes of one version have exactly one winner.
 */
public abstract class CareTeamStorageContract extends StorageContract {
    /** For the adapter's subclass, which supplies the storage under test. */
    protected CareTeamStorageContract() {
    }

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aTeamComesBackEqualWithEndedMembershipsAndTheLead() {
        PatientId patient = PatientId.random();
        CareTeam team = CarePlans.team(patient, T0);
        CareTeam changed = team.endMembership(team.professionals().get(1).id(), T0.plus(Duration.ofDays(3)));
        storage.inTransaction(tx -> tx.aggregates(CareTeamStores.TEAMS).insert(team));
        storage.inTransaction(tx -> tx.aggregates(CareTeamStores.TEAMS).update(changed, 1));

        var stored = storage.inTransaction(tx -> tx.aggregates(CareTeamStores.TEAMS).get(team.id()));

        assertThat(stored.value()).isEqualTo(changed);
        assertThat(stored.version()).isEqualTo(2);
    }

    @Test
    void theTeamIsFoundByPatientAndNoOther() {
        PatientId patient = PatientId.random();
        CareTeam team = CarePlans.team(patient, T0);
        storage.inTransaction(tx -> tx.aggregates(CareTeamStores.TEAMS).insert(team));
        storage.inTransaction(tx -> tx.aggregates(CareTeamStores.TEAMS).insert(CarePlans.team(PatientId.random(), T0)));

        var found = storage.inTransaction(tx -> CareTeamStores.forPatient(tx, patient));

        assertThat(found).map(v -> v.value().id()).contains(team.id());
    }

    @Test
    void relationshipsAreReadThroughTheTransaction() {
        PatientId patient = PatientId.random();
        storage.inTransaction(tx -> tx.aggregates(PatientStores.PATIENTS).insert(CarePlans.patient(patient)));
        storage.inTransaction(tx -> tx.aggregates(CareTeamStores.TEAMS).insert(CarePlans.team(patient, T0)));
        var relationships = new CareTeamRelationships();
        Actor lead = Actor.professional(UserId.of("GP-1"), ProfessionalRole.GENERAL_PRACTITIONER, OdsCode.of("A81001"));
        Actor carer = Actor.carer(UserId.of("CARER-1"));

        List<Relationship> leadFound = storage.inTransaction(tx -> relationships.relationships(AccessFacts.of(tx), patient, lead, T0));
        List<Relationship> carerFound = storage.inTransaction(tx -> relationships.relationships(AccessFacts.of(tx), patient, carer, T0));
        List<Relationship> otherPatient = storage.inTransaction(tx ->
                relationships.relationships(AccessFacts.of(tx), PatientId.random(), lead, T0));

        assertThat(leadFound).extracting(Relationship::kind).containsExactly(RelationshipKind.LEAD_PROFESSIONAL);
        assertThat(carerFound).extracting(Relationship::kind).containsExactly(RelationshipKind.CARER_WITH_PROXY);
        assertThat(otherPatient).isEmpty();
    }

    @Test
    void concurrentAdditionsToOneVersionHaveExactlyOneWinner() throws Exception {
        PatientId patient = PatientId.random();
        CareTeam team = CarePlans.team(patient, T0);
        storage.inTransaction(tx -> tx.aggregates(CareTeamStores.TEAMS).insert(team));
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger wins = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                CareTeam next = team.withCarer(new CarerMember(MemberId.random(), UserId.of("FAMILY-" + i),
                        CarerRole.FAMILY_MEMBER, "grandchild", false, Optional.empty(), Optional.of(T0),
                        MembershipPeriod.from(T0)));
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        storage.inTransaction(tx -> tx.aggregates(CareTeamStores.TEAMS).update(next, 1));
                        wins.incrementAndGet();
                    } catch (VersionConflictException e) {
                        conflicts.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(wins.get()).isEqualTo(1);
        assertThat(conflicts.get()).isEqualTo(threads - 1);
        var stored = storage.inTransaction(tx -> tx.aggregates(CareTeamStores.TEAMS).get(team.id()));
        assertThat(stored.value().carers()).hasSize(2);
    }
}
