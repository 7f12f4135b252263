package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.budget.Money;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The URIs of the personal health budget mapping ({@link BudgetAccountMapper},
 * {@link LedgerEntryMapper}) and the few readers and writers only they use: money as a FHIR
 * Money in GBP (pence become a decimal of scale 2 here and only here, R17) and references. Their
 * extensions, codes and dates are read and written with {@link SdkExtensions}.
 * Kept apart from {@link FhirSystems} so the budget mapping reads as one piece; every URI is
 * listed in {@code docs/fhir-mapping.md}.
 */
final class BudgetFhir {
    static final String BASE_ACCOUNT = "http://hl7.org/fhir/StructureDefinition/Account";
    static final String BASE_CHARGE_ITEM = "http://hl7.org/fhir/StructureDefinition/ChargeItem";

    private static final String CS = FhirSystems.SDK_CODES;
    private static final String ID = FhirSystems.SDK_BASE + "/Id/";
    private static final String EXT = FhirSystems.SDK_EXTENSION;

    /** Account.type of a budget: code {@code personal-health-budget}. */
    static final String ACCOUNT_TYPE = CS + "budget-account-type";
    static final String BUDGET_ACCOUNT_CODE = "personal-health-budget";
    static final String BUDGET_ACCOUNT_DISPLAY = "Personal health budget";
    /** Account.type of a funding line: the {@code ManagementOption} name (R14). */
    static final String MANAGEMENT_OPTION = CS + "budget-management-option";
    static final String BUDGET_STATUS = CS + "budget-status";
    static final String STATUS_REASON = CS + "budget-status-reason";
    static final String ELIGIBILITY_REASON = CS + "budget-eligibility-reason";
    static final String HOLDER_KIND = CS + "budget-holder-kind";
    static final String RECIPIENT_KIND = CS + "direct-payment-recipient-kind";
    static final String PAYMENT_ACCOUNT_KIND = CS + "direct-payment-account-kind";
    static final String SPEND_CATEGORY = CS + "spend-category";
    static final String PAYMENT_FREQUENCY = CS + "payment-frequency";
    static final String ENTRY_KIND = CS + "ledger-entry-kind";
    static final String ENTRY_DIRECTION = CS + "ledger-entry-direction";
    static final String ENTRY_ROLE = CS + "ledger-entry-role";

    static final String BUDGET_ID = ID + "budget-id";
    static final String BUDGET_LINE = ID + "budget-line";
    static final String IDEMPOTENCY_KEY = ID + "ledger-idempotency-key";
    static final String NOTICE_ID = ID + "budget-notice-id";
    static final String ACTOR_REFERENCE = ID + "actor-reference";

    static final String EXT_CARE_PLAN = EXT + "budget-care-plan";
    static final String EXT_ELIGIBILITY = EXT + "budget-eligibility";
    static final String EXT_HOLDER = EXT + "budget-holder";
    static final String EXT_STATUS = EXT + "budget-status";
    static final String EXT_PERIOD_MONTHS = EXT + "budget-period-months";
    static final String EXT_PLAN_REVIEW_DUE = EXT + "budget-plan-review-due";
    static final String EXT_FIRST_DIRECT_PAYMENT = EXT + "budget-first-direct-payment";
    static final String EXT_STATUS_CHANGE = EXT + "budget-status-change";
    static final String EXT_LINE_ACCOUNT = EXT + "budget-line-account";
    static final String EXT_LINE_CATEGORY = EXT + "budget-line-category";
    static final String EXT_LINE_PLANNED = EXT + "budget-line-planned-per-period";
    static final String EXT_LINE_FREQUENCY = EXT + "budget-line-payment-frequency";
    static final String EXT_LINE_TOTALS = EXT + "budget-line-totals";
    static final String EXT_RECIPIENT_KIND = EXT + "direct-payment-recipient-kind";
    static final String EXT_PAYMENT_ACCOUNT = EXT + "direct-payment-account";
    static final String EXT_SCHEDULE_OVERRIDE = EXT + "direct-payment-schedule-override";
    static final String EXT_ENTRY_BUDGET = EXT + "ledger-entry-budget";
    static final String EXT_ENTRY_DIRECTION = EXT + "ledger-entry-direction";
    static final String EXT_ENTRY_PAYEE = EXT + "ledger-entry-payee";
    static final String EXT_ENTRY_NOTICE = EXT + "ledger-entry-notice";
    /** The entry's position (from 1) in its budget's ledger, which orders the ledger whatever the Bundle order. */
    static final String EXT_ENTRY_SEQUENCE = EXT + "ledger-entry-sequence";

