package io.github.personalcare.fhir;

/**
 * The FHIR R4 codes of a budget ledger entry as a ChargeItem, written and read back by
 * {@link LedgerEntryMapper}. The entry kind and the direction of an adjustment are the enums'
 * names in the SDK code systems of {@link BudgetFhir}.
 */
final class LedgerCodes {
    /** {@code ChargeItem.status} of every entry: entries are never deleted or reversed in place. */
    static final String STATUS = "billable";

    /** {@code performer.function} ({@link BudgetFhir#ENTRY_ROLE}) of whoever approved a notional overspend. */
    static final String APPROVER = "approver";

    private LedgerCodes() {
    }
}
