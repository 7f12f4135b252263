package io.github.personalcare.jdbc;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.budget.AccountKind;
import io.github.personalcare.budget.BudgetHolder;
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
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.testkit.CarePlans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many statements, commits and connections each service command costs on JDBC storage (H2),
 * counted at the driver, so that a change that adds a round trip fails here. The ceilings are what
 * the commands cost today (issue 13 tracks bringing a spend down to one transaction of at most 8
 * statements); lower them as the path gets shorter, never raise them without a reason.
 */
class StatementCountTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate TODAY = LocalDate.ofInstant(NOW, LONDON);
    private static final OdsCode PRACTICE = OdsCode.of("A81001");
    private static final AccessContext GP = AccessContext.of(Actor.professional(UserId.of("GP-A81001-1"),
            ProfessionalRole.GENERAL_PRACTITIONER, PRACTICE), Purpose.DIRECT_CARE);
    private static final BudgetLineCode PA = BudgetLineCode.of("PA-HOURS");

    private final String url = TestDatabases.h2Url();
    private final CountingDataSource db = new CountingDataSource(TestDatabases.h2DataSource(url));
    private final PersonalCare care;
    private final Map<String, CountingDataSource.Counts> measured = new LinkedHashMap<>();

    StatementCountTest() {
        JdbcStorage storage = JdbcStorage.builder(db).dialect(Dialect.H2).build();
        storage.migrate();
        storage.inTransaction(tx -> null); // opening checks the schema once; no command's cost
        care = PersonalCare.builder().storage(storage).clock(Clock.fixed(NOW, LONDON)).build();
    }

    @AfterEach
    void shutDown() {
        TestDatabases.execute(TestDatabases.h2DataSource(url), "SHUTDOWN");
    }

    private <T> T count(String command, Supplier<T> call) {
        db.reset();
        T result = call.get();
        measured.put(command, db.reset());
        return result;
    }

    @Test
    void eachCommandStaysWithinItsStatementCommitAndConnectionCeiling() {
        PatientId patient = count("patient.register", () -> care.patients().register(GP, NhsNumber.parse("9434765870"),
                NhsNumberVerification.VERIFIED, new PersonName("Ada", "Lovelace"), LocalDate.of(1950, 12, 10),
                Set.of(PatientFlag.COMPLEX_NEEDS), Optional.of(PRACTICE))).value().id();
        AccessContext self = AccessContext.patientSelf(patient);
        Actor.Professional gp = (Actor.Professional) GP.actor();
        Versioned<CareTeam> team = count("careteam.establish", () -> care.careTeams().establish(GP, patient));
        Versioned<CareTeam> t1 = team;
        team = count("careteam.addProfessional", () -> care.careTeams().addProfessional(GP, t1.value().id(),
                gp.user(), gp.role(), gp.organisation(), t1.version()));
        care.careTeams().appointLead(GP, team.value().id(), team.value().professionals().get(0).id(), team.version());

        Versioned<CarePlan> drafted = count("careplan.draft", () -> care.carePlans().draft(self, patient,
                CarePlans.complete(TODAY.plusMonths(CarePlan.FIRST_BUDGET_REVIEW_MONTHS))));
        Versioned<CarePlan> proposed = care.carePlans().propose(self, drafted.value().id(), drafted.version());
        Versioned<CarePlan> agreed = count("careplan.agree", () -> care.carePlans().agree(self,
                proposed.value().id(), proposed.version()));
        Versioned<CarePlan> plan = care.carePlans().coSign(GP, agreed.value().id(), agreed.version());
        count("careplan.read", () -> care.carePlans().get(GP, plan.value().id()));

        Versioned<PersonalHealthBudget> budget = care.budgets().propose(GP, new BudgetProposal(patient,
                plan.value().id(), new Eligibility(EligibilityReason.CONTINUING_HEALTHCARE, TODAY),
                BudgetHolder.patient(), List.of(new BudgetLine(PA, SpendCategory.PERSONAL_ASSISTANT,
                        Money.parse("6000.00"), Management.directPayment(Recipient.patient(TODAY),
                                new PaymentAccount(AccountKind.DEDICATED_ACCOUNT, "DP-ACC-1", TODAY)))), TODAY));
        var active = care.budgets().activate(GP, budget.value().id(), budget.version());
        count("budget.allocate", () -> care.budgets().allocate(GP, active.value().id(),
                LedgerCommand.Allocation.directPayment("payment-1", PA, Money.parse("1500.00"), TODAY, "DP-ACC-1")));
        count("budget.recordSpend", () -> care.budgets().recordSpend(GP, active.value().id(),
                LedgerCommand.Spend.of("invoice-1", PA, Money.parse("240.00"), TODAY, SpendCategory.PERSONAL_ASSISTANT,
                        "Personal assistant")));
        count("budget.balance", () -> care.budgets().balance(GP, active.value().id()));

        Map<String, int[]> ceilings = new LinkedHashMap<>();
        ceilings.put("patient.register", new int[] {CEILING_REGISTER, 1, 1});
        ceilings.put("careteam.establish", new int[] {CEILING_ESTABLISH, 1, 1});
        ceilings.put("careteam.addProfessional", new int[] {CEILING_ADD_PROFESSIONAL, 1, 1});
        ceilings.put("careplan.draft", new int[] {CEILING_DRAFT, 1, 1});
        ceilings.put("careplan.agree", new int[] {CEILING_AGREE, 1, 1});
        ceilings.put("careplan.read", new int[] {CEILING_READ, 1, 1});
        ceilings.put("budget.allocate", new int[] {CEILING_ALLOCATE, 1, 1});
        ceilings.put("budget.recordSpend", new int[] {CEILING_SPEND, 1, 1});
        ceilings.put("budget.balance", new int[] {CEILING_BALANCE, 1, 1});
        ceilings.forEach((command, max) -> {
            CountingDataSource.Counts c = measured.get(command);
            assertThat(c.statements()).as(command + " statements").isLessThanOrEqualTo(max[0]);
            assertThat(c.commits()).as(command + " commits").isLessThanOrEqualTo(max[1]);
            assertThat(c.connections()).as(command + " connections").isLessThanOrEqualTo(max[2]);
        });
    }

    private static final int CEILING_REGISTER = 9;
    private static final int CEILING_ESTABLISH = 13;
    private static final int CEILING_ADD_PROFESSIONAL = 14;
    private static final int CEILING_DRAFT = 10;
    private static final int CEILING_AGREE = 11;
    private static final int CEILING_READ = 12;
    private static final int CEILING_ALLOCATE = 19;
    private static final int CEILING_SPEND = 19;
    private static final int CEILING_BALANCE = 12;
}
