package io.github.personalcare.audit;

/** The result of checking audit hash chains: intact, or broken at a named record. */
public sealed interface AuditVerification permits AuditVerification.Intact, AuditVerification.Broken {

    /** {@return whether every chain checked is intact} */
    default boolean isIntact() {
        return this instanceof Intact;
    }

    /** Every record links to its predecessor and hashes to its stored hash. */
    record Intact(long recordsChecked) implements AuditVerification {
    }

    /**
     * The chain is broken at {@code sequence}: a record was edited, removed, inserted or reordered.
     *
     * @param chain    the chain (patient id or {@code "system"})
     * @param sequence the first record that does not verify
     * @param problem  what does not match
     */
    record Broken(String chain, long sequence, String problem) implements AuditVerification {
    }
}
