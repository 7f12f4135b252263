package io.github.personalcare.fhir.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Pushed resources arrive each once and after what they reference, whatever order and repeats
 * they are given in (acyclic references, as the SDK's mappers write them).
 */
class WriteOrderProperties {

    /** Resource i references resources j &lt; i chosen by the bits of its mask: always acyclic. */
    private static List<ObjectNode> resources(List<Integer> masks) {
        List<ObjectNode> out = new ArrayList<>();
        for (int i = 0; i < masks.size(); i++) {
            ObjectNode r = JsonNodeFactory.instance.objectNode().put("resourceType", i % 2 == 0 ? "Goal" : "CarePlan")
                    .put("id", "r" + i);
            var refs = r.putArray("supportingInfo");
            for (int j = 0; j < i; j++) {
                if ((masks.get(i) >> (j % 30) & 1) == 1) {
                    refs.addObject().put("reference", (j % 2 == 0 ? "Goal" : "CarePlan") + "/r" + j);
                }
            }
            out.add(r);
        }
        return out;
    }

    @Property
    void eachResourceIsSentOnceAndAfterEveryResourceItReferences(
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = Integer.MAX_VALUE) Integer> masks,
            @ForAll long shuffleSeed) {
        List<ObjectNode> given = new ArrayList<>(resources(masks));
        given.addAll(given.subList(0, given.size() / 2));    // repeats
        java.util.Collections.shuffle(given, new java.util.Random(shuffleSeed));

        List<ObjectNode> ordered = WriteOrder.of(given);

        assertThat(ordered).extracting(WriteOrder::key).doesNotHaveDuplicates().hasSize(masks.size());
        Set<String> sent = new HashSet<>();
        for (ObjectNode r : ordered) {
            assertThat(sent).containsAll(WriteOrder.references(r));
            sent.add(WriteOrder.key(r));
        }
    }
}
