package io.github.personalcare.examples;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.budget.AccountKind;
import io.github.personalcare.budget.BudgetHolder;
import io.github.personalcare.budget.BudgetLine;
import io.github.personalcare.budget.BudgetLineCode;
import io.github.personalcare.budget.BudgetProposal;
import io.github.personalcare.budget.BudgetService;
import io.github.personalcare.budget.Eligibility;
import io.github.personalcare.budget.EligibilityReason;
import io.github.personalcare.budget.LedgerCommand;
import io.github.personalcare.budget.LedgerEntry;
import io.github.personalcare.budget.Management;
import io.github.personalcare.budget.Money;
import io.github.personalcare.budget.PaymentAccount;
import io.github.personalcare.budget.PersonalHealthBudget;
import io.github.personalcare.budget.Recipient;
import io.github.personalcare.budget.SpendCategory;
import io.github.personalcare.budget.SpendRejectedException;
import io.github.personalcare.budget.Statement;
import io.github.personalcare.careplan.CarePlan;
import io.github.personalcare.careplan.CarePlanContent;
import io.github.personalcare.careplan.CarePlanId;
import io.github.personalcare.careplan.CarePlanVersion;
import io.github.personalcare.careplan.ReviewArrangements;
import io.github.personalcare.careplan.SupportItem;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.lang.Versioned;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The personal health budget chapter of the story: the patient's agreed care plan funds budget
 * lines (if it funds none, the plan is first reviewed to fund a personal assistant, agreed by the
 * patient and co-signed by the lead professional); a budget is set up against it, with the first line paid to the patient as a direct
 * payment into a registered account and the others held notionally; it is activated, paid,
 * spent from; a spend on an excluded category is refused with its reason (R16); and the
 * period's statement is printed.
 *
 * <pre>{@code
 * PersonalHealthBudget budget = BudgetChapter.run(care, System.out, gp, patientId);
 * }</pre>
 */
public final class BudgetChapter {
    /** The budget line the chapter adds to a plan that funds none. */
    public static final String PERSONAL_ASSISTANT_LINE = "PA-HOURS";
    /** The registered direct-payment account reference used in the story. */
    public static final String ACCOUNT = "DP-ACC-1";

    private BudgetChapter() {
    }

