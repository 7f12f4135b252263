package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.budget.BudgetId;
import io.github.personalcare.budget.BudgetLine;
import io.github.personalcare.budget.BudgetLineCode;
import io.github.personalcare.budget.LineAccount;
import io.github.personalcare.budget.Management;
import io.github.personalcare.budget.PersonalHealthBudget;
import io.github.personalcare.budget.StatusChange;
import io.github.personalcare.identity.OdsCode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link PersonalHealthBudget} as base R4 Accounts (no UK Core profile exists, R51): one
 * Account for the budget and one child Account per funding line ({@code partOf} the budget).
 *
 * <ul>
 *   <li>Budget Account: {@code identifier} the budget id, {@code status} from the budget status
 *       ({@link BudgetCodes#ACCOUNT_STATUS}: PROPOSED and ENDED → inactive, ACTIVE → active,
 *       SUSPENDED → on-hold; the exact status in an SDK extension), {@code type} SDK code
 *       {@code personal-health-budget}, {@code subject} the Patient, {@code servicePeriod.start} the start date, {@code owner} the holding
 *       Organization (holder ORGANISATION). SDK extensions carry the care plan (R15), the
 *       eligibility (R18), the holder, the period length, the plan's review date, the first
 *       direct payment (R22), the status history (without its free-text detail) and a reference
 *       to each line Account, in line order.</li>
 *   <li>Line Account: {@code identifier} the line code, {@code type} the management option
 *       (R14), {@code owner} the third party (its ODS code if it has one, its name as display),
 *       {@code guarantor} the direct-payment recipient (R19) with their consent date as
 *       {@code period.start}; SDK extensions carry the category (R16), the planned amount per
 *       period, the running totals (R17), the registered payment account (R21) and any audited
 *       Schedule override (R20).</li>
 * </ul>
 *
 * <p>Not exported (they stay in the SDK and are empty after an import): completed reviews,
 * review tasks (R23), written notices and reconsiderations (R24), the direct-payment stop
 * (R25, R26) and the free-text detail of status changes. {@link #fromFhir} reads a budget
 * Account and the line Accounts it references, which must be in the same Bundle.
 */
public final class BudgetAccountMapper implements FhirMapper<PersonalHealthBudget> {
    private final BudgetAccountReader reader;

    /** A mapper for budget Accounts; line Accounts' problems are reported at the references to them. */
    public BudgetAccountMapper() {
        this(new IdentityHashMap<>());
    }

    /** A mapper that reports problems in a line Account at its Bundle entry's path. */
    BudgetAccountMapper(Map<JsonNode, String> entryPaths) {
        this.reader = new BudgetAccountReader(entryPaths);
    }

    @Override
    public String resourceType() {
        return "Account";
    }

    @Override
    public String profile() {
        return BudgetFhir.BASE_ACCOUNT;
    }

    /**
     * The stable id of the Account of one line of a budget: a name-based UUID of budget id and line code.
     *
     * @param budget the budget's id
     * @param line   the line's code
     * @return the line Account's resource id
     */
    public static String lineIdFor(BudgetId budget, BudgetLineCode line) {
        return Elements.derivedId("Account", budget + "|" + line.value());
    }

    /** True if the resource is a budget Account (not a line Account or a foreign Account). */
    static boolean isBudgetAccount(JsonNode resource) {
        for (JsonNode type : resource.path("type").path("coding")) {
            if (BudgetFhir.ACCOUNT_TYPE.equals(type.path("system").asText())
                    && BudgetFhir.BUDGET_ACCOUNT_CODE.equals(type.path("code").asText())) {
                return true;
            }
        }
        return false;
    }

    /** The organisations the budget's Accounts point at (holder, third parties), for the Bundle. */
    static Set<OdsCode> organisations(PersonalHealthBudget budget) {
        Set<OdsCode> out = new LinkedHashSet<>();
        budget.holder().organisation().ifPresent(out::add);
        for (BudgetLine line : budget.lines()) {
            if (line.management() instanceof Management.ThirdParty t) {
                t.odsCode().ifPresent(out::add);
            }
        }
        return out;
    }

    /**
     * The budget Account followed by one Account per line, in line order.
     *
     * @param budget the budget
     * @return the budget's Account resources, in Bundle order
     */
    public List<ObjectNode> accounts(PersonalHealthBudget budget) {
        List<ObjectNode> out = new ArrayList<>();
        out.add(toFhir(budget));
        for (int i = 0; i < budget.lines().size(); i++) {
            out.add(lineAccount(budget, budget.lines().get(i), budget.accounts().get(i)));
        }
        return out;
    }

    @Override
    public ObjectNode toFhir(PersonalHealthBudget b) {
        ObjectNode r = Elements.resource("Account", b.id().toString(), profile());
        ArrayNode ext = r.putArray("extension");
        ext.add(SdkExtensions.extension(BudgetFhir.EXT_CARE_PLAN)
                .set("valueReference", Elements.reference("CarePlan", b.carePlan().toString())));
        ObjectNode eligibility = SdkExtensions.extension(BudgetFhir.EXT_ELIGIBILITY);
        ArrayNode e = eligibility.putArray("extension");
        e.add(SdkExtensions.extension("reason").set("valueCoding",
                Elements.coding(BudgetFhir.ELIGIBILITY_REASON, b.eligibility().reason().name())));
        e.add(SdkExtensions.extension("from").put("valueDate", b.eligibility().from().toString()));
        ext.add(eligibility);
        ObjectNode holder = SdkExtensions.extension(BudgetFhir.EXT_HOLDER);
        ArrayNode h = holder.putArray("extension");
        h.add(SdkExtensions.extension("kind").set("valueCoding",
                Elements.coding(BudgetFhir.HOLDER_KIND, b.holder().kind().name())));
        b.holder().person().ifPresent(p -> h.add(SdkExtensions.extension("person")
                .set("valueIdentifier", Elements.identifier(FhirSystems.SDK_USER_ID, p.value()))));
        ext.add(holder);
        ext.add(SdkExtensions.extension(BudgetFhir.EXT_STATUS)
                .set("valueCoding", Elements.coding(BudgetFhir.BUDGET_STATUS, b.status().name())));
        ext.add(SdkExtensions.extension(BudgetFhir.EXT_PERIOD_MONTHS).put("valuePositiveInt", b.periodMonths()));
        b.planReviewDue().ifPresent(d -> ext.add(SdkExtensions.extension(BudgetFhir.EXT_PLAN_REVIEW_DUE)
                .put("valueDate", d.toString())));
        b.firstDirectPayment().ifPresent(d -> ext.add(SdkExtensions.extension(BudgetFhir.EXT_FIRST_DIRECT_PAYMENT)
                .put("valueDate", d.toString())));
        for (StatusChange c : b.history()) {
            ObjectNode change = SdkExtensions.extension(BudgetFhir.EXT_STATUS_CHANGE);
            ArrayNode parts = change.putArray("extension");
            parts.add(SdkExtensions.extension("status").set("valueCoding",
                    Elements.coding(BudgetFhir.BUDGET_STATUS, c.status().name())));
            parts.add(SdkExtensions.extension("on").put("valueDate", c.on().toString()));
            parts.add(SdkExtensions.extension("reason").set("valueCoding",
                    Elements.coding(BudgetFhir.STATUS_REASON, c.reason().name())));
            ext.add(change);
        }
        for (BudgetLine line : b.lines()) {
            ext.add(SdkExtensions.extension(BudgetFhir.EXT_LINE_ACCOUNT).set("valueReference",
                    Elements.reference("Account", lineIdFor(b.id(), line.code()), BudgetFhir.BUDGET_LINE,
                            line.code().value())));
        }
        r.putArray("identifier").add(Elements.identifier(BudgetFhir.BUDGET_ID, b.id().toString()));
        r.put("status", BudgetCodes.ACCOUNT_STATUS.code(b.status()));
        r.set("type", Elements.concept(Elements.coding(BudgetFhir.ACCOUNT_TYPE, BudgetFhir.BUDGET_ACCOUNT_CODE,
                BudgetFhir.BUDGET_ACCOUNT_DISPLAY)));
        r.putArray("subject").add(Elements.reference("Patient", b.patient().toString()));
        r.putObject("servicePeriod").put("start", b.startDate().toString());
        b.holder().organisation().ifPresent(ods -> r.set("owner", OrganizationMapper.referenceTo(ods)));
        return r;
    }

    private ObjectNode lineAccount(PersonalHealthBudget b, BudgetLine line, LineAccount totals) {
        ObjectNode r = Elements.resource("Account", lineIdFor(b.id(), line.code()), profile());
        ArrayNode ext = r.putArray("extension");
        ext.add(SdkExtensions.extension(BudgetFhir.EXT_LINE_CATEGORY)
                .set("valueCoding", Elements.coding(BudgetFhir.SPEND_CATEGORY, line.category().code())));
        ext.add(SdkExtensions.extension(BudgetFhir.EXT_LINE_PLANNED)
                .set("valueMoney", BudgetFhir.money(line.plannedPerPeriod().pence())));
        ext.add(SdkExtensions.extension(BudgetFhir.EXT_LINE_FREQUENCY)
                .set("valueCoding", Elements.coding(BudgetFhir.PAYMENT_FREQUENCY, line.paymentFrequency().name())));
        ObjectNode sums = SdkExtensions.extension(BudgetFhir.EXT_LINE_TOTALS);
        ArrayNode t = sums.putArray("extension");
        t.add(SdkExtensions.extension("allocated").set("valueMoney", BudgetFhir.money(totals.allocated())));
        t.add(SdkExtensions.extension("spent").set("valueMoney", BudgetFhir.money(totals.spent())));
        t.add(SdkExtensions.extension("refunded").set("valueMoney", BudgetFhir.money(totals.refunded())));
        t.add(SdkExtensions.extension("adjustedUp").set("valueMoney", BudgetFhir.money(totals.adjustedUp())));
        t.add(SdkExtensions.extension("adjustedDown").set("valueMoney", BudgetFhir.money(totals.adjustedDown())));
        t.add(SdkExtensions.extension("recovered").set("valueMoney", BudgetFhir.money(totals.recovered())));
        ext.add(sums);
        if (line.management() instanceof Management.DirectPayment dp) {
            ObjectNode account = SdkExtensions.extension(BudgetFhir.EXT_PAYMENT_ACCOUNT);
            ArrayNode a = account.putArray("extension");
            a.add(SdkExtensions.extension("kind").set("valueCoding",
                    Elements.coding(BudgetFhir.PAYMENT_ACCOUNT_KIND, dp.account().kind().name())));
            a.add(SdkExtensions.extension("reference").put("valueString", dp.account().reference()));
            a.add(SdkExtensions.extension("registeredOn").put("valueDate", dp.account().registeredOn().toString()));
            ext.add(account);
            dp.scheduleOverride().ifPresent(o -> {
                ObjectNode override = SdkExtensions.extension(BudgetFhir.EXT_SCHEDULE_OVERRIDE);
                ArrayNode parts = override.putArray("extension");
                parts.add(SdkExtensions.extension("approvedBy").set("valueIdentifier",
                        Elements.identifier(FhirSystems.SDK_USER_ID, o.approvedBy().value())));
                parts.add(SdkExtensions.extension("reason").put("valueString", o.reason()));
                ext.add(override);
            });
        }
        r.putArray("identifier").add(Elements.identifier(BudgetFhir.BUDGET_LINE, line.code().value()));
        r.put("status", BudgetCodes.ACCOUNT_STATUS.code(b.status()));
        r.set("type", Elements.concept(Elements.coding(BudgetFhir.MANAGEMENT_OPTION, line.option().name())));
        r.putArray("subject").add(Elements.reference("Patient", b.patient().toString()));
        if (line.management() instanceof Management.ThirdParty tp) {
            ObjectNode owner = tp.odsCode().map(OrganizationMapper::referenceTo).orElseGet(Elements::object);
            owner.put("display", tp.organisation());
            r.set("owner", owner);
        }
        if (line.management() instanceof Management.DirectPayment dp) {
            ObjectNode guarantor = r.putArray("guarantor").addObject();
            guarantor.putArray("extension").add(SdkExtensions.extension(BudgetFhir.EXT_RECIPIENT_KIND)
                    .set("valueCoding", Elements.coding(BudgetFhir.RECIPIENT_KIND, dp.recipient().kind().name())));
            guarantor.set("party", dp.recipient().person()
                    .map(p -> BudgetFhir.identifierReference("RelatedPerson", FhirSystems.SDK_USER_ID, p.value()))
                    .orElseGet(() -> Elements.reference("Patient", b.patient().toString())));
            guarantor.putObject("period").put("start", dp.recipient().consentedOn().toString());
        }
        r.set("partOf", Elements.reference("Account", b.id().toString(), BudgetFhir.BUDGET_ID, b.id().toString()));
        return r;
    }

    /**
     * Reads a budget Account and the line Accounts it references, which must be in the same
     * Bundle; see {@link BudgetAccountReader}.
     */
    @Override
    public Optional<PersonalHealthBudget> fromFhir(JsonNode json, ImportContext context) {
        return reader.read(json, context);
    }
}
