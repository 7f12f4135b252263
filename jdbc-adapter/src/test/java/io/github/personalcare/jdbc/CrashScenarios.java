package io.github.personalcare.jdbc;

import io.github.personalcare.audit.AuditKeys;
import io.github.personalcare.audit.AuditOutcome;
import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.budget.BudgetId;
import io.github.personalcare.budget.BudgetStores;
import io.github.personalcare.budget.EntryKind;
import io.github.personalcare.budget.LedgerEntry;
import io.github.personalcare.budget.PersonalHealthBudget;
import io.github.personalcare.budget.BudgetEvent;
import io.github.personalcare.spi.OutboxEntry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a writing JVM with SIGKILL and checks what the database kept. The child ({@link CrashWriter})
 * opens real personal health budgets through the SDK's services and records spends through
 * {@code BudgetService}, acknowledging each committed spend on stdout; the parent kills it
 * mid-stream with {@link Process#destroyForcibly()}.
 */
abstract class CrashScenarios {
    private static final int ACKS_BEFORE_KILL = 150;

    /** The JDBC URL and schema the child writes to ({@link CrashWriter}'s arguments). */
    abstract List<String> target();

    /** A storage of its own on what the child wrote: nothing comes from the child's memory. */
    abstract JdbcStorage reopen();

    @Test
    @DisplayName("issue 8 item 6, issue 15 item 1: after SIGKILL every acknowledged spend is there, nothing partial, audit intact, outbox complete")
    void aKilledWriterLeavesEveryAcknowledgedSpendWholeAndNothingPartial() throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                CrashWriter.class.getName()));
        command.addAll(target());
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();

        Set<BudgetId> budgets = new HashSet<>();
        Map<BudgetId, Set<String>> acknowledged = new HashMap<>();
        int acks = 0;
        boolean aliveWhenKilled;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acks < ACKS_BEFORE_KILL && (line = out.readLine()) != null) {
                String[] parts = line.strip().split(" ");
                if (parts[0].equals("BUDGET")) {
                    budgets.add(new BudgetId(UUID.fromString(parts[1])));
                } else if (parts[0].equals("ACK")) {
                    acknowledged.computeIfAbsent(new BudgetId(UUID.fromString(parts[1])), b -> new HashSet<>())
                            .add(parts[2]);
                    acks++;
                }
            }
            aliveWhenKilled = child.isAlive();
            child.destroyForcibly();
            child.waitFor();
        }

        assertThat(aliveWhenKilled).as("the writer was killed mid-stream").isTrue();
        assertThat(acks).isEqualTo(ACKS_BEFORE_KILL);
        assertThat(budgets).hasSize(3).containsAll(acknowledged.keySet());

        JdbcStorage after = reopen();
        String spendAction = CrashWriter.spend("any").auditAction();
        long committed = after.inTransaction(tx -> {
            long spends = 0;
            List<OutboxEntry> outbox = tx.outbox().undelivered();
            for (BudgetId id : budgets) {
                PersonalHealthBudget budget = tx.aggregates(BudgetStores.BUDGETS).get(id).value();
                List<LedgerEntry> ledger = tx.entries(BudgetStores.LEDGER).byOwner(id);
                Set<String> keys = ledger.stream().map(LedgerEntry::idempotencyKey).collect(Collectors.toSet());
                long spent = ledger.stream().filter(e -> e.kind() == EntryKind.SPEND).count();
                spends += spent;

                assertThat(keys).as("every acknowledged spend of budget " + id + " is stored")
                        .containsAll(acknowledged.getOrDefault(id, Set.of()));
                assertThat(budget.balance().pence())
                        .as("budget " + id + " and its ledger were written together: no spend without its balance")
                        .isEqualTo(ledger.stream().mapToLong(LedgerEntry::signedPence).sum())
                        .isEqualTo(CrashWriter.ALLOCATION.pence() - spent);
                List<AuditRecord> audit = tx.audit().forPatient(budget.patient());
                assertThat(audit.stream().filter(r -> r.event().action().equals(spendAction)
                        && r.event().outcome() == AuditOutcome.SUCCESS).count())
                        .as("one audit record per committed spend, none without its spend").isEqualTo(spent);
                Set<UUID> published = outbox.stream().map(OutboxEntry::event)
                        .filter(e -> e instanceof BudgetEvent.EntryRecorded r && r.budget().equals(id)
                                && r.kind() == EntryKind.SPEND)
                        .map(e -> ((BudgetEvent.EntryRecorded) e).entry().value()).collect(Collectors.toSet());
                assertThat(published).as("every committed spend's event is in the outbox, and only those")
                        .isEqualTo(ledger.stream().filter(e -> e.kind() == EntryKind.SPEND)
                                .map(e -> e.id().value()).collect(Collectors.toSet()));
            }
            assertThat(tx.audit().verify(AuditKeys.unkeyed()).isIntact()).as("the audit chains verify").isTrue();
            return spends;
        });
        System.out.printf("crash test: %d spends acknowledged, %d committed before SIGKILL%n", acks, committed);
        assertThat(committed).isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
    }
}
