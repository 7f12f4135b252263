package io.github.personalcare.benchmarks;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.budget.AccountKind;
import io.github.personalcare.budget.BudgetHolder;
import io.github.personalcare.budget.BudgetId;
import io.github.personalcare.budget.BudgetLine;
import io.github.personalcare.budget.BudgetLineCode;
import io.github.personalcare.budget.BudgetProposal;
import io.github.personalcare.budget.Eligibility;
import io.github.personalcare.budget.EligibilityReason;
import io.github.personalcare.budget.LedgerCommand;
import io.github.personalcare.budget.Management;
import io.github.personalcare.budget.Money;
import io.github.personalcare.budget.PaymentAccount;
import io.github.personalcare.budget.PersonalHealthBudget;
import io.github.personalcare.budget.Recipient;
import io.github.personalcare.budget.SpendCategory;
import io.github.personalcare.careplan.CarePlan;
import io.github.personalcare.careteam.CareTeam;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.testkit.CarePlans;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Spends per second through {@code care.budgets().recordSpend} on PostgreSQL, beside a plain-JDBC
 * minimal spend in the same run (SELECT the balance FOR UPDATE, UPDATE it, INSERT a ledger row,
 * INSERT an audit row; one transaction), each with the same number of threads, each thread
 * spending from its own budget, through the same fixed pool of connections. A timed harness, not
 * JMH: what is measured is the database round trips. Also reports statements and commits per
 * spend, counted at the pool. Issue 13's target: the SDK at least 0.7 of the baseline.
 *
 * <pre>
 * java -cp ... io.github.personalcare.benchmarks.SpendThroughput [jdbcUrl] [threads] [warmupSeconds] [seconds] [rounds] [budgetsPerThread]
 * </pre>
 * With {@code budgetsPerThread} above 1 (default 1), each thread spends from that many budgets in
 * turn (each of its own patient), the SDK and the baseline alike: spends spread over a population,
 * as a supplier's are, instead of one budget row updated hundreds of times a second.
 * Default URL {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}; each run works in a schema
 * of its own, dropped at the end.
 */
public final class SpendThroughput {
    private static final OdsCode PRACTICE = OdsCode.of("A81001");
    private static final BudgetLineCode PA = BudgetLineCode.of("PA-HOURS");
    private static final String[] NHS_NUMBERS = {"9434765870", "9434765919", "9434765838", "9434765846",
        "9434765862", "9434765889", "9434765897", "9434765900"};

    private SpendThroughput() {
    }

    /**
     * Runs the comparison.
     *
     * @param args URL, threads, warm-up seconds, measured seconds, rounds
     * @throws Exception if the database fails
     */
    public static void main(String[] args) throws Exception {
        TimedPhases.Settings settings = TimedPhases.Settings.parse(args);
        int perThread = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        if (perThread < 1 || perThread > 1_000) {
            throw new IllegalArgumentException("1 to 1,000 budgets per thread");
        }
        if (perThread == 1 && settings.threads() > NHS_NUMBERS.length) {
            throw new IllegalArgumentException("at most " + NHS_NUMBERS.length + " threads");
        }
        System.out.printf("%d budget(s) per thread%n", perThread);
        // a new idempotency key for every spend of the whole run: none is a resend
        TimedPhases.inOwnSchema(settings, pool -> TimedPhases.compare("spends", pool, settings,
                sdkSpends(pool, settings.threads(), perThread), plainSpends(pool, settings.threads(), perThread)));
    }

