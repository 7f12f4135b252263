package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.budget.BudgetId;
import io.github.personalcare.budget.BudgetLine;
import io.github.personalcare.budget.EntryKind;
import io.github.personalcare.budget.Ledger;
import io.github.personalcare.budget.LineAccount;
import io.github.personalcare.budget.LedgerEntry;
import io.github.personalcare.budget.PersonalHealthBudget;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The personal health budgets of a whole-record Bundle: writes each budget's Accounts and the
 * ledger's ChargeItems, and on input reads them back and checks them against each other, so that
 * no penny is lost or counted twice: each line's totals must equal the sums of its ChargeItems
 * (R17), every entry must belong to a budget of the Bundle and name one of its lines (R15), a
 * spend must point at its budget's CarePlan (R15), idempotency keys are unique per budget, and
 * everything concerns the record's patient. One reader per import; not thread-safe.
 */
final class BudgetRecordReader {
    private final BudgetAccountMapper accounts;
    private final LedgerEntryMapper entries = new LedgerEntryMapper();
    private final List<PersonalHealthBudget> budgets = new ArrayList<>();
    private final Map<BudgetId, String> budgetPaths = new HashMap<>();
    private final List<LedgerEntry> ledger = new ArrayList<>();
    private final List<String> ledgerPaths = new ArrayList<>();
    private final List<Optional<String>> ledgerPlans = new ArrayList<>();
    private final List<Optional<Integer>> ledgerSequences = new ArrayList<>();
    private final Map<String, String> accountPaths = new HashMap<>();
    private final Map<String, String> lineAccountPaths = new LinkedHashMap<>();

    /** A reader for a Bundle of these resources (so line Accounts' problems name their entries). */
    BudgetRecordReader(List<FhirElement> resources) {
        Map<JsonNode, String> paths = new IdentityHashMap<>();
        for (FhirElement r : resources) {
            paths.put(r.json(), r.path());
            if ("Account".equals(r.json().path("resourceType").asText())) {
                accountPaths.putIfAbsent(r.json().path("id").asText(""), r.path());
            }
        }
        this.accounts = new BudgetAccountMapper(paths);
    }

    /** The budgets' resources in Bundle order: every budget's Accounts, then one ChargeItem per entry in ledger order. */
    static List<ObjectNode> resources(List<PersonalHealthBudget> budgets, List<LedgerEntry> ledger) {
        BudgetAccountMapper accountMapper = new BudgetAccountMapper();
        LedgerEntryMapper entryMapper = new LedgerEntryMapper();
        Map<BudgetId, PersonalHealthBudget> byId = new HashMap<>();
        List<ObjectNode> out = new ArrayList<>();
        for (PersonalHealthBudget b : budgets) {
            byId.put(b.id(), b);
            out.addAll(accountMapper.accounts(b));
        }
        Map<BudgetId, Integer> positions = new HashMap<>();
        for (LedgerEntry e : ledger) {
            int sequence = positions.merge(e.budget(), 1, Integer::sum);
            out.add(entryMapper.toFhir(e, byId.get(e.budget()).carePlan(), sequence));
        }
        return out;
    }

    /** The Organizations the budgets point at (holders, third parties). */
    static Set<OdsCode> organisations(List<PersonalHealthBudget> budgets) {
        Set<OdsCode> out = new LinkedHashSet<>();
        budgets.forEach(b -> out.addAll(BudgetAccountMapper.organisations(b)));
        return out;
    }

    /** Reads an Account entry: a budget with its lines; line Accounts are read through their budget. */
    void account(FhirElement resource, ImportContext at) {
        if (BudgetAccountMapper.isBudgetAccount(resource.json())) {
            accounts.fromFhir(resource.json(), at).ifPresent(b -> {
                budgets.add(b);
                budgetPaths.put(b.id(), resource.path());
            });
        } else if (isLineAccount(resource.json())) {
            lineAccountPaths.putIfAbsent(resource.json().path("id").asText(""), resource.path());
        } else {
            at.ignored(resource.path());
        }
    }

    private static boolean isLineAccount(JsonNode resource) {
        for (JsonNode type : resource.path("type").path("coding")) {
            if (BudgetFhir.MANAGEMENT_OPTION.equals(type.path("system").asText())) {
                return true;
            }
        }
        return false;
    }

    /** Reads a ChargeItem entry as a ledger entry. */
    void chargeItem(FhirElement resource, ImportContext at) {
        entries.fromFhir(resource.json(), at).ifPresent(e -> {
            ledger.add(e);
            ledgerPaths.add(resource.path());
            ledgerSequences.add(LedgerEntryMapper.sequenceOf(resource));
            // read in the Bundle's context: with the CarePlan in the Bundle its reference is a urn:uuid fullUrl
            ledgerPlans.add(LedgerEntryMapper.carePlanOf(FhirElement.resource(resource.json(), at, "ChargeItem")
                    .orElse(resource)));
        });
    }

