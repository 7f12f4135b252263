package io.github.personalcare.jdbc;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
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
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.messaging.Conversation;
import io.github.personalcare.messaging.ConversationId;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.record.ImportReport;
import io.github.personalcare.record.PatientRecord;
import io.github.personalcare.record.RecordImportService;
import io.github.personalcare.testkit.CarePlans;
import io.github.personalcare.testkit.SyntheticRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
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
 * How many statements, commits and connections each service command costs on JDBC storage,
 * counted at the driver, so that a change that adds a round trip fails here. The ceilings are what
 * the commands cost today, per database (issue 13: a spend in one transaction of at most 8
 * statements; issue 19: a message post no more than a spend); lower them as the path gets shorter, never raise them without a reason. The counts
 * are those of a storage that has served a command before: the first access decision teaches the
 * storage which of a patient's tables the decisions read, and later ones read them in one statement.
 */
abstract class StatementCountScenarios {
    private static final Instant NOW = FundedPatient.NOW;
    private static final ZoneId LONDON = FundedPatient.LONDON;
    private static final LocalDate TODAY = FundedPatient.TODAY;
    private static final OdsCode PRACTICE = FundedPatient.PRACTICE;
    private static final AccessContext GP = FundedPatient.GP;
    private static final BudgetLineCode PA = FundedPatient.PA;

    private CountingDataSource db;
    private PersonalCare care;
    private final Map<String, CountingDataSource.Counts> measured = new LinkedHashMap<>();
    private List<String> lastPrepared = List.of();

    /** A fresh, empty database of the dialect under test. */
    abstract DataSource open();

    abstract Dialect dialect();

    /** Drops the database {@link #open} made. */
    abstract void close();

    /** The statement ceiling of each command, by the names {@link #count} is given. */
    abstract Map<String, Integer> ceilings();

    /** The statement ceiling of one chunk of {@link RecordImportService#CHUNK} new records imported together. */
    abstract int importChunkCeiling();

    @BeforeEach
    void openStorage() {
        db = new CountingDataSource(open());
        JdbcStorage storage = JdbcStorage.builder(db).dialect(dialect()).build();
        storage.migrate();
        storage.inTransaction(tx -> null); // opening checks the schema once; no command's cost
        care = PersonalCare.builder().storage(storage).clock(Clock.fixed(NOW, LONDON)).build();
    }

    @AfterEach
    void shutDown() {
        close();
    }

    private <T> T count(String command, Supplier<T> call) {
        db.reset();
        T result = call.get();
        lastPrepared = db.prepared();
        measured.put(command, db.reset());
        return result;
    }

    @Test
    void aChunkOfImportedRecordsIsOneTransactionOfAFewStatements() {
        AccessContext migration = AccessContext.of(Actor.system("migration-test"), Purpose.MIGRATION);
        List<PatientRecord> records = new SyntheticRecords(7, NOW).records(2 * RecordImportService.CHUNK);
        // the first chunk teaches the storage the import tables' schema; the second is counted
        care.imports().importAll(migration, "synthetic-gp-system", records.subList(0, RecordImportService.CHUNK), p -> { });

        ImportReport report = count("imports.chunk", () -> care.imports().importAll(migration, "synthetic-gp-system",
                records.subList(RecordImportService.CHUNK, records.size()), p -> { }));

        assertThat(report.totals().imported()).isEqualTo(RecordImportService.CHUNK);
        CountingDataSource.Counts c = measured.get("imports.chunk");
        System.out.printf("%s statements for a chunk of %d records: %s%n", dialect(), RecordImportService.CHUNK, c);
        lastPrepared.stream().map(q -> q.length() > 60 ? q.substring(0, 60) : q)
                .collect(java.util.stream.Collectors.groupingBy(q -> q, java.util.stream.Collectors.counting()))
                .forEach((q, n) -> System.out.println("  " + n + " x " + q));
        assertThat(c.statements()).as("statements").isLessThanOrEqualTo(importChunkCeiling());
        assertThat(c.commits()).as("commits").isEqualTo(1);
        assertThat(c.connections()).as("connections").isEqualTo(1);
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
        count("budget.recordSpend.resent", () -> care.budgets().recordSpend(GP, active.value().id(),
                LedgerCommand.Spend.of("invoice-1", PA, Money.parse("240.00"), TODAY, SpendCategory.PERSONAL_ASSISTANT,
                        "Personal assistant")));
        count("budget.balance", () -> care.budgets().balance(GP, active.value().id()));

        // issue 19: posting a message costs no more than a budget spend
        Versioned<Conversation> conversation = count("messaging.open", () -> care.messaging().open(self, patient,
                "My new inhaler"));
        ConversationId id = conversation.value().id();
        care.messaging().post(self, id, "Can I take it twice a day?", List.of());
        count("messaging.post", () -> care.messaging().post(self, id, "And with my other tablets?", List.of()));
        count("messaging.post.byCareTeam", () -> care.messaging().post(GP, id, "Yes, morning and evening.",
                List.of()));
        count("messaging.markRead", () -> care.messaging().markRead(self, id, 3));
        count("messaging.read", () -> care.messaging().get(self, id));

        assertThat(measured.keySet()).containsExactlyInAnyOrderElementsOf(ceilings().keySet());
        ceilings().forEach((command, max) -> {
            CountingDataSource.Counts c = measured.get(command);
            assertThat(c.statements()).as(command + " statements").isLessThanOrEqualTo(max);
            assertThat(c.commits()).as(command + " commits").isEqualTo(1);
            assertThat(c.connections()).as(command + " connections").isEqualTo(1);
        });
        for (String post : List.of("messaging.post", "messaging.post.byCareTeam")) {
            assertThat(measured.get(post).statements()).as(post + " costs no more than a budget spend (issue 19)")
                    .isLessThanOrEqualTo(measured.get("budget.recordSpend").statements());
        }
        System.out.printf("%s statements per command: %s%n", dialect(), measured);
    }
}