    /**
     * Runs the chapter for a patient with a current agreed care plan.
     *
     * @param care    the SDK
     * @param out     where the story is printed
     * @param officer the professional running the budget: the care team's lead professional, who
     *                co-signs the plan review if one is needed
     * @param patient the patient
     * @return the budget, active, with its spends recorded
     * @throws IllegalStateException if the patient has no agreed care plan
     */
    public static PersonalHealthBudget run(PersonalCare care, PrintStream out, AccessContext officer, PatientId patient) {
        BudgetService budgets = care.budgets();
        LocalDate today = LocalDate.ofInstant(care.clock().instant(), care.clock().getZone());
        Versioned<CarePlan> plan = care.carePlans().plansOf(officer, patient).stream()
                .filter(v -> v.value().currentAgreed().isPresent()).findFirst()
                .orElseThrow(() -> new IllegalStateException("the patient has no agreed care plan"));
        out.println("== Personal health budget ==");
        if (plan.value().currentAgreed().orElseThrow().content().budgetLines().isEmpty()) {
            plan = fundPersonalAssistant(care, out, officer, patient, plan, today);
        }
        CarePlanVersion agreed = plan.value().currentAgreed().orElseThrow();
        List<String> codes = agreed.content().budgetLines();
        out.println("Agreed care plan version " + agreed.number() + " funds budget lines " + codes);

        List<BudgetLine> lines = new ArrayList<>();
        BudgetLineCode direct = BudgetLineCode.of(codes.get(0));
        lines.add(new BudgetLine(direct, SpendCategory.PERSONAL_ASSISTANT, Money.parse("6000.00"),
                Management.directPayment(Recipient.patient(today),
                        new PaymentAccount(AccountKind.DEDICATED_ACCOUNT, ACCOUNT, today))));
        for (String code : codes.subList(1, codes.size())) {
            lines.add(new BudgetLine(BudgetLineCode.of(code), SpendCategory.THERAPY, Money.parse("1200.00"),
                    Management.notional()));
        }
        Versioned<PersonalHealthBudget> proposed = budgets.propose(officer, new BudgetProposal(patient, plan.value().id(),
                new Eligibility(EligibilityReason.CONTINUING_HEALTHCARE, today), BudgetHolder.patient(), lines, today));
        PersonalHealthBudget budget = budgets.activate(officer, proposed.value().id(), proposed.version()).value();
        out.println("Budget " + budget.id() + " is " + budget.status() + "; line " + direct
                + " is a direct payment into registered account " + ACCOUNT);

        LedgerEntry paid = budgets.allocate(officer, budget.id(), LedgerCommand.Allocation.directPayment("payment-1",
                direct, Money.parse("1500.00"), today, ACCOUNT));
        out.println("Direct payment of " + paid.amount() + " made; first review due by "
                + budgets.get(officer, budget.id()).value().nextReviewDue().orElseThrow() + " (R22)");
        budgets.recordSpend(officer, budget.id(), LedgerCommand.Spend.of("invoice-1", direct, Money.parse("240.00"),
                today, SpendCategory.PERSONAL_ASSISTANT, "Personal assistant, first fortnight"));
        budgets.recordSpend(officer, budget.id(), LedgerCommand.Spend.of("invoice-2", direct, Money.parse("36.50"),
                today, SpendCategory.TRANSPORT, "Taxi to the day centre"));
        out.println("Two spends recorded; balance now " + budgets.balance(officer, budget.id()));

        try {
            budgets.recordSpend(officer, budget.id(), LedgerCommand.Spend.of("invoice-3", direct, Money.parse("18.00"),
                    today, SpendCategory.ALCOHOL, "Off-licence"));
            out.println("Spend on alcohol was recorded (this should never happen)");
        } catch (SpendRejectedException e) {
            out.println("Spend on " + SpendCategory.ALCOHOL + " refused: " + e.reason() + " (" + e.rule() + ")");
        }

        Statement statement = budgets.statement(officer, budget.id(), today);
        out.println("Statement " + statement.period().start() + " to " + statement.period().lastDay());
        out.println("  opening balance " + statement.opening());
        for (LedgerEntry e : statement.entries()) {
            out.println("  " + e.date() + "  " + pad(e.kind().name(), 10) + pad(e.line().value(), 12)
                    + (e.signedPence() < 0 ? "-" : "+") + e.amount());
        }
        for (Statement.LineStatement line : statement.lines()) {
            out.println("  line " + pad(line.line().value(), 12) + "paid in " + line.allocated() + ", spent "
                    + line.spent() + ", closing " + line.closing());
        }
        out.println("  closing balance " + statement.closing());
        return budgets.get(officer, budget.id()).value();
    }

    /**
     * Reviews the agreed plan so that its support section funds a personal assistant from a
     * budget line: the patient agrees the new version and the lead professional co-signs it. A
     * plan that starts funding a budget is reviewed within 3 months (R22).
     */
    private static Versioned<CarePlan> fundPersonalAssistant(PersonalCare care, PrintStream out, AccessContext lead,
            PatientId patient, Versioned<CarePlan> plan, LocalDate today) {
        CarePlanId id = plan.value().id();
        CarePlanContent current = plan.value().currentAgreed().orElseThrow().content();
        List<SupportItem> support = new ArrayList<>(current.supportAndServices());
        support.add(SupportItem.fundedBy("A personal assistant, ten hours a week", PERSONAL_ASSISTANT_LINE));
        CarePlanContent funded = current.withSupportAndServices(support)
                .withReview(ReviewArrangements.on(today.plusMonths(CarePlan.FIRST_BUDGET_REVIEW_MONTHS)));
        AccessContext self = AccessContext.patientSelf(patient);
        Versioned<CarePlan> v = care.carePlans().startReview(lead, id, plan.version());
        v = care.carePlans().edit(lead, id, funded, v.version());
        v = care.carePlans().propose(lead, id, v.version());
        v = care.carePlans().agree(self, id, v.version());
        v = care.carePlans().coSign(lead, id, v.version());
        out.println("Care plan reviewed: a personal assistant is now funded from budget line " + PERSONAL_ASSISTANT_LINE);
        return v;
    }

    private static String pad(String s, int width) {
        StringBuilder b = new StringBuilder(s);
        while (b.length() < width) {
            b.append(' ');
        }
        return b.append(' ').toString();
    }
}