    /** One patient, care team, agreed plan and active, funded budget per thread, then spends of 1p. */
    private static TimedPhases.Operation sdkSpends(FixedPool pool, int threads, int perThread) {
        TimedPhases.Sdk sdk = TimedPhases.Sdk.on(pool);
        PersonalCare care = sdk.care();
        AccessContext gp = sdk.gp();
        LocalDate today = sdk.today();
        Actor.Professional doctor = (Actor.Professional) gp.actor();
        BudgetId[] budgets = new BudgetId[threads * perThread];
        for (int t = 0; t < budgets.length; t++) {
            NhsNumber nhsNumber = perThread == 1 ? NhsNumber.parse(NHS_NUMBERS[t])
                    : io.github.personalcare.testkit.SyntheticRecords.nhsNumber(t);
            PatientId patient = care.patients().register(gp, nhsNumber, NhsNumberVerification.VERIFIED,
                    new PersonName("Ada", "Lovelace"), LocalDate.of(1950, 12, 10), Set.of(), Optional.of(PRACTICE))
                    .value().id();
            Versioned<CareTeam> team = care.careTeams().establish(gp, patient);
            team = care.careTeams().addProfessional(gp, team.value().id(), doctor.user(), doctor.role(),
                    doctor.organisation(), team.version());
            care.careTeams().appointLead(gp, team.value().id(), team.value().professionals().get(0).id(), team.version());
            AccessContext self = AccessContext.patientSelf(patient);
            Versioned<CarePlan> plan = care.carePlans().draft(self, patient,
                    CarePlans.complete(today.plusMonths(CarePlan.FIRST_BUDGET_REVIEW_MONTHS)));
            plan = care.carePlans().propose(self, plan.value().id(), plan.version());
            plan = care.carePlans().agree(self, plan.value().id(), plan.version());
            plan = care.carePlans().coSign(gp, plan.value().id(), plan.version());
            Versioned<PersonalHealthBudget> budget = care.budgets().propose(gp, new BudgetProposal(patient,
                    plan.value().id(), new Eligibility(EligibilityReason.CONTINUING_HEALTHCARE, today),
                    BudgetHolder.patient(), List.of(new BudgetLine(PA, SpendCategory.PERSONAL_ASSISTANT,
                            Money.parse("60000.00"), Management.directPayment(Recipient.patient(today),
                                    new PaymentAccount(AccountKind.DEDICATED_ACCOUNT, "DP-ACC-1", today)))), today));
            budget = care.budgets().activate(gp, budget.value().id(), budget.version());
            care.budgets().allocate(gp, budget.value().id(), LedgerCommand.Allocation.directPayment("payment-1", PA,
                    Money.parse("50000.00"), today, "DP-ACC-1"));
            budgets[t] = budget.value().id();
        }
        Money penny = Money.ofPence(1);
        String run = UUID.randomUUID().toString().substring(0, 8);
        return (thread, n) -> care.budgets().recordSpend(gp, budgets[thread * perThread + (int) (n % perThread)],
                LedgerCommand.Spend.of(
                "inv-" + run + "-" + n, PA, penny, today, SpendCategory.PERSONAL_ASSISTANT, "Personal assistant"));
    }

    /** The minimum a spend needs in plain JDBC: lock the balance, move it, one ledger row, one audit row. */
    private static TimedPhases.Operation plainSpends(FixedPool pool, int threads, int perThread) throws SQLException {
        UUID[] budgets = new UUID[threads * perThread];
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE plain_budget (id uuid PRIMARY KEY, balance BIGINT NOT NULL, version BIGINT NOT NULL)");
            s.execute("CREATE TABLE plain_ledger (budget_id uuid NOT NULL, seq BIGINT NOT NULL, idempotency_key text NOT NULL, "
                    + "amount BIGINT NOT NULL, PRIMARY KEY (budget_id, seq), UNIQUE (budget_id, idempotency_key))");
            s.execute("CREATE TABLE plain_audit (seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, budget_id uuid NOT NULL, "
                    + "action text NOT NULL, occurred_at timestamptz NOT NULL)");
            for (int t = 0; t < budgets.length; t++) {
                budgets[t] = UUID.randomUUID();
                s.execute("INSERT INTO plain_budget VALUES ('" + budgets[t] + "', 5000000, 1)");
            }
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        return (thread, n) -> {
            UUID budget = budgets[thread * perThread + (int) (n % perThread)];
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                try {
                    long balance;
                    long version;
                    try (PreparedStatement ps = c.prepareStatement(
                            "SELECT balance, version FROM plain_budget WHERE id = ? FOR UPDATE")) {
                        ps.setObject(1, budget);
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            balance = rs.getLong(1);
                            version = rs.getLong(2);
                        }
                    }
                    if (balance < 1) {
                        throw new IllegalStateException("baseline budget exhausted");
                    }
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE plain_budget SET balance = ?, version = ? WHERE id = ?")) {
                        ps.setLong(1, balance - 1);
                        ps.setLong(2, version + 1);
                        ps.setObject(3, budget);
                        ps.executeUpdate();
                    }
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO plain_ledger (budget_id, seq, idempotency_key, amount) VALUES (?, ?, ?, 1)")) {
                        ps.setObject(1, budget);
                        ps.setLong(2, version);
                        ps.setString(3, "inv-" + run + "-" + n);
                        ps.executeUpdate();
                    }
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO plain_audit (budget_id, action, occurred_at) VALUES (?, 'budget.spend', now())")) {
                        ps.setObject(1, budget);
                        ps.executeUpdate();
                    }
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            }
        };
    }
}
