package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The children of a JSON object read from a document: insertion-ordered, like the
 * {@link LinkedHashMap} Jackson would use, but kept in three parallel arrays (keys, their hash codes,
 * values), so a read document costs about a third of the memory per object and a lookup compares
 * cached hash codes in one small array instead of following a hash table's nodes. Most FHIR objects
 * hold two to twelve elements; past {@link #SMALL} keys an open-addressing index of positions is
 * kept beside the arrays, so a hostile object with many keys stays linear to build and each lookup
 * stays constant time.
 */
final class SmallObjectMap extends AbstractMap<String, JsonNode> {
    /** Up to this many keys a lookup scans the hash codes; past it, the index is used. */
    static final int SMALL = 8;
    /** Linear probing at most half full takes about two probes; this many means chosen collisions. */
    static final int MAX_PROBES = 32;

    private String[] keys;
    private int[] hashes;
    private JsonNode[] values;
    private int size;
    // past SMALL keys: slots of (position + 1), 0 for empty; length a power of two, at least twice size
    private int[] index;
    // instead of the index, once keys collide beyond what chance gives (keys chosen to share a hash
    // code): a hash map, whose bins of colliding String keys become trees, so lookups stay logarithmic
    private HashMap<String, Integer> colliding;
    private int modifications;

    SmallObjectMap() {
        this(4);
    }

    SmallObjectMap(int capacity) {
        int c = Math.max(1, capacity);
        keys = new String[c];
        hashes = new int[c];
        values = new JsonNode[c];
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    private int indexOf(Object key) {
        if (!(key instanceof String)) {
            return -1;
        }
        int h = key.hashCode();
        if (index == null && colliding == null) {
            // keys read from a document are interned by the parser, as are the literals mappers ask
            // for: the hash code and identity settle almost every comparison
            for (int i = 0; i < size; i++) {
                if (hashes[i] == h) {
                    String k = keys[i];
                    if (k == key || k.equals(key)) {
                        return i;
                    }
                }
            }
            return -1;
        }
        if (colliding != null) {
            Integer at = colliding.get(key);
            return at == null ? -1 : at;
        }
        int mask = index.length - 1;
        for (int slot = spread(h) & mask;; slot = (slot + 1) & mask) {
            int at = index[slot] - 1;
            if (at < 0) {
                return -1;
            }
            if (hashes[at] == h) {
                String k = keys[at];
                if (k == key || k.equals(key)) {
                    return at;
                }
            }
        }
    }

    private void indexAll() {
        index = new int[Integer.highestOneBit(Math.max(SMALL, size) * 4 - 1)];
        for (int i = 0; i < size && colliding == null; i++) {
            place(i);
        }
    }

    /** Puts position {@code i} in the index; past {@link #MAX_PROBES} probes, moves to the hash map. */
    private void place(int i) {
        if (colliding != null) {
            colliding.put(keys[i], i);
            return;
        }
        int mask = index.length - 1;
        int slot = spread(hashes[i]) & mask;
        for (int probes = 0; index[slot] != 0; probes++) {
            if (probes == MAX_PROBES) {
                colliding = new HashMap<>(size * 2);
                for (int k = 0; k < size; k++) {
                    colliding.put(keys[k], k);
                }
                index = null;
                return;
            }
            slot = (slot + 1) & mask;
        }
        index[slot] = i + 1;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public JsonNode get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    /**
     * Adds {@code key} if it is not there yet, with one lookup, its value to follow through
     * {@link #setValueAt}: the tree reader's put, which refuses a repeated key before reading its value.
     *
     * @return the key's position, or -1, changing nothing, if the key is already there
     */
    int addKey(String key) {
        if (indexOf(key) >= 0) {
            return -1;
        }
        append(key, null);
        return size - 1;
    }

    /** Sets the value at a position {@link #addKey} gave. */
    void setValueAt(int position, JsonNode value) {
        values[position] = value;
    }

    @Override
    public JsonNode put(String key, JsonNode value) {
        Objects.requireNonNull(key, "key");
        int i = indexOf(key);
        if (i >= 0) {
            JsonNode old = values[i];
            values[i] = value;
            return old;
        }
        append(key, value);
        return null;
    }

    private void append(String key, JsonNode value) {
        modifications++;
        if (size == keys.length) {
            int grown = size * 2;
            keys = Arrays.copyOf(keys, grown);
            hashes = Arrays.copyOf(hashes, grown);
            values = Arrays.copyOf(values, grown);
        }
        keys[size] = key;
        hashes[size] = key.hashCode();
        values[size] = value;
        size++;
        if (size > SMALL) {
            if (colliding == null && (index == null || size * 2 > index.length)) {
                indexAll();
            } else {
                place(size - 1);
            }
        }
    }

    @Override
    public JsonNode remove(Object key) {
        int i = indexOf(key);
        if (i < 0) {
            return null;
        }
        JsonNode old = values[i];
        removeAt(i);
        return old;
    }

    private void removeAt(int i) {
        System.arraycopy(keys, i + 1, keys, i, size - i - 1);
        System.arraycopy(hashes, i + 1, hashes, i, size - i - 1);
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        size--;
        keys[size] = null;
        values[size] = null;
        modifications++;
        // positions moved: a tree read from a document is hardly ever changed, so rebuild the index
        index = null;
        colliding = null;
        if (size > SMALL) {
            indexAll();
        }
    }

    @Override
    public void clear() {
        Arrays.fill(keys, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
        index = null;
        colliding = null;
        modifications++;
    }

    @Override
    public Set<String> keySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public boolean contains(Object o) {
                return containsKey(o);
            }

            @Override
            public Iterator<String> iterator() {
                return new Positions<>() {
                    @Override
                    String at(int i) {
                        return keys[i];
                    }
                };
            }
        };
    }

    @Override
    public Collection<JsonNode> values() {
        return new AbstractCollection<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<JsonNode> iterator() {
                return new Positions<>() {
                    @Override
                    JsonNode at(int i) {
                        return values[i];
                    }
                };
            }
        };
    }

    @Override
    public Set<Entry<String, JsonNode>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Entry<String, JsonNode>> iterator() {
                return new Positions<>() {
                    @Override
                    Entry<String, JsonNode> at(int i) {
                        return new SimpleEntry<>(keys[i], values[i]) {
                            private static final long serialVersionUID = 1L;

                            @Override
                            public JsonNode setValue(JsonNode value) {
                                values[i] = value;
                                return super.setValue(value);
                            }
                        };
                    }
                };
            }
        };
    }

    /** Walks the positions in insertion order, failing fast on changes made around it. */
    private abstract class Positions<T> implements Iterator<T> {
        private int next;
        private int last = -1;
        private int expected = modifications;

        abstract T at(int i);

        @Override
        public boolean hasNext() {
            return next < size;
        }

        @Override
        public T next() {
            if (expected != modifications) {
                throw new ConcurrentModificationException();
            }
            if (next >= size) {
                throw new NoSuchElementException();
            }
            last = next++;
            return at(last);
        }

        @Override
        public void remove() {
            if (last < 0) {
                throw new IllegalStateException();
            }
            if (expected != modifications) {
                throw new ConcurrentModificationException();
            }
            removeAt(last);
            next = last;
            last = -1;
            expected = modifications;
        }
    }
}
