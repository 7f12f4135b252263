package io.github.personalcare.fhir;

import io.github.personalcare.budget.BudgetStatus;
import java.util.Map;

/**
 * The FHIR R4 codes of a personal health budget's Accounts, written by {@link BudgetAccountMapper}
 * and checked by {@link BudgetAccountReader}. The SDK's own code systems (holder kind, management
 * option, status reason ...) use the enums' names and are listed in {@link BudgetFhir}.
 */
final class BudgetCodes {
    /**
     * {@code Account.status} of a budget and of each of its lines. FHIR has no proposed or ended
     * account, so both are written {@code inactive}, which reads as no status: the exact status
     * is in the {@link BudgetFhir#EXT_STATUS} extension, and the Account status must agree with it.
     */
    static final CodeTable<BudgetStatus> ACCOUNT_STATUS = CodeTable.of(BudgetStatus.class, Map.of(
                    BudgetStatus.ACTIVE, "active",
                    BudgetStatus.SUSPENDED, "on-hold"),
            Map.of(BudgetStatus.PROPOSED, "inactive",
                    BudgetStatus.ENDED, "inactive"));

    private BudgetCodes() {
    }
}
