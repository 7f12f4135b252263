package io.github.personalcare.record;

import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.audit.AuditChain;
import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.audit.AuditVerification;
import io.github.personalcare.budget.BudgetId;
import io.github.personalcare.budget.BudgetLineCode;
import io.github.personalcare.budget.BudgetStores;
import io.github.personalcare.budget.Ledger;
import io.github.personalcare.budget.LedgerEntry;
import io.github.personalcare.budget.LineAccount;
import io.github.personalcare.budget.PersonalHealthBudget;
import io.github.personalcare.careplan.CarePlan;
import io.github.personalcare.careplan.CarePlanStores;
import io.github.personalcare.careteam.CareTeam;
import io.github.personalcare.careteam.CareTeamStores;
import io.github.personalcare.consent.ConsentRecord;
import io.github.personalcare.consent.ConsentStores;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.RecordId;
import io.github.personalcare.internal.AccessGuard;
import io.github.personalcare.internal.GuardedCall;
import io.github.personalcare.internal.Permitted;
import io.github.personalcare.internal.ServiceWiring;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.patient.PatientStores;
import io.github.personalcare.referral.Referral;
import io.github.personalcare.referral.ReferralStores;
import io.github.personalcare.spi.AggregateStore;
import io.github.personalcare.spi.AggregateType;
import io.github.personalcare.spi.DuplicateKeyException;
import io.github.personalcare.spi.Query;
import io.github.personalcare.spi.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The bulk path in: stores whole patient records, read from FHIR by the FHIR module's importer or
 * built by a supplier's migration code, through the access guard with the purpose
 * {@link io.github.personalcare.access.Purpose#MIGRATION}.
 *
 * <p>Each record is stored whole or not at all, with its provenance ({@link RecordImport}).
 * {@link #importRecord} stores it in one transaction of its own. {@link #importAll} takes the
 * records in chunks of {@value #CHUNK}: the records of a chunk that pass the checks that need no
 * storage, and share no patient, NHS number or UBRN with an earlier record of the chunk, are
 * stored together in one transaction ({@link io.github.personalcare.spi.Storage#inTransactionAcrossPatients},
 * the one place a transaction writes several patients' data), each decided and audited on its own
 * patient's chain, the items of each kind across the chunk sent as one batch; R2 and R4 are proven
 * by the store's unique keys where it has them ({@link AggregateStore#isUnique}). When that
 * transaction fails (a unique key of stored data, a denial, a concurrent writer, a storage failure,
 * or a store that writes one patient per transaction only), it rolls back unaudited and every record
 * of the chunk is imported on its own, as {@link #importRecord} does, so only a bad record is
 * refused, with its own reasons. A batch goes on past refused records and reports each with
 * path-precise problems ({@link ImportOutcome.Refused}); one bad record never stops a batch or
 * leaves half a record behind. Imports are idempotent per record: a patient already imported is
 * skipped ({@link ImportOutcome.AlreadyImported}), so a batch that stopped (a storage failure
 * propagates and ends it) is simply run again.
 *
 * <p>What is checked, besides each item's own invariants: the patient is new to the SDK and its
 * NHS number unregistered (R2); ids are new; at most one open care plan (R6); each budget is for a
 * plan of the record ({@code REFERENCE}); ledger entries are on a line of their budget (R15), their
 * idempotency keys unique per budget, and each line's totals equal those derived from its entries
 * ({@code LEDGER_TOTALS}); UBRNs are unique in the record and the store (R4). The audit trail a
 * record brings is kept as provenance ({@link ImportedAuditEntry}), never re-hashed into the SDK's
 * own chain; whether it verified as a chain is recorded on the {@link RecordImport}. The SDK's own
 * trail records the import itself ({@code record.import}).
 *
 * <p>Who may import: by default a system actor ({@code Actor.system(...)}) with the purpose
 * {@code MIGRATION}; the access policy decides. Thread-safe; records of different patients can be
 * imported from several threads at once. Logs internal ids and counts only.
 *
 * <pre>{@code
 * AccessContext migration = AccessContext.of(Actor.system("emis-migration"), Purpose.MIGRATION);
 * ImportReport report = care.imports().importAll(migration, "emis", records,
 *         progress -> log.info("{} records, {}/s", progress.records(), progress.recordsPerSecond()));
 * }</pre>
 */
public final class RecordImportService {
    private static final Logger log = LoggerFactory.getLogger(RecordImportService.class);
    private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9._:/-]{1,100}");
    /** How often, in records, {@link #importAll(AccessContext, String, Iterable, Consumer)} reports progress. */
    public static final int PROGRESS_EVERY = 1_000;
    /**
     * How many records, at most, {@link #importAll(AccessContext, String, Iterable, Consumer)} stores
     * together in one transaction.
     */
    public static final int CHUNK = 100;

    static {
        ServiceWiring.register(RecordImportService.class, w -> new RecordImportService(w.guard()));
    }

    private final AccessGuard guard;

    private RecordImportService(AccessGuard guard) {
        this.guard = guard;
    }

    /**
     * Imports one record in one transaction.
     *
     * @param ctx    who imports, for what purpose (normally a system actor with {@code MIGRATION})
     * @param source the system the record comes from: 1–100 letters, digits, '.', '_', ':', '/' or '-'
     *               (a system name, never personal data)
     * @param record the patient's whole record
     * @return imported, already imported, or refused with its problems (nothing written then)
     * @throws InvalidInputException if an argument is missing, the purpose is not {@code MIGRATION} or
     *                               the source is malformed
     * @throws io.github.personalcare.access.AccessDeniedException if the access policy denies
     * @throws io.github.personalcare.spi.StorageException if the storage fails
     */
    public ImportOutcome importRecord(AccessContext ctx, String source, PatientRecord record) {
        checkContext(ctx);
        checkSource(source);
        Require.present("record", record);
        return importOne(ctx, source, record, 0);
    }

    /**
     * Imports records in chunks of {@value #CHUNK}, each chunk in one transaction (a chunk that fails
     * is redone one record per transaction; see the class comment), reporting progress every
     * {@value #PROGRESS_EVERY} records and at the end.
     *
     * @param ctx      who imports, for what purpose (normally a system actor with {@code MIGRATION})
     * @param source   the system the records come from (as for {@link #importRecord})
     * @param records  the records, read lazily (an iterator over a file, a FHIR server, a database)
     * @param progress told how far the import has got; must not throw
     * @return the final counts and every refused record with its problems
     * @throws InvalidInputException if an argument is missing, the purpose is not {@code MIGRATION}, the
     *                               source is malformed or a record is null
     * @throws io.github.personalcare.access.AccessDeniedException if the access policy denies (the
     *         batch stops: every record would be denied alike)
     * @throws io.github.personalcare.spi.StorageException if the storage fails (the batch stops; the
     *         records stored so far stay stored, and running the batch again skips them)
     */
    public ImportReport importAll(AccessContext ctx, String source, Iterable<PatientRecord> records,
            Consumer<ImportProgress> progress) {
        checkContext(ctx);
        checkSource(source);
        Require.present("records", records);
        Require.present("progress", progress);
        Tally tally = new Tally(guard.clock().instant(), progress);
        List<PatientRecord> chunk = new ArrayList<>(CHUNK);
        for (PatientRecord record : records) {
            if (record == null) {
                // what came before the missing record is stored, as if the records went one by one
                importChunk(ctx, source, chunk, tally);
                throw new InvalidInputException("records[" + tally.position + "]", "REQUIRED", "a record is missing");
            }
            chunk.add(record);
            if (chunk.size() == CHUNK) {
                importChunk(ctx, source, chunk, tally);
                chunk.clear();
            }
        }
        importChunk(ctx, source, chunk, tally);
        ImportProgress totals = tally.progress();
        progress.accept(totals);
        log.info("import from a source finished: {} records, {} imported, {} already imported, {} refused",
                tally.position, tally.imported, tally.skipped, tally.refused.size());
        return new ImportReport(totals, tally.refused);
    }

    /** Counts of one {@code importAll}, told to its progress listener every {@value #PROGRESS_EVERY} records. */
    private final class Tally {
        private final Instant start;
        private final Consumer<ImportProgress> listener;
        private final List<ImportOutcome.Refused> refused = new ArrayList<>();
        private long position;
        private long imported;
        private long skipped;
        private long resources;

        Tally(Instant start, Consumer<ImportProgress> listener) {
            this.start = start;
            this.listener = listener;
        }

        void add(ImportOutcome outcome, PatientRecord record) {
            if (outcome instanceof ImportOutcome.Imported i) {
                imported++;
                resources += i.resources() + record.audit().size();
            } else if (outcome instanceof ImportOutcome.AlreadyImported) {
                skipped++;
            } else {
                refused.add((ImportOutcome.Refused) outcome);
            }
            position++;
            if (position % PROGRESS_EVERY == 0) {
                listener.accept(progress());
            }
        }

        ImportProgress progress() {
            return RecordImportService.this.progress(start, position, imported, skipped, refused.size(), resources);
        }
    }

    /**
     * Imports a chunk: the records that break no rule of their own and share no patient, NHS number
     * or UBRN with an earlier record of the chunk are stored together in one transaction; if that
     * fails (a unique key of stored data, a denial, a storage failure), every record of the chunk is
     * imported on its own instead, so only a bad record is refused, with its own reason. Records
     * left out of the chunk's transaction are imported on their own after it.
     */
    private void importChunk(AccessContext ctx, String source, List<PatientRecord> chunk, Tally tally) {
        if (chunk.isEmpty()) {
            return;
        }
        long first = tally.position;
        List<Integer> together = new ArrayList<>(chunk.size());
        Set<PatientId> patients = new HashSet<>();
        Set<String> nhsNumbers = new HashSet<>();
        Set<String> ubrns = new HashSet<>();
        for (int i = 0; i < chunk.size(); i++) {
            PatientRecord r = chunk.get(i);
            List<String> recordUbrns = r.referrals().stream().map(ref -> ref.ubrn().value()).toList();
            boolean clash = patients.contains(r.patient().id()) || nhsNumbers.contains(r.patient().nhsNumber().value())
                    || recordUbrns.stream().anyMatch(ubrns::contains);
            if (clash || !RecordRules.check(r).isEmpty()) {
                continue;
            }
            patients.add(r.patient().id());
            nhsNumbers.add(r.patient().nhsNumber().value());
            ubrns.addAll(recordUbrns);
            together.add(i);
        }
        List<GuardedCall> calls = new ArrayList<>(together.size());
        List<PatientRecord> records = new ArrayList<>(together.size());
        List<Long> positions = new ArrayList<>(together.size());
        for (int i : together) {
            PatientRecord r = chunk.get(i);
            calls.add(call(ctx, r.patient().id()));
            records.add(r);
            positions.add(first + i);
        }
        ImportOutcome[] outcomes = new ImportOutcome[chunk.size()];
        Optional<List<ImportOutcome>> stored = together.size() < 2 ? Optional.empty()
                : guard.runTogether(calls, permits -> storeTogether(permits, source, records, positions));
        if (stored.isPresent()) {
            for (int k = 0; k < together.size(); k++) {
                outcomes[together.get(k)] = stored.get().get(k);
            }
            log.debug("{} records imported together ({} on their own)", together.size(),
                    chunk.size() - together.size());
        }
        for (int i = 0; i < chunk.size(); i++) {
            if (outcomes[i] == null) {
                outcomes[i] = importOne(ctx, source, chunk.get(i), first + i);
            }
        }
        for (int i = 0; i < chunk.size(); i++) {
            tally.add(outcomes[i], chunk.get(i));
        }
    }

    private static GuardedCall call(AccessContext ctx, PatientId patient) {
        return GuardedCall.on(ctx, patient, AccessAction.COLLECT, DataClass.DEMOGRAPHICS, "record.import",
                "Patient/" + patient.value());
    }

    /**
     * Stores the records of a chunk, each checked on its own already, in the transaction the guard
     * opened for them all: items of each kind across the records as one batch. Where the store
     * proves R2 and R4 with unique keys, they are not queried first: a clash fails the chunk, which
     * is then redone record by record. Any problem throws, so the chunk rolls back.
     */
    private static List<ImportOutcome> storeTogether(List<Permitted> permits, String source,
            List<PatientRecord> records, List<Long> positions) {
        Transaction tx = permits.get(0).tx();
        Permitted p = permits.get(0);
        List<PatientId> ids = records.stream().map(r -> r.patient().id()).toList();
        Set<PatientId> already = new HashSet<>();
        tx.aggregates(RecordStores.IMPORTS).findAll(ids).forEach(v -> already.add(v.value().patient()));
        List<PatientRecord> fresh = new ArrayList<>(records.size());
        records.forEach(r -> {
            if (!already.contains(r.patient().id())) {
                fresh.add(r);
            }
        });
        AggregateStore<PatientId, io.github.personalcare.patient.Patient> patients = tx.aggregates(PatientStores.PATIENTS);
        AggregateStore<io.github.personalcare.referral.ReferralId, Referral> referrals =
                tx.aggregates(ReferralStores.REFERRALS);
        boolean queryNhsNumbers = !patients.isUnique("nhs_number");
        boolean queryUbrns = !referrals.isUnique("ubrn");
        List<io.github.personalcare.patient.Patient> newPatients = new ArrayList<>(fresh.size());
        List<CareTeam> teams = new ArrayList<>();
        List<CarePlan> plans = new ArrayList<>();
        List<PersonalHealthBudget> budgets = new ArrayList<>();
        List<LedgerEntry> ledger = new ArrayList<>();
        List<Referral> newReferrals = new ArrayList<>();
        List<ConsentRecord> consents = new ArrayList<>();
        List<ImportedAuditEntry> foreign = new ArrayList<>();
        List<RecordImport> provenance = new ArrayList<>(fresh.size());
        for (PatientRecord r : fresh) {
            if (queryNhsNumbers && !patients.query(Query.where("nhs_number").is(r.patient().nhsNumber().value())).isEmpty()) {
                throw RecordRefused.of("patient.nhsNumber", "R2", "a patient with this NHS number is already registered");
            }
            for (Referral ref : r.referrals()) {
                if (queryUbrns && !referrals.query(Query.where("ubrn").is(ref.ubrn().value())).isEmpty()) {
                    throw RecordRefused.of("referrals.ubrn", "R4", "the UBRN belongs to a stored referral");
                }
            }
            newPatients.add(r.patient());
            teams.addAll(r.careTeams());
            plans.addAll(r.carePlans());
            budgets.addAll(r.budgets());
            ledger.addAll(r.ledger());
            newReferrals.addAll(r.referrals());
            consents.addAll(r.consents());
            r.audit().forEach(a -> foreign.add(new ImportedAuditEntry(r.patient().id(), source, a)));
            provenance.add(new RecordImport(r.patient().id(), source, p.now(), p.context().actor().reference(),
                    items(r), r.audit().size(), chainsIntact(r.audit())));
        }
        // the unique keys (ids, R2's NHS number, R4's UBRN) refuse a clash with stored data here
        insertAll(patients, newPatients);
        insertAll(tx.aggregates(CareTeamStores.TEAMS), teams);
        insertAll(tx.aggregates(CarePlanStores.PLANS), plans);
        insertAll(tx.aggregates(BudgetStores.BUDGETS), budgets);
        if (!ledger.isEmpty()) {
            tx.entries(BudgetStores.LEDGER).appendAll(ledger);
        }
        insertAll(referrals, newReferrals);
        insertAll(tx.aggregates(ConsentStores.CONSENTS), consents);
        if (!foreign.isEmpty()) {
            tx.entries(RecordStores.FOREIGN_AUDIT).appendAll(foreign);
        }
        insertAll(tx.aggregates(RecordStores.IMPORTS), provenance);
        List<ImportOutcome> outcomes = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            PatientRecord r = records.get(i);
            PatientId patient = r.patient().id();
            if (already.contains(patient)) {
                outcomes.add(new ImportOutcome.AlreadyImported(positions.get(i), patient));
            } else {
                tx.outbox().publish(new RecordEvent.Imported(UUID.randomUUID(), p.now(), patient));
                outcomes.add(new ImportOutcome.Imported(positions.get(i), patient, items(r)));
            }
        }
        return outcomes;
    }

    private static <I extends RecordId, A> void insertAll(AggregateStore<I, A> store, List<A> items) {
        if (!items.isEmpty()) {
            store.insertAll(items);
        }
    }

    /** The items a record stores besides its provenance and the source's audit records. */
    private static int items(PatientRecord r) {
        return 1 + r.careTeams().size() + r.carePlans().size() + r.budgets().size() + r.ledger().size()
                + r.referrals().size() + r.consents().size();
    }

    private ImportProgress progress(Instant start, long records, long imported, long skipped, long refused,
            long resources) {
        Duration elapsed = Duration.between(start, guard.clock().instant());
        return new ImportProgress(records, imported, skipped, refused, resources,
                elapsed.isNegative() ? Duration.ZERO : elapsed);
    }

    private static void checkContext(AccessContext ctx) {
        Require.present("ctx", ctx);
        if (ctx.purpose() != Purpose.MIGRATION) {
            throw new InvalidInputException("ctx.purpose", "MIGRATION", "records are imported for the purpose MIGRATION");
        }
    }

    private static void checkSource(String source) {
        Require.present("source", source);
        if (!SOURCE.matcher(source).matches()) {
            throw new InvalidInputException("source", "FORMAT",
                    "must be 1-100 letters, digits, '.', '_', ':', '/' or '-'");
        }
    }

    private ImportOutcome importOne(AccessContext ctx, String source, PatientRecord record, long position) {
        PatientId patient = record.patient().id();
        List<RecordProblem> inRecord = RecordRules.check(record);
        try {
            return guard.run(call(ctx, patient), p -> {
                if (p.tx().aggregates(RecordStores.IMPORTS).find(patient).isPresent()) {
                    return new ImportOutcome.AlreadyImported(position, patient);
                }
                if (!inRecord.isEmpty()) {
                    throw new RecordRefused(inRecord);
                }
                int stored = store(p, source, record);
                log.debug("record of patient {} imported ({} items)", patient, stored);
                return new ImportOutcome.Imported(position, patient, stored);
            });
        } catch (RecordRefused refused) {
            log.info("record of patient {} refused by rule {} ({} problems)", patient, refused.rule(),
                    refused.problems.size());
            return new ImportOutcome.Refused(position, patient, refused.problems);
        }
    }

    private static int store(Permitted p, String source, PatientRecord record) {
        Transaction tx = p.tx();
        PatientId patient = record.patient().id();
        if (tx.aggregates(PatientStores.PATIENTS).find(patient).isPresent()) {
            throw RecordRefused.of("patient.id", "ALREADY_PRESENT",
                    "the patient is already in the SDK (registered there, not imported)");
        }
        if (!tx.aggregates(PatientStores.PATIENTS)
                .query(Query.where("nhs_number").is(record.patient().nhsNumber().value())).isEmpty()) {
            throw RecordRefused.of("patient.nhsNumber", "R2", "a patient with this NHS number is already registered");
        }
        for (int i = 0; i < record.referrals().size(); i++) {
            Referral r = record.referrals().get(i);
            if (!tx.aggregates(ReferralStores.REFERRALS).query(Query.where("ubrn").is(r.ubrn().value())).isEmpty()) {
                throw RecordRefused.of("referrals[" + i + "].ubrn", "R4", "the UBRN belongs to a stored referral");
            }
        }
        int items = 0;
        items += insertAll(tx, PatientStores.PATIENTS, "patient", List.of(record.patient()));
        items += insertAll(tx, CareTeamStores.TEAMS, "careTeams", record.careTeams());
        items += insertAll(tx, CarePlanStores.PLANS, "carePlans", record.carePlans());
        items += insertAll(tx, BudgetStores.BUDGETS, "budgets", record.budgets());
        try {
            tx.entries(BudgetStores.LEDGER).appendAll(record.ledger());
        } catch (DuplicateKeyException e) {
            // the budgets are new, so only a stored budget of the same id could hold the key
            throw RecordRefused.of("ledger", "DUPLICATE_KEY", "a budget already has an entry with one of these keys");
        }
        items += record.ledger().size();
        items += insertAll(tx, ReferralStores.REFERRALS, "referrals", record.referrals());
        items += insertAll(tx, ConsentStores.CONSENTS, "consents", record.consents());
        List<ImportedAuditEntry> foreign = new ArrayList<>(record.audit().size());
        record.audit().forEach(a -> foreign.add(new ImportedAuditEntry(patient, source, a)));
        try {
            tx.entries(RecordStores.FOREIGN_AUDIT).appendAll(foreign);
        } catch (DuplicateKeyException e) {
            throw RecordRefused.of("audit", "DUPLICATE_KEY", "two audit records hold the same place in the same chain");
        }
        tx.aggregates(RecordStores.IMPORTS).insert(new RecordImport(patient, source, p.now(),
                p.context().actor().reference(), items, record.audit().size(), chainsIntact(record.audit())));
        tx.outbox().publish(new RecordEvent.Imported(UUID.randomUUID(), p.now(), patient));
        return items;
    }

    private static <I extends RecordId, A> int insertAll(Transaction tx, AggregateType<I, A> type, String field,
            List<A> items) {
        if (items.isEmpty()) {
            return 0;
        }
        AggregateStore<I, A> store = tx.aggregates(type);
        try {
            store.insertAll(items);
        } catch (DuplicateKeyException e) {
            // sent as one batch, so the list is named: ids are checked unique within the record first
            String path = field.equals("patient") ? "patient.id" : field;
            throw RecordRefused.of(path, "DUPLICATE_ID", "a stored record already has one of these ids or keys");
        }
        return items.size();
    }

    /** Whether the foreign trail verifies as hash chains, each ending at its last record. */
    private static boolean chainsIntact(List<AuditRecord> audit) {
        Map<String, List<AuditRecord>> chains = new LinkedHashMap<>();
        for (AuditRecord r : audit) {
            chains.computeIfAbsent(r.chain(), c -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<AuditRecord>> c : chains.entrySet()) {
            List<AuditRecord> records = new ArrayList<>(c.getValue());
            records.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
            AuditVerification v = AuditChain.verify(c.getKey(), records,
                    Optional.of(records.get(records.size() - 1)));
            if (!(v instanceof AuditVerification.Intact)) {
                return false;
            }
        }
        return true;
    }

    /** The rules a record must keep across its parts, checked before anything is stored. */
    static final class RecordRules {
        private RecordRules() {
        }

        static List<RecordProblem> check(PatientRecord record) {
            List<RecordProblem> problems = new ArrayList<>();
            uniqueIds(problems, "careTeams", record.careTeams(), CareTeam::id);
            uniqueIds(problems, "carePlans", record.carePlans(), CarePlan::id);
            uniqueIds(problems, "budgets", record.budgets(), PersonalHealthBudget::id);
            uniqueIds(problems, "referrals", record.referrals(), Referral::id);
            uniqueIds(problems, "consents", record.consents(), ConsentRecord::id);
            int open = 0;
            for (int i = 0; i < record.carePlans().size(); i++) {
                if (!record.carePlans().get(i).status().isClosed() && ++open > 1) {
                    problems.add(new RecordProblem("carePlans[" + i + "]", "R6",
                            "a patient has at most one open care plan"));
                }
            }
            Set<Object> planIds = new HashSet<>();
            record.carePlans().forEach(plan -> planIds.add(plan.id()));
            for (int i = 0; i < record.budgets().size(); i++) {
                if (!planIds.contains(record.budgets().get(i).carePlan())) {
                    problems.add(new RecordProblem("budgets[" + i + "].carePlan", "REFERENCE",
                            "a budget must be for a care plan of the record"));
                }
            }
            ledger(problems, record);
            Set<String> ubrns = new HashSet<>();
            for (int i = 0; i < record.referrals().size(); i++) {
                if (!ubrns.add(record.referrals().get(i).ubrn().value())) {
                    problems.add(new RecordProblem("referrals[" + i + "].ubrn", "R4",
                            "two referrals of the record share a UBRN"));
                }
            }
            Set<String> places = new HashSet<>();
            for (int i = 0; i < record.audit().size(); i++) {
                AuditRecord a = record.audit().get(i);
                if (!places.add(a.sequence() + "@" + a.chain())) {
                    problems.add(new RecordProblem("audit[" + i + "]", "DUPLICATE_KEY",
                            "two audit records hold the same place in the same chain"));
                }
            }
            return List.copyOf(problems);
        }

        private static <T> void uniqueIds(List<RecordProblem> problems, String field, List<T> items,
                Function<T, ?> id) {
            Set<Object> seen = new HashSet<>();
            for (int i = 0; i < items.size(); i++) {
                if (!seen.add(id.apply(items.get(i)))) {
                    problems.add(new RecordProblem(field + "[" + i + "].id", "DUPLICATE_ID",
                            "two items of the record share an id"));
                }
            }
        }

        private static void ledger(List<RecordProblem> problems, PatientRecord record) {
            Map<BudgetId, List<LedgerEntry>> byBudget = new HashMap<>();
            Map<BudgetId, Set<String>> keys = new HashMap<>();
            Map<BudgetId, PersonalHealthBudget> budgets = new HashMap<>();
            record.budgets().forEach(b -> budgets.put(b.id(), b));
            for (int i = 0; i < record.ledger().size(); i++) {
                LedgerEntry e = record.ledger().get(i);
                PersonalHealthBudget budget = budgets.get(e.budget());
                if (budget.accounts().stream().noneMatch(a -> a.line().equals(e.line()))) {
                    problems.add(new RecordProblem("ledger[" + i + "].line", "R15",
                            "the entry is on a line its budget does not have"));
                }
                if (!keys.computeIfAbsent(e.budget(), b -> new HashSet<>()).add(e.idempotencyKey())) {
                    problems.add(new RecordProblem("ledger[" + i + "].idempotencyKey", "DUPLICATE_KEY",
                            "two entries of one budget share an idempotency key"));
                }
                byBudget.computeIfAbsent(e.budget(), b -> new ArrayList<>()).add(e);
            }
            for (int i = 0; i < record.budgets().size(); i++) {
                PersonalHealthBudget budget = record.budgets().get(i);
                Ledger ledger = new Ledger(budget.id(), byBudget.getOrDefault(budget.id(), List.of()));
                List<LineAccount> accounts = budget.accounts();
                for (int j = 0; j < accounts.size(); j++) {
                    BudgetLineCode line = accounts.get(j).line();
                    if (!ledger.account(line).equals(accounts.get(j))) {
                        problems.add(new RecordProblem("budgets[" + i + "].accounts[" + j + "]", "LEDGER_TOTALS",
                                "the line's totals differ from those of its ledger entries"));
                    }
                }
            }
        }
    }

    /** Carries a record's problems out of its transaction, so it rolls back and is audited as rejected. */
    static final class RecordRefused extends InvalidInputException {
        private static final long serialVersionUID = 1L;
        private final transient List<RecordProblem> problems;

        RecordRefused(List<RecordProblem> problems) {
            super(problems.get(0).path(), problems.get(0).rule(), "the record was refused: " + problems.size()
                    + " problem(s), the first at " + problems.get(0).path());
            this.problems = List.copyOf(problems);
        }

        static RecordRefused of(String path, String rule, String message) {
            return new RecordRefused(List.of(new RecordProblem(path, rule, message)));
        }
    }
}