    private BudgetFhir() {
    }

    // --- writing ---

    /** A FHIR Money of the pence in GBP: a decimal of scale 2 ({@code 1250} → {@code 12.50}). */
    static ObjectNode money(long pence) {
        ObjectNode m = Elements.object();
        m.put("value", BigDecimal.valueOf(pence, 2));
        m.put("currency", Money.CURRENCY);
        return m;
    }

    /** A reference by business identifier only (the target is not a resource of the Bundle); {@code type} may be null. */
    static ObjectNode identifierReference(String type, String system, String value) {
        ObjectNode r = Elements.object();
        if (type != null) {
            r.put("type", type);
        }
        r.set("identifier", Elements.identifier(system, value));
        return r;
    }

    // --- reading ---

    /**
     * The pence of a FHIR Money in {@code name}: a number of pounds that is an exact number of
     * pence, not negative, in GBP (R17). Anything else is a problem naming the path; nothing is
     * rounded.
     */
    /** The largest amount accepted on import: 999,999,999,999.99 pounds, as {@code Money.parse} allows. */
    private static final BigDecimal MAX_PENCE = new BigDecimal("99999999999999");

    static Optional<Long> pence(FhirElement element, String name) {
        Optional<FhirElement> money = element.object(name);
        if (money.isEmpty()) {
            element.problem(name, "R17", "an amount is required");
            return Optional.empty();
        }
        FhirElement m = money.get();
        Optional<String> currency = m.requiredText("currency", "R17");
        if (currency.isPresent() && !Money.CURRENCY.equals(currency.get())) {
            m.problem("currency", "R17", "must be GBP");
        }
        JsonNode value = m.json().get("value");
        if (value == null || value.isNull()) {
            m.problem("value", "R17", "is required");
            return Optional.empty();
        }
        if (!value.isNumber()) {
            m.problem("value", "R17", "must be a number");
            return Optional.empty();
        }
        try {
            BigDecimal pounds = value.decimalValue();
            if (pounds.signum() < 0) {
                m.problem("value", "R17", "must not be negative");
                return Optional.empty();
            }
            BigDecimal pence = pounds.movePointRight(2);
            if (pence.stripTrailingZeros().scale() > 0) {
                m.problem("value", "R17", "must be an exact number of pence");
                return Optional.empty();
            }
            if (pence.compareTo(MAX_PENCE) > 0) {
                // As Money.parse: at most 12 pound digits, so sums of many entries never overflow a long.
                m.problem("value", "R17", "is out of range (at most 12 pound digits)");
                return Optional.empty();
            }
            long exact = pence.longValueExact();
            return currency.filter(Money.CURRENCY::equals).map(c -> exact);
        } catch (ArithmeticException e) {
            m.problem("value", "R17", "is out of range");
            return Optional.empty();
        }
    }

    /**
     * The logical id of a literal reference to {@code type} in {@code name}: {@code Type/id} or a
     * fullUrl of the Bundle.
     */
    static Optional<String> referencedId(FhirElement reference, String type, String rule) {
        Optional<String> literal = reference.requiredText("reference", rule);
        if (literal.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> id = References.logicalId(literal.get(), type, reference.context());
        if (id.isEmpty()) {
            reference.problem("reference", rule, "must point at a " + type);
        }
        return id;
    }
}
