package io.github.personalcare.audit;

import io.github.personalcare.lang.ConfigurationException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The keys of the audit trail: the current key, which seals new records, and the earlier keys,
 * which still verify the records they sealed (rotation). A record whose key id is not here does
 * not verify.
 *
 * <p>{@link #unkeyed()}, the default, seals with plain SHA-256 and accepts plain SHA-256 records.
 * A keyed set does not accept unkeyed records unless {@link #acceptingUnkeyed()} says so (when a
 * trail started unkeyed and moved to a key): otherwise an insider could rewrite a record as
 * unkeyed and recompute the chain.
 */
public final class AuditKeys {
    private final AuditKey current;
    private final Map<String, AuditKey> byId;

    private AuditKeys(AuditKey current, Map<String, AuditKey> byId) {
        this.current = current;
        this.byId = Map.copyOf(byId);
    }

    /** {@return plain SHA-256 chains, no secret: for embedded and demo use, not for production} */
    public static AuditKeys unkeyed() {
        Map<String, AuditKey> ids = new LinkedHashMap<>();
        ids.put(AuditKey.UNKEYED_ID, AuditKey.UNKEYED);
        ids.put(AuditKey.LEGACY_ID, AuditKey.LEGACY);
        return new AuditKeys(AuditKey.UNKEYED, ids);
    }

    /**
     * Keyed chains.
     *
     * @param current  the key that seals new records
     * @param previous earlier keys, kept to verify the records they sealed
     * @return the keys
     * @throws ConfigurationException if a key is missing or two keys share an id
     */
    public static AuditKeys of(AuditKey current, AuditKey... previous) {
        if (current == null || !current.isKeyed() || previous == null) {
            throw new ConfigurationException("auditKeys", "needs a current key made with AuditKey.of");
        }
        Map<String, AuditKey> ids = new LinkedHashMap<>();
        ids.put(current.id(), current);
        for (AuditKey k : previous) {
            if (k == null || !k.isKeyed() || ids.putIfAbsent(k.id(), k) != null) {
                throw new ConfigurationException("auditKeys", "previous keys must be keyed, with distinct ids");
            }
        }
        return new AuditKeys(current, ids);
    }

    /**
     * {@return these keys, also accepting plain SHA-256 records (written before a key was set);
     * an insider can rewrite those, so hold a signed checkpoint taken when the key was set}
     */
    public AuditKeys acceptingUnkeyed() {
        Map<String, AuditKey> ids = new LinkedHashMap<>(byId);
        ids.putIfAbsent(AuditKey.UNKEYED_ID, AuditKey.UNKEYED);
        ids.putIfAbsent(AuditKey.LEGACY_ID, AuditKey.LEGACY);
        return new AuditKeys(current, ids);
    }

    /** {@return the key that seals new records} */
    public AuditKey current() {
        return current;
    }

    /** {@return whether new records are sealed with a secret} */
    public boolean isKeyed() {
        return current.isKeyed();
    }

    /**
     * The key with this id, if it is one of these keys.
     *
     * @param id a record's key id
     * @return the key, or empty if the id is unknown (the record does not verify)
     */
    public Optional<AuditKey> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    @Override
    public String toString() {
        return "AuditKeys[current=" + current.id() + ", accepted=" + byId.keySet() + "]";
    }
}