    /** Checks the budgets and entries read against each other and against the record's patient. */
    void check(PatientId patient, ImportContext context) {
        Map<BudgetId, PersonalHealthBudget> byId = new HashMap<>();
        for (PersonalHealthBudget b : budgets) {
            String path = budgetPaths.get(b.id());
            if (byId.putIfAbsent(b.id(), b) != null) {
                context.problem(path + ".id", "BUNDLE", "the budget appears twice");
            }
            if (!b.patient().equals(patient)) {
                context.problem(path + ".subject[0]", "ONE_PATIENT", "must be the record's patient");
            }
        }
        Map<BudgetId, List<LedgerEntry>> perBudget = new HashMap<>();
        Map<BudgetId, Set<String>> keys = new HashMap<>();
        Map<BudgetId, Set<Integer>> sequences = new HashMap<>();
        for (int i = 0; i < ledger.size(); i++) {
            LedgerEntry e = ledger.get(i);
            String path = ledgerPaths.get(i);
            if (!e.patient().equals(patient)) {
                context.problem(path + ".subject", "ONE_PATIENT", "must be the record's patient");
            }
            PersonalHealthBudget b = byId.get(e.budget());
            if (b == null) {
                context.problem(path + ".extension", "LEDGER_BUDGET", "the entry's budget Account is not in the Bundle");
                continue;
            }
            if (b.line(e.line()).isEmpty()) {
                context.problem(path + ".account[0]", "R15", "is not a line of the entry's budget");
            }
            Optional<Integer> sequence = ledgerSequences.get(i);
            if (sequence.isPresent()
                    && !sequences.computeIfAbsent(e.budget(), k -> new HashSet<>()).add(sequence.get())) {
                context.problem(path + ".extension", "LEDGER_SEQUENCE", "another entry of the budget has the same position");
            }
            if (!keys.computeIfAbsent(e.budget(), k -> new HashSet<>()).add(e.idempotencyKey())) {
                context.problem(path + ".identifier", "IDEMPOTENCY", "another entry of the budget has the same key");
            }
            if (e.kind() == EntryKind.SPEND
                    && !ledgerPlans.get(i).map(b.carePlan().toString()::equals).orElse(false)) {
                context.problem(path + ".supportingInformation", "R15", "a spend must point at its budget's CarePlan");
            }
            perBudget.computeIfAbsent(e.budget(), k -> new ArrayList<>()).add(e);
        }
        Set<String> claimed = new HashSet<>();
        for (PersonalHealthBudget b : budgets) {
            Ledger l = new Ledger(b.id(), perBudget.getOrDefault(b.id(), List.of()));
            for (int i = 0; i < b.lines().size(); i++) {
                BudgetLine line = b.lines().get(i);
                String lineId = BudgetAccountMapper.lineIdFor(b.id(), line.code());
                claimed.add(lineId);
                LineAccount summed;
                try {
                    summed = l.account(line.code());
                } catch (ArithmeticException e) {
                    context.problem(accountPaths.getOrDefault(lineId, budgetPaths.get(b.id())), "R17",
                            "the ChargeItems of line " + line.code() + " add up to more than can be held");
                    continue;
                }
                if (!b.accounts().get(i).equals(summed)) {
                    context.problem(accountPaths.getOrDefault(lineId, budgetPaths.get(b.id())) + ".extension", "R17",
                            "the totals of line " + line.code() + " do not match the sums of its ChargeItems");
                }
            }
        }
        if (!context.hasProblems()) {
            lineAccountPaths.forEach((id, path) -> {
                if (!claimed.contains(id)) {
                    context.problem(path + ".partOf", "R14", "no budget Account of the Bundle names this line Account");
                }
            });
        }
    }

    List<PersonalHealthBudget> budgets() {
        return budgets;
    }

    /**
     * The entries read, in each budget's recording order whatever the Bundle order: by the SDK's
     * position extension; entries without one (written by other systems) follow, by the time they
     * were recorded, then by id.
     */
    List<LedgerEntry> ledger() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ledger.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer, String>comparing(i -> ledger.get(i).budget().toString())
                .thenComparing(i -> ledgerSequences.get(i).orElse(Integer.MAX_VALUE))
                .thenComparing(i -> ledger.get(i).recordedAt())
                .thenComparing(i -> ledger.get(i).id().toString()));
        return order.stream().map(ledger::get).toList();
    }
}
