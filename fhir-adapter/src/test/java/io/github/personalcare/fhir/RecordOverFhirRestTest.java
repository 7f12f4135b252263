package io.github.personalcare.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.careplan.CarePlan;
import io.github.personalcare.fhir.rest.BundleResponse;
import io.github.personalcare.fhir.rest.FhirClient;
import io.github.personalcare.fhir.rest.FhirValidationException;
import io.github.personalcare.fhir.testserver.HapiFhirServer;
import io.github.personalcare.fhir.testserver.InMemoryStore;
import io.github.personalcare.fhir.rest.WriteResult;
import io.github.personalcare.record.PatientRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A record pushed to a real HAPI FHIR server (single writes in dependency order, strongly
 * connected groups as transactions, or the whole record as one transaction), then read back
 * resource by resource, imports as the same record; a server that refuses dangling references
 * accepts it that way and refuses it in the mapper's Bundle order.
 */
class RecordOverFhirRestTest {
    private final PatientRecordMapper records = new PatientRecordMapper();

    /** Patient, professionals, care team, budget with its lines and ledger, a referral, a consent, audit, and the given plan. */
    static PatientRecord wholeRecord(CarePlan given) {
        PatientRecord budgetRecord = BudgetFixtures.record();
        CarePlan plan = new CarePlan(BudgetFixtures.PLAN, given.patient(), given.status(), given.content(),
                given.versions(), given.personAgreement(), given.leadCoSignature(), given.endReason(),
                given.endedAt(), given.draftedAt());
        return PatientRecord.builder(budgetRecord.patient()).careTeams(List.of(CareFixtures.team()))
                .carePlans(List.of(plan)).budgets(budgetRecord.budgets()).ledger(budgetRecord.ledger())
                .referrals(List.of(ReferralConsentFixtures.bookedTwoWeekWait()))
                .consents(List.of(ReferralConsentFixtures.carerMaySeeThePlan())).audit(budgetRecord.audit()).build();
    }

    /**
     * Patient, professionals, care team, an agreed plan with its goals, audit: references without
     * cycles.
     */
    private static PatientRecord careRecord() {
        return PatientRecord.builder(Fixtures.ada()).careTeams(List.of(CareFixtures.team()))
                .carePlans(List.of(CareFixtures.agreed())).audit(Fixtures.adaAudit()).build();
    }

    static Set<String> types(List<ObjectNode> resources) {
        Set<String> types = new LinkedHashSet<>();
        resources.forEach(r -> types.add(r.path("resourceType").asText()));
        return types;
    }

    private static long distinct(List<ObjectNode> resources) {
        return resources.stream().map(r -> r.path("resourceType").asText() + "/" + r.path("id").asText()).distinct().count();
    }

    /** Pushes the record with {@code push}, reads back every resource written, imports what came back. */
    private PatientRecord pushAndReadBack(PatientRecord record, boolean checkReferences,
                                          Function<FhirClient, Function<List<ObjectNode>, List<String>>> push) {
        return pushAndReadBack(record, checkReferences, false, push);
    }

