package io.github.personalcare.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A budget Bundle damaged anywhere inside its Accounts and ChargeItems (an element removed, or
 * replaced by a value of the wrong JSON type) either still imports or is refused with problems
 * that name a JSON path and a rule; nothing else is ever thrown.
 */
class BudgetBadInputPropertiesTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<JsonNode> REPLACEMENTS = List.of(NODES.textNode("x"), NODES.numberNode(-1),
            NODES.numberNode(new BigDecimal("0.001")), NODES.booleanNode(true), NODES.arrayNode(), NODES.objectNode(),
            NODES.nullNode(), NODES.textNode("Account/not-a-uuid"), NODES.textNode("2025-02-30"));

    private final FhirImporter importer = new FhirImporter(FhirLimits.DEFAULT);
    private final PatientRecordMapper records = new PatientRecordMapper();

    @Property(tries = 400)
    void damagedBudgetBundleImportsOrListsProblemsWithPaths(@ForAll("positions") int position,
            @ForAll("replacements") int replacement) {
        ObjectNode bundle = records.toFhir(BudgetFixtures.record());
        List<Slot> slots = new ArrayList<>();
        for (JsonNode entry : bundle.get("entry")) {
            String type = entry.at("/resource/resourceType").asText();
            if (type.equals("Account") || type.equals("ChargeItem")) {
                collect(entry.get("resource"), slots);
            }
        }
        Slot slot = slots.get(position % slots.size());
        if (replacement == REPLACEMENTS.size()) {
            slot.remove();
        } else {
            slot.replace(REPLACEMENTS.get(replacement).deepCopy());
        }
        try {
            importer.read(FhirWriter.toJson(bundle), records);
        } catch (FhirImportException e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
                assertThat(p.jsonPath()).startsWith("$");
                assertThat(p.rule()).isNotBlank();
            });
        }
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 10_000);
    }

    @Provide
    Arbitrary<Integer> replacements() {
        return Arbitraries.integers().between(0, REPLACEMENTS.size());
    }

    private record Slot(JsonNode parent, String name, int index) {
        void remove() {
            if (parent instanceof ObjectNode o) {
                o.remove(name);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }

        void replace(JsonNode value) {
            if (parent instanceof ObjectNode o) {
                o.set(name, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    private static void collect(JsonNode node, List<Slot> out) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                if (!name.equals("resourceType")) {
                    out.add(new Slot(node, name, -1));
                    collect(node.get(name), out);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(new Slot(node, null, i));
                collect(node.get(i), out);
            }
        }
    }
}
