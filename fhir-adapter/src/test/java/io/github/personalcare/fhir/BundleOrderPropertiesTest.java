package io.github.personalcare.fhir;

import io.github.personalcare.record.PatientRecord;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.audit.AuditChain;
import io.github.personalcare.audit.AuditRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * FHIR gives the entries of a Bundle no order, so any permutation of a whole-record Bundle imports
 * as the same record: the audit trail still in chain order (R50, the chain verifies), each ledger in
 * its recording order, professionals and the other parts in the record's canonical order.
 */
class BundleOrderPropertiesTest {
    private final FhirImporter importer = new FhirImporter(FhirLimits.DEFAULT);
    private final PatientRecordMapper mapper = new PatientRecordMapper();

    @Property(tries = 100)
    @Label("R50 any order of a whole-record Bundle's entries imports as the same record and its audit chain verifies")
    void anyEntryOrderImportsAsTheSameRecord(@ForAll("records") PatientRecord record, @ForAll Random random) {
        ObjectNode bundle = mapper.toFhir(record);
        String exported = FhirWriter.toJson(bundle);
        PatientRecord inOrder = importer.read(exported, mapper).value();

        PatientRecord shuffled = importer.read(FhirWriter.toJson(shuffle(bundle, random)), mapper).value();

        assertThat(shuffled).isEqualTo(inOrder);
        assertThat(FhirWriter.toJson(mapper.toFhir(shuffled))).isEqualTo(exported);
        List<AuditRecord> chain = shuffled.audit();
        assertThat(AuditChain.verify(shuffled.patient().id().value().toString(), chain,
                Optional.of(chain.get(chain.size() - 1))).isIntact()).isTrue();
    }

    @Property(tries = 50)
    @Label("R50 a Bundle whose resources carry their ids only in urn:uuid fullUrls (a transaction's way) imports, in any "
            + "order, as the same record")
    void idsCarriedByFullUrlsInAnyOrder(@ForAll("records") PatientRecord record, @ForAll Random random) {
        ObjectNode bundle = mapper.toTransaction(record);
        String exported = FhirWriter.toJson(mapper.toFhir(record));
        PatientRecord inOrder = importer.read(exported, mapper).value();
        ObjectNode withoutIds = shuffle(bundle, random);
        withoutIds.withArray("entry").forEach(e -> ((ObjectNode) e.get("resource")).remove("id"));

        FhirImport<PatientRecord> back = importer.read(FhirWriter.toJson(withoutIds), mapper);

        assertThat(back.value()).isEqualTo(inOrder);
        assertThat(FhirWriter.toJson(mapper.toFhir(back.value()))).isEqualTo(exported);
        assertThat(back.warnings()).isNotEmpty().extracting(ImportProblem::rule).containsOnly("ID_FROM_FULL_URL");
    }

    @Property(tries = 50)
    @Label("R50 a reversed Bundle imports as the record it was exported from")
    void aReversedBundleImportsAsTheExportedRecord(@ForAll("records") PatientRecord record) {
        ObjectNode bundle = mapper.toFhir(record);
        List<JsonNode> entries = new ArrayList<>();
        bundle.withArray("entry").forEach(entries::add);
        Collections.reverse(entries);
        ArrayNode reversed = bundle.putArray("entry");
        entries.forEach(reversed::add);

        PatientRecord back = importer.read(FhirWriter.toJson(bundle), mapper).value();

        assertThat(back.audit()).isEqualTo(record.audit());
        assertThat(back.ledger()).isEqualTo(record.ledger());
        assertThat(back.professionals()).isEqualTo(record.professionals());
        // budgets are compared by id: what a budget export normalises is BudgetRoundTripPropertiesTest's concern
        assertThat(back.budgets()).extracting(b -> b.id()).isEqualTo(record.budgets().stream().map(b -> b.id()).toList());
        assertThat(back.referrals()).isEqualTo(record.referrals());
        assertThat(back.consents()).isEqualTo(record.consents());
    }

    private static ObjectNode shuffle(ObjectNode bundle, Random random) {
        ObjectNode copy = bundle.deepCopy();
        List<JsonNode> entries = new ArrayList<>();
        copy.withArray("entry").forEach(entries::add);
        Collections.shuffle(entries, random);
        ArrayNode shuffled = copy.putArray("entry");
        entries.forEach(shuffled::add);
        return copy;
    }

    @Provide
    Arbitrary<PatientRecord> records() {
        return GeneratedRecords.records();
    }
}