    /** As above, to a server that also validates every request against R4 and UK Core if {@code validating}. */
    static PatientRecord pushAndReadBack(PatientRecord record, boolean checkReferences, boolean validating,
                                         Function<FhirClient, Function<List<ObjectNode>, List<String>>> push) {
        PatientRecordMapper records = new PatientRecordMapper();
        List<ObjectNode> resources = records.resources(record);
        InMemoryStore store = new InMemoryStore(types(resources), checkReferences);
        try (HapiFhirServer server = validating ? HapiFhirServer.startValidating(store) : HapiFhirServer.start(store)) {
            FhirClient fhir = FhirClient.builder(server.baseUrl()).build();
            List<String> written = push.apply(fhir).apply(resources);
            assertThat(written).doesNotHaveDuplicates().hasSize((int) distinct(resources));
            assertThat(store.count()).isEqualTo(written.size());
            List<ObjectNode> readBack = new ArrayList<>();
            for (String w : written) {
                readBack.add(fhir.read(w.substring(0, w.indexOf('/')), w.substring(w.indexOf('/') + 1)));
            }
            return FhirImporter.map(FhirBundles.collection(readBack), records).value();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Function<List<ObjectNode>, List<String>> singleWrites(FhirClient fhir) {
        return resources -> fhir.push(resources).stream().map(w -> w.resourceType() + "/" + w.id()).toList();
    }

    static Function<List<ObjectNode>, List<String>> oneTransaction(FhirClient fhir) {
        return resources -> {
            BundleResponse response = fhir.pushAsTransaction(resources);
            assertThat(response.allSucceeded()).isTrue();
            assertThat(response.entries()).allSatisfy(e -> assertThat(e.status()).isEqualTo(201))
                    .allSatisfy(e -> assertThat(e.versionId()).contains("1"));
            return response.entries().stream().map(e -> {
                String location = e.location().orElseThrow();
                return location.substring(0, location.indexOf("/_history"));
            }).toList();
        };
    }

    @Test
    void aServerThatChecksReferencesRefusesTheMappersOrderSentAsIs() throws Exception {
        List<ObjectNode> resources = records.resources(careRecord());
        try (HapiFhirServer server = HapiFhirServer.start(new InMemoryStore(types(resources), true))) {
            FhirClient fhir = FhirClient.builder(server.baseUrl()).build();
            assertThatExceptionOfType(FhirValidationException.class).as("Patient before its Organization").isThrownBy(() -> {
                for (ObjectNode r : resources) {
                    fhir.upsert(r);
                }
            });
        }
    }

    /**
     * A budget Account and its line Accounts reference each other (the budget names its lines, each
     * line is {@code partOf} the budget), and so do a reviewed CarePlan and its version snapshots:
     * no order of single writes satisfies a server that checks references.
     */
    @Test
    void aServerThatChecksReferencesRefusesTheMutuallyReferencingAccountsSentOneByOneInAnyOrder() throws Exception {
        List<ObjectNode> resources = records.resources(wholeRecord(CareFixtures.reagreed()));
        List<ObjectNode> accounts = resources.stream().filter(r -> r.path("resourceType").asText().equals("Account")).toList();
        assertThat(accounts).hasSizeGreaterThan(1);
        InMemoryStore store = new InMemoryStore(types(resources), true);
        try (HapiFhirServer server = HapiFhirServer.start(store)) {
            FhirClient fhir = FhirClient.builder(server.baseUrl()).build();
            List<ObjectNode> rest = new ArrayList<>(resources);
            rest.removeAll(accounts);
            rest.removeIf(r -> r.path("resourceType").asText().equals("ChargeItem"));    // they reference the Accounts
            fhir.push(rest);    // everything an Account references besides another Account is now held
            for (ObjectNode account : accounts) {
                assertThatExceptionOfType(FhirValidationException.class).as("an Account before the others it references")
                        .isThrownBy(() -> fhir.upsert(account));
            }
        }
    }

    @Test
    void aCareRecordPushedInDependencyOrderToAServerThatChecksReferencesReadsBackAsTheSameRecord() {
        PatientRecord record = careRecord();
        assertThat(pushAndReadBack(record, true, RecordOverFhirRestTest::singleWrites)).isEqualTo(record);
    }

    @Test
    void aWholeRecordWithABudgetAndAReviewedPlanPushedToAServerThatChecksReferencesReadsBackAsTheSameRecord() {
        PatientRecord record = wholeRecord(CareFixtures.reagreed());
        assertThat(pushAndReadBack(record, true, RecordOverFhirRestTest::singleWrites)).isEqualTo(record);
    }

    @Test
    void aWholeRecordPushedAsOneTransactionToAServerThatChecksReferencesReadsBackAsTheSameRecord() {
        PatientRecord record = wholeRecord(CareFixtures.underReview());
        assertThat(pushAndReadBack(record, true, RecordOverFhirRestTest::oneTransaction)).isEqualTo(record);
    }

    @Test
    void aTransactionSentTwiceUpdatesEachResourceOnceMoreAndCreatesNone() throws Exception {
        List<ObjectNode> resources = records.resources(wholeRecord(CareFixtures.agreed()));
        InMemoryStore store = new InMemoryStore(types(resources), true);
        try (HapiFhirServer server = HapiFhirServer.start(store)) {
            FhirClient fhir = FhirClient.builder(server.baseUrl()).build();
            fhir.requireInteractions("Account", "read", "update");
            ObjectNode bundle = FhirBundles.transaction(resources);
            BundleResponse first = fhir.transaction(bundle);
            BundleResponse second = fhir.transaction(bundle);
            assertThat(first.entries()).hasSize((int) distinct(resources)).allSatisfy(e -> assertThat(e.status()).isEqualTo(201));
            assertThat(second.entries()).hasSize(first.entries().size()).allSatisfy(e -> {
                assertThat(e.status()).isEqualTo(200);
                assertThat(e.versionId()).contains("2");
            });
            assertThat(store.count()).isEqualTo(first.entries().size());
        }
    }

    @Test
    void aTransactionWithADanglingReferenceIsRefusedWhole() throws Exception {
        List<ObjectNode> resources = records.resources(careRecord());
        List<ObjectNode> withoutPatient = resources.stream().filter(r -> !r.path("resourceType").asText().equals("Patient")).toList();
        InMemoryStore store = new InMemoryStore(types(resources), true);
        try (HapiFhirServer server = HapiFhirServer.start(store)) {
            FhirClient fhir = FhirClient.builder(server.baseUrl()).build();
            assertThatExceptionOfType(FhirValidationException.class).isThrownBy(() -> fhir.pushAsTransaction(withoutPatient));
            assertThat(store.count()).isZero();
        }
    }
}
