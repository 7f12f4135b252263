package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Example;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple3;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The map the tree reader keeps a JSON object's children in behaves as the {@link LinkedHashMap}
 * Jackson would have used: the same answers, the same insertion order, before and after it grows
 * past {@link SmallObjectMap#SMALL} keys, under random puts, replacements and removals (by key and
 * through the entry iterator), and with keys chosen to share one hash code (the index gives way to a
 * hash map, so such an object stays cheap to read).
 */
class SmallObjectMapProperties {
    @Provide
    Arbitrary<List<Tuple3<Integer, String, Integer>>> operations() {
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 3);
        Arbitrary<String> key = Arbitraries.integers().between(0, 20).map(i -> "k" + i);
        Arbitrary<Integer> value = Arbitraries.integers().between(0, 1000);
        return Arbitraries.lazy(() -> kind.flatMap(k -> key.flatMap(s -> value.map(v -> Tuple.of(k, s, v)))))
                .list().ofMaxSize(60);
    }

    @Property(tries = 500)
    void behavesAsALinkedHashMap(@ForAll("operations") List<Tuple3<Integer, String, Integer>> operations) {
        SmallObjectMap small = new SmallObjectMap();
        Map<String, JsonNode> reference = new LinkedHashMap<>();
        for (Tuple3<Integer, String, Integer> op : operations) {
            switch (op.get1()) {
                case 0, 1 -> assertThat(small.put(op.get2(), IntNode.valueOf(op.get3())))
                        .isEqualTo(reference.put(op.get2(), IntNode.valueOf(op.get3())));
                case 2 -> assertThat(small.remove(op.get2())).isEqualTo(reference.remove(op.get2()));
                default -> {
                    // remove the first entry whose value is even, through the iterator
                    removeFirstEven(small.entrySet().iterator());
                    removeFirstEven(reference.entrySet().iterator());
                }
            }
            assertThat(small.size()).isEqualTo(reference.size());
            assertThat(small.containsKey(op.get2())).isEqualTo(reference.containsKey(op.get2()));
            assertThat(small.get(op.get2())).isEqualTo(reference.get(op.get2()));
            assertThat(new ArrayList<>(small.keySet())).containsExactlyElementsOf(reference.keySet());
            assertThat(new ArrayList<>(small.values())).containsExactlyElementsOf(reference.values());
            assertThat(small).isEqualTo(reference);
            assertThat(small.hashCode()).isEqualTo(reference.hashCode());
        }
    }

    @Example
    void keysSharingOneHashCodeStillBehaveAsALinkedHashMap() {
        // "Aa" and "BB" share a hash code, so every word of 11 such pairs does: 2,048 colliding keys
        List<String> colliding = new ArrayList<>(List.of(""));
        for (int round = 0; round < 11; round++) {
            List<String> longer = new ArrayList<>();
            for (String k : colliding) {
                longer.add(k + "Aa");
                longer.add(k + "BB");
            }
            colliding = longer;
        }
        int shared = colliding.get(0).hashCode();
        assertThat(colliding).allMatch(k -> k.hashCode() == shared);
        SmallObjectMap small = new SmallObjectMap();
        Map<String, JsonNode> reference = new LinkedHashMap<>();
        for (int i = 0; i < colliding.size(); i++) {
            String key = colliding.get(i);
            assertThat(small.addKey(key)).isEqualTo(i);
            small.setValueAt(i, IntNode.valueOf(i));
            reference.put(key, IntNode.valueOf(i));
            assertThat(small.addKey(key)).isEqualTo(-1);
        }
        assertThat(small).isEqualTo(reference);
        assertThat(new ArrayList<>(small.keySet())).containsExactlyElementsOf(reference.keySet());
        for (String key : colliding) {
            assertThat(small.get(key)).isEqualTo(reference.get(key));
        }
        assertThat(small.get("AaAaAaAaAaAaAaAaAaAaAaCc")).isNull();
        assertThat(small.remove(colliding.get(7))).isEqualTo(reference.remove(colliding.get(7)));
        assertThat(small).isEqualTo(reference);
        assertThat(small.get(colliding.get(8))).isEqualTo(IntNode.valueOf(8));
    }

    private static void removeFirstEven(Iterator<Map.Entry<String, JsonNode>> entries) {
        while (entries.hasNext()) {
            if (entries.next().getValue().intValue() % 2 == 0) {
                entries.remove();
                return;
            }
        }
    }
}
