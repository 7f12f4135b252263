package io.github.personalcare.record;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.access.Actor;
import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.budget.BudgetId;
import io.github.personalcare.budget.LedgerEntry;
import io.github.personalcare.budget.PersonalHealthBudget;
import io.github.personalcare.careplan.CarePlan;
import io.github.personalcare.careteam.CareTeam;
import io.github.personalcare.consent.ConsentRecord;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.referral.Referral;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One patient's whole record: the patient, the
 * professionals involved, care teams, care plans, personal health budgets with their ledger
 * entries, referrals, consents and the audit trail of the patient's record. Every component
 * concerns this one patient (rule {@code ONE_PATIENT}).
 *
 * <p>It is what the FHIR module exports to and imports from a Bundle, and what
 * {@link RecordImportService} stores in bulk, whether read from FHIR or built by a supplier's
 * migration code.
 *
 * <p>Build one with {@link #builder(Patient)}; the professionals who acted in the audit trail are
 * added to {@link #professionals()} so that every reference in the Bundle resolves.
 *
 * <p>The components are kept in a canonical order on their own keys, so a record does not depend on
 * the order its parts were gathered or its Bundle's entries were read in (FHIR gives the entries of
 * a Bundle no order): professionals by their actor reference; care teams, care plans, budgets,
 * referrals and consents by id; audit records by chain, then sequence; ledger entries grouped by
 * budget id, each budget's entries keeping the order they were recorded in.
 *
 * @param patient       the patient
 * @param professionals professionals who appear in the record (as PractitionerRoles), without repeats,
 *                      by actor reference
 * @param careTeams     the patient's care teams, by id
 * @param carePlans     the patient's care plans, each with its goals, by id
 * @param budgets       the patient's personal health budgets, by id
 * @param ledger        the ledger entries of those budgets, by budget id, each budget's in the order recorded
 * @param referrals     the patient's referrals, by id
 * @param consents      the patient's consent records, by id
 * @param audit         the patient's audit records, by chain and sequence
 */
public record PatientRecord(
        Patient patient,
        List<Actor.Professional> professionals,
        List<CareTeam> careTeams,
        List<CarePlan> carePlans,
        List<PersonalHealthBudget> budgets,
        List<LedgerEntry> ledger,
        List<Referral> referrals,
        List<ConsentRecord> consents,
        List<AuditRecord> audit) {
    /** Upper bound on the records of one component, so an import stays bounded. */
    public static final int MAX_ENTRIES = 100_000;

    /**
     * Checks the record and copies its lists into their canonical order (see the class comment);
     * repeated professionals are kept once.
     *
     * @param patient       the patient
     * @param professionals professionals who appear in the record
     * @param careTeams     the patient's care teams
     * @param carePlans     the patient's care plans
     * @param budgets       the patient's personal health budgets
     * @param ledger        the ledger entries of those budgets, in the order recorded
     * @param referrals     the patient's referrals
     * @param consents      the patient's consent records
     * @param audit         the patient's audit records, in chain order
     * @throws InvalidInputException if a component is missing or too long, or any item concerns
     *                               another patient ({@code ONE_PATIENT}), or a ledger entry
     *                               belongs to a budget not in the record ({@code LEDGER_BUDGET})
     */
    public PatientRecord {
        Require.present("patient", patient);
        professionals = sorted(new LinkedHashSet<>(Require.list("professionals", professionals, MAX_ENTRIES)),
                Comparator.comparing(Actor::reference));
        careTeams = sorted(onePatient("careTeams", careTeams, patient.id(), CareTeam::patient), byId(CareTeam::id));
        carePlans = sorted(onePatient("carePlans", carePlans, patient.id(), CarePlan::patient), byId(CarePlan::id));
        budgets = sorted(onePatient("budgets", budgets, patient.id(), PersonalHealthBudget::patient),
                byId(PersonalHealthBudget::id));
        // a stable sort: each budget's entries keep their recording order
        ledger = sorted(onePatient("ledger", ledger, patient.id(), LedgerEntry::patient), byId(LedgerEntry::budget));
        referrals = sorted(onePatient("referrals", referrals, patient.id(), Referral::patient), byId(Referral::id));
        consents = sorted(onePatient("consents", consents, patient.id(), ConsentRecord::patient),
                byId(ConsentRecord::id));
        audit = sorted(Require.list("audit", audit, MAX_ENTRIES),
                Comparator.comparing(AuditRecord::chain).thenComparingLong(AuditRecord::sequence));
        for (AuditRecord r : audit) {
            if (!r.event().patient().map(patient.id()::equals).orElse(false)) {
                throw new InvalidInputException("audit", "ONE_PATIENT", "every audit record must concern the patient");
            }
        }
        Set<BudgetId> budgetIds = new HashSet<>();
        budgets.forEach(b -> budgetIds.add(b.id()));
        for (LedgerEntry e : ledger) {
            if (!budgetIds.contains(e.budget())) {
                throw new InvalidInputException("ledger", "LEDGER_BUDGET",
                        "every ledger entry must belong to a budget of the record");
            }
        }
    }

    private static <T> List<T> sorted(Collection<T> items, Comparator<? super T> order) {
        List<T> copy = new ArrayList<>(items);
        copy.sort(order);
        return List.copyOf(copy);
    }

    private static <T> Comparator<T> byId(Function<T, ?> id) {
        return Comparator.comparing(item -> id.apply(item).toString());
    }

    private static <T> List<T> onePatient(String field, List<T> items, PatientId patient, Function<T, PatientId> of) {
        List<T> copy = Require.list(field, items, MAX_ENTRIES);
        for (T item : copy) {
            if (!patient.equals(of.apply(item))) {
                throw new InvalidInputException(field, "ONE_PATIENT", "every item must concern the patient");
            }
        }
        return copy;
    }

    /**
     * A record of the patient and the audit trail only; see {@link #builder(Patient)} for the rest.
     *
     * @param patient the patient
     * @param audit   the patient's audit records, in chain order
     * @return the record
     * @throws InvalidInputException as the record's constructor
     */
    public static PatientRecord of(Patient patient, List<AuditRecord> audit) {
        return builder(patient).audit(audit).build();
    }

    /**
     * A builder for the record of {@code patient}, every component empty.
     *
     * @param patient the patient
     * @return the builder
     * @throws InvalidInputException if {@code patient} is missing
     */
    public static Builder builder(Patient patient) {
        return new Builder(patient);
    }

    /** Builds a {@link PatientRecord}; not thread-safe. */
    public static final class Builder {
        private final Patient patient;
        private final List<Actor.Professional> professionals = new ArrayList<>();
        private final List<CareTeam> careTeams = new ArrayList<>();
        private final List<CarePlan> carePlans = new ArrayList<>();
        private final List<PersonalHealthBudget> budgets = new ArrayList<>();
        private final List<LedgerEntry> ledger = new ArrayList<>();
        private final List<Referral> referrals = new ArrayList<>();
        private final List<ConsentRecord> consents = new ArrayList<>();
        private final List<AuditRecord> audit = new ArrayList<>();

        private Builder(Patient patient) {
            this.patient = Require.present("patient", patient);
        }

        /**
         * Adds professionals (besides those found in the audit trail).
         *
         * @param values the professionals
         * @return this builder
         */
        public Builder professionals(Collection<? extends Actor.Professional> values) {
            professionals.addAll(values);
            return this;
        }

        /**
         * Adds care teams.
         *
         * @param values the care teams
         * @return this builder
         */
        public Builder careTeams(Collection<CareTeam> values) {
            careTeams.addAll(values);
            return this;
        }

        /**
         * Adds care plans.
         *
         * @param values the care plans
         * @return this builder
         */
        public Builder carePlans(Collection<CarePlan> values) {
            carePlans.addAll(values);
            return this;
        }

        /**
         * Adds personal health budgets.
         *
         * @param values the budgets
         * @return this builder
         */
        public Builder budgets(Collection<PersonalHealthBudget> values) {
            budgets.addAll(values);
            return this;
        }

        /**
         * Adds ledger entries, in the order recorded.
         *
         * @param values the entries
         * @return this builder
         */
        public Builder ledger(Collection<LedgerEntry> values) {
            ledger.addAll(values);
            return this;
        }

        /**
         * Adds referrals.
         *
         * @param values the referrals
         * @return this builder
         */
        public Builder referrals(Collection<Referral> values) {
            referrals.addAll(values);
            return this;
        }

        /**
         * Adds consent records.
         *
         * @param values the consent records
         * @return this builder
         */
        public Builder consents(Collection<ConsentRecord> values) {
            consents.addAll(values);
            return this;
        }

        /**
         * Adds audit records, in chain order.
         *
         * @param values the audit records
         * @return this builder
         */
        public Builder audit(Collection<AuditRecord> values) {
            audit.addAll(values);
            return this;
        }

        /**
         * The record; its professionals are those added, the care teams' professionals, those who
         * acted in the audit trail and those who recorded ledger entries, each once, in the
         * record's canonical order.
         *
         * @return the record
         * @throws InvalidInputException as the record's constructor
         */
        public PatientRecord build() {
            Set<Actor.Professional> all = new LinkedHashSet<>(professionals);
            careTeams.forEach(t -> t.professionals().forEach(m -> all.add(Actor.professional(m.user(), m.role(), m.organisation()))));
            for (AuditRecord r : Require.list("audit", audit, MAX_ENTRIES)) {
                Actor.fromReference(r.event().actor())
                        .filter(Actor.Professional.class::isInstance)
                        .map(Actor.Professional.class::cast)
                        .ifPresent(all::add);
            }
            for (LedgerEntry e : Require.list("ledger", ledger, MAX_ENTRIES)) {
                Actor.fromReference(e.recordedBy())
                        .filter(Actor.Professional.class::isInstance)
                        .map(Actor.Professional.class::cast)
                        .ifPresent(all::add);
            }
            return new PatientRecord(patient, List.copyOf(all), careTeams, carePlans, budgets, ledger, referrals,
                    consents, audit);
        }
    }
}
