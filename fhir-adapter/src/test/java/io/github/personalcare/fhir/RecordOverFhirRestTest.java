package io.github.personalcare.fhir;

import io.github.personalcare.record.PatientRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;

import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.provider.HashMapResourceProvider;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.careplan.CarePlan;
import io.github.personalcare.fhir.rest.FhirClient;
import io.github.personalcare.fhir.rest.FhirValidationException;
import io.github.personalcare.fhir.rest.HapiFhirServer;
import io.github.personalcare.fhir.rest.WriteResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.junit.jupiter.api.Test;

/**
 * A record pushed to a real HAPI FHIR server resource by resource in dependency order, then read
 * back resource by resource, imports as the same record; a server that refuses dangling references
 * accepts it in that order and refuses it in the mapper's Bundle order.
 */
class RecordOverFhirRestTest {
    private final PatientRecordMapper records = new PatientRecordMapper();

    private static PatientRecord wholeRecord() {
        PatientRecord budgetRecord = BudgetFixtures.record();
        CarePlan agreed = CareFixtures.agreed();
        CarePlan plan = new CarePlan(BudgetFixtures.PLAN, agreed.patient(), agreed.status(), agreed.content(),
                agreed.versions(), agreed.personAgreement(), agreed.leadCoSignature(), agreed.endReason(),
                agreed.endedAt(), agreed.draftedAt());
        return PatientRecord.builder(budgetRecord.patient()).careTeams(List.of(CareFixtures.team()))
                .carePlans(List.of(plan)).budgets(budgetRecord.budgets()).ledger(budgetRecord.ledger())
                .audit(budgetRecord.audit()).build();
    }

    private static <T extends IBaseResource> HashMapResourceProvider<T> provider(Class<T> type) {
        return new HashMapResourceProvider<>(HapiFhirServer.R4, type);
    }

    /** Refuses (422) a write that references a resource the server does not hold, as a strict server does. */
    public static final class ReferencesMustResolve {
        private final Map<String, HashMapResourceProvider<?>> byType;

        ReferencesMustResolve(Map<String, HashMapResourceProvider<?>> byType) {
            this.byType = byType;
        }

        @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
        public void check(RequestDetails request) {
            IBaseResource resource = request.getResource();
            if (resource == null) {
                return;
            }
            for (IBaseReference reference : HapiFhirServer.R4.newTerser()
                    .getAllPopulatedChildElementsOfType(resource, IBaseReference.class)) {
                IIdType target = reference.getReferenceElement();
                if (!target.hasResourceType() || !target.hasIdPart() || target.isAbsolute()) {
                    continue;
                }
                HashMapResourceProvider<?> provider = byType.get(target.getResourceType());
                boolean held = provider != null && provider.getStoredResources().stream()
                        .anyMatch(r -> r.getIdElement().getIdPart().equals(target.getIdPart()));
                if (!held) {
                    throw new UnprocessableEntityException("reference to a resource the server does not hold");
                }
            }
        }
    }

    private List<IResourceProvider> providersFor(List<ObjectNode> resources, Map<String, HashMapResourceProvider<?>> byType) {
        Set<String> types = new LinkedHashSet<>();
        resources.forEach(r -> types.add(r.path("resourceType").asText()));
        types.forEach(t -> byType.put(t, provider(HapiFhirServer.R4.getResourceDefinition(t).getImplementingClass())));
        return new ArrayList<>(byType.values());
    }

    @Test
    void aServerThatChecksReferencesRefusesTheMappersOrderSentAsIs() {
        List<ObjectNode> resources = records.resources(careRecord());
        Map<String, HashMapResourceProvider<?>> byType = new LinkedHashMap<>();
        try (HapiFhirServer server = HapiFhirServer.start(providersFor(resources, byType),
                List.of(new ReferencesMustResolve(byType)))) {
            FhirClient fhir = FhirClient.builder(server.baseUrl()).build();
            assertThatExceptionOfType(FhirValidationException.class).as("Patient before its Organization").isThrownBy(() -> {
                for (ObjectNode r : resources) {
                    fhir.upsert(r);
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Patient, professionals, care team, an agreed plan with its goals, audit: references without
     * cycles. A reviewed plan is left out: its working CarePlan and each version snapshot reference
     * each other (the version's {@code content} and the snapshot's {@code versionOf}), a cycle no
     * order of single writes satisfies on a server that checks references.
     */
    private static PatientRecord careRecord() {
        return PatientRecord.builder(Fixtures.ada()).careTeams(List.of(CareFixtures.team()))
                .carePlans(List.of(CareFixtures.agreed())).audit(Fixtures.adaAudit()).build();
    }

    private PatientRecord pushAndReadBack(PatientRecord record, boolean strict) {
        List<ObjectNode> resources = records.resources(record);
        Map<String, HashMapResourceProvider<?>> byType = new LinkedHashMap<>();
        List<IResourceProvider> providers = providersFor(resources, byType);
        List<Object> interceptors = strict ? List.of(new ReferencesMustResolve(byType)) : List.of();
        try (HapiFhirServer server = HapiFhirServer.start(providers, interceptors)) {
            FhirClient fhir = FhirClient.builder(server.baseUrl()).build();
            List<WriteResult> written = fhir.push(resources);
            assertThat(written).extracting(w -> w.resourceType() + "/" + w.id()).doesNotHaveDuplicates()
                    .hasSize((int) resources.stream().map(r -> r.path("resourceType").asText() + "/" + r.path("id").asText())
                            .distinct().count());
            List<ObjectNode> readBack = new ArrayList<>();
            for (WriteResult w : written) {
                readBack.add(fhir.read(w.resourceType(), w.id()));
            }
            return FhirImporter.map(FhirBundles.collection(readBack), records).value();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCareRecordPushedInDependencyOrderToAServerThatChecksReferencesReadsBackAsTheSameRecord() {
        PatientRecord record = careRecord();
        assertThat(pushAndReadBack(record, true)).isEqualTo(record);
    }

    /**
     * A budget Account and its line Accounts reference each other (the budget names its lines, each
     * line is {@code partOf} the budget): no order of single writes satisfies a server that checks
     * references, so this record is pushed to a server that does not.
     */
    @Test
    void aWholeRecordWithABudgetPushedInDependencyOrderReadsBackAsTheSameRecord() {
        PatientRecord record = wholeRecord();
        assertThat(pushAndReadBack(record, false)).isEqualTo(record);
    }
}
