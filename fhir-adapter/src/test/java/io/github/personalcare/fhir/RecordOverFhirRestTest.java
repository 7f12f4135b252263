package io.github.personalcare.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.provider.HashMapResourceProvider;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.careplan.CarePlan;
import io.github.personalcare.fhir.rest.FhirClient;
import io.github.personalcare.fhir.rest.HapiFhirServer;
import io.github.personalcare.fhir.rest.WriteResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.Test;

/**
 * A whole record (patient, team, plan with goals, budget and ledger, referral, consent, audit)
 * pushed to a real HAPI FHIR server resource by resource, in dependency order, then read back
 * resource by resource: it imports as the same record.
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

    private static <T extends IBaseResource> IResourceProvider provider(Class<T> type) {
        return new HashMapResourceProvider<>(HapiFhirServer.R4, type);
    }

    @Test
    void aWholeRecordPushedInDependencyOrderReadsBackAsTheSameRecord() throws Exception {
        PatientRecord record = wholeRecord();
        List<ObjectNode> resources = records.resources(record);
        Set<String> types = new LinkedHashSet<>();
        resources.forEach(r -> types.add(r.path("resourceType").asText()));
        List<IResourceProvider> providers = new ArrayList<>();
        types.forEach(t -> providers.add(provider(HapiFhirServer.R4.getResourceDefinition(t).getImplementingClass())));

        try (HapiFhirServer server = HapiFhirServer.start(providers)) {
            FhirClient fhir = FhirClient.builder(server.baseUrl()).build();
            List<WriteResult> written = fhir.push(resources);

            assertThat(written).extracting(w -> w.resourceType() + "/" + w.id()).doesNotHaveDuplicates()
                    .hasSize((int) resources.stream().map(r -> r.path("resourceType").asText() + "/" + r.path("id").asText())
                            .distinct().count());
            List<ObjectNode> readBack = new ArrayList<>();
            for (WriteResult w : written) {
                readBack.add(fhir.read(w.resourceType(), w.id()));
            }
            PatientRecord back = FhirImporter.map(FhirBundles.collection(readBack), records).value();
            assertThat(back).isEqualTo(record);
        }
    }
}
