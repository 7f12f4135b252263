package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The children of a JSON object read from a document: insertion-ordered, like the
 * {@link LinkedHashMap} Jackson would use, but kept in two arrays while the object is small (most
 * FHIR objects hold two to five elements), so a read document costs about a third of the memory
 * per object; past {@link #SMALL} keys it moves to a {@link LinkedHashMap}, so a hostile object
 * with many keys stays linear to build.
 */
final class SmallObjectMap extends AbstractMap<String, JsonNode> {
    static final int SMALL = 8;

    private String[] keys = new String[4];
    private JsonNode[] values = new JsonNode[4];
    private int size;
    private LinkedHashMap<String, JsonNode> large;
    private int modifications;

    private int indexOf(Object key) {
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return large != null ? large.size() : size;
    }

    @Override
    public boolean containsKey(Object key) {
        return large != null ? large.containsKey(key) : indexOf(key) >= 0;
    }

    @Override
    public JsonNode get(Object key) {
        if (large != null) {
            return large.get(key);
        }
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public JsonNode put(String key, JsonNode value) {
        Objects.requireNonNull(key, "key");
        if (large != null) {
            return large.put(key, value);
        }
        int i = indexOf(key);
        if (i >= 0) {
            JsonNode old = values[i];
            values[i] = value;
            return old;
        }
        modifications++;
        if (size == SMALL) {
            large = new LinkedHashMap<>(SMALL * 4);
            for (int k = 0; k < size; k++) {
                large.put(keys[k], values[k]);
            }
            keys = null;
            values = null;
            size = 0;
            return large.put(key, value);
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = key;
        values[size] = value;
        size++;
        return null;
    }

    @Override
    public JsonNode remove(Object key) {
        if (large != null) {
            return large.remove(key);
        }
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
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        size--;
        keys[size] = null;
        values[size] = null;
        modifications++;
    }

    @Override
    public void clear() {
        if (large != null) {
            large.clear();
            return;
        }
        Arrays.fill(keys, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
        modifications++;
    }

    @Override
    public Set<Entry<String, JsonNode>> entrySet() {
        if (large != null) {
            return large.entrySet();
        }
        return new AbstractSet<>() {
            @Override
            public int size() {
                return SmallObjectMap.this.size();
            }

            @Override
            public Iterator<Entry<String, JsonNode>> iterator() {
                if (large != null) {
                    return large.entrySet().iterator();
                }
                return new Iterator<>() {
                    private int next;
                    private int last = -1;
                    private int expected = modifications;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, JsonNode> next() {
                        if (expected != modifications) {
                            throw new ConcurrentModificationException();
                        }
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        last = next++;
                        int at = last;
                        return new SimpleEntry<>(keys[at], values[at]) {
                            private static final long serialVersionUID = 1L;

                            @Override
                            public JsonNode setValue(JsonNode value) {
                                values[at] = value;
                                return super.setValue(value);
                            }
                        };
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
                };
            }
        };
    }
}
