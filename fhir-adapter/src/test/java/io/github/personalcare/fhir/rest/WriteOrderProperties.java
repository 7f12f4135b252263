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
 * they are given in (acyclic references); with cycles (the budget and line Accounts, a plan and its
 * snapshots), every reference points into an earlier group or the resource's own group, and a group
 * is only as large as its cycle.
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

    /** Resource i references resource j (any j, itself included) when bit j of its mask is set: cycles allowed. */
    private static List<ObjectNode> anyGraph(List<Integer> masks) {
        List<ObjectNode> out = new ArrayList<>();
        for (int i = 0; i < masks.size(); i++) {
            ObjectNode r = JsonNodeFactory.instance.objectNode().put("resourceType", "Account").put("id", "r" + i);
            var refs = r.putArray("partOf");
            for (int j = 0; j < masks.size(); j++) {
                if ((masks.get(i) >> j & 1) == 1) {
                    refs.addObject().put("reference", "Account/r" + j);
                }
            }
            out.add(r);
        }
        return out;
    }

    @Property
    void everyReferencePointsIntoAnEarlierGroupOrItsOwnAndEachGroupIsACycle(
            @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 4095) Integer> masks) {
        List<ObjectNode> given = anyGraph(masks);

        List<List<ObjectNode>> groups = WriteOrder.groups(given);

        assertThat(groups.stream().mapToInt(List::size).sum()).isEqualTo(masks.size());
        Set<String> sent = new HashSet<>();
        for (List<ObjectNode> group : groups) {
            Set<String> own = new HashSet<>();
            group.forEach(r -> own.add(WriteOrder.key(r)));
            for (ObjectNode r : group) {
                for (String target : WriteOrder.references(r)) {
                    assertThat(sent.contains(target) || own.contains(target)).as("reference into a later group").isTrue();
                }
                if (group.size() > 1) {    // every member reaches every other member: a real cycle
                    assertThat(reachable(given, WriteOrder.key(r))).containsAll(own);
                }
            }
            sent.addAll(own);
        }
    }

    private static Set<String> reachable(List<ObjectNode> all, String from) {
        Set<String> seen = new HashSet<>();
        List<String> pending = new ArrayList<>(List.of(from));
        while (!pending.isEmpty()) {
            String key = pending.remove(pending.size() - 1);
            for (ObjectNode r : all) {
                if (WriteOrder.key(r).equals(key)) {
                    WriteOrder.references(r).stream().filter(seen::add).forEach(pending::add);
                }
            }
        }
        return seen;
    }
}
