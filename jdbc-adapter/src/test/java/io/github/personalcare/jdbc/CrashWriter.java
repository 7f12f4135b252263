package io.github.personalcare.jdbc;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.budget.BudgetHolder;
import io.github.personalcare.budget.BudgetLine;
import io.github.personalcare.budget.BudgetLineCode;
import io.github.personalcare.budget.BudgetProposal;
import io.github.personalcare.budget.Eligibility;
import io.github.personalcare.budget.EligibilityReason;
import io.github.personalcare.budget.LedgerCommand;
import io.github.personalcare.budget.Management;
import io.github.personalcare.budget.Money;
import io.github.personalcare.budget.PersonalHealthBudget;
import io.github.personalcare.budget.SpendCategory;
import io.github.personalcare.careplan.CarePlan;
import io.github.personalcare.careteam.CareTeam;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.testkit.CarePlans;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The child JVM of {@link CrashScenarios}: through the SDK's own services on {@link JdbcStorage},
 * registers three patients, gives each a care team led by their GP, agrees each a care plan and opens each a personal health budget with an
 * allocation (printing {@code BUDGET <budget id>} for each), then records spends of one penny on
 * each budget from a thread of its own as fast as it can, printing {@code ACK <budget id> <idempotency key>} after each
 * committed spend, until it is killed. Each spend is one unit of work: the budget updated at the
 * version read, its ledger entry, the audit record and the outbox event.
 *
 * <p>Arguments: the JDBC URL (PostgreSQL, or an H2 file, which the child migrates) and the schema.
 */
public final class CrashWriter {
    static final int MAX_SPENDS = 50_000;
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final BudgetLineCode PA = BudgetLineCode.of("PA-HOURS");
    static final Money ALLOCATION = Money.parse("5000.00");
    static final AccessContext GP = AccessContext.of(Actor.professional(UserId.of("GP-A81001-1"),
            ProfessionalRole.GENERAL_PRACTITIONER, OdsCode.of("A81001")), Purpose.DIRECT_CARE);
    private static final List<String> NHS_NUMBERS = List.of("9434765870", "9434765919", "4010232137");

    private CrashWriter() {
    }

    /** A spend of one penny with the given key, as the child records it. */
    static LedgerCommand.Spend spend(String key) {
        return LedgerCommand.Spend.of(key, PA, Money.parse("0.01"), TODAY, SpendCategory.PERSONAL_ASSISTANT,
                "Personal assistant, one hour");
    }

    public static void main(String[] args) {
        JdbcStorage storage;
        if (args[0].startsWith("jdbc:h2:")) {
            storage = JdbcStorage.h2(TestDatabases.h2DataSource(args[0]));
            storage.migrate();
        } else {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(args[0]);
            ds.setCurrentSchema(args[1]);
            ds.setLogServerErrorDetail(false);
            // The parent's schema holds the testkit's sample tables too (TestDatabases.postgres()).
            storage = JdbcStorage.builder(ds).dialect(Dialect.POSTGRESQL).additionalMigrations(TestDatabases.TEST_TYPES)
                    .build();
        }
        PersonalCare care = PersonalCare.builder().storage(storage)
                .clock(Clock.fixed(NOW, ZoneId.of("Europe/London"))).build();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

        List<PersonalHealthBudget> budgets = new ArrayList<>();
        for (String nhs : NHS_NUMBERS) {
            PatientId patient = care.patients().register(GP, NhsNumber.parse(nhs), NhsNumberVerification.VERIFIED,
                    new PersonName("Ada", "Lovelace"), LocalDate.of(1950, 12, 10), Set.of(),
                    Optional.of(OdsCode.of("A81001"))).value().id();
            AccessContext self = AccessContext.patientSelf(patient);
            Actor.Professional gp = (Actor.Professional) GP.actor();
            Versioned<CareTeam> team = care.careTeams().establish(GP, patient);
            team = care.careTeams().addProfessional(GP, team.value().id(), gp.user(), gp.role(), gp.organisation(),
                    team.version());
            care.careTeams().appointLead(GP, team.value().id(), team.value().professionals().get(0).id(),
                    team.version());
            Versioned<CarePlan> plan = care.carePlans().draft(self, patient,
                    CarePlans.complete(TODAY.plusMonths(CarePlan.FIRST_BUDGET_REVIEW_MONTHS)));
            plan = care.carePlans().propose(self, plan.value().id(), plan.version());
            plan = care.carePlans().agree(self, plan.value().id(), plan.version());
            plan = care.carePlans().coSign(GP, plan.value().id(), plan.version());
            Versioned<PersonalHealthBudget> proposed = care.budgets().propose(GP, new BudgetProposal(patient, plan.value().id(),
                    new Eligibility(EligibilityReason.CONTINUING_HEALTHCARE, TODAY), BudgetHolder.patient(),
                    List.of(new BudgetLine(PA, SpendCategory.PERSONAL_ASSISTANT, ALLOCATION, Management.notional())),
                    TODAY));
            PersonalHealthBudget budget = care.budgets().activate(GP, proposed.value().id(), proposed.version()).value();
            care.budgets().allocate(GP, budget.id(), LedgerCommand.Allocation.of("allocation-1", PA, ALLOCATION, TODAY));
            budgets.add(budget);
            out.println("BUDGET " + budget.id().value());
        }
        // One writer thread per budget, as tills spending at once: many commits in flight.
        for (PersonalHealthBudget budget : budgets) {
            new Thread(() -> {
                for (int i = 0; i < MAX_SPENDS; i++) {
                    String key = "spend-" + i;
                    care.budgets().recordSpend(GP, budget.id(), spend(key));
                    out.println("ACK " + budget.id().value() + " " + key);
                }
            }, "writer-" + budget.id().value()).start();
        }
    }
}
