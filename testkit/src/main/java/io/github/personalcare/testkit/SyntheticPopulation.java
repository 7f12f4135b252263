package io.github.personalcare.testkit;

import io.github.personalcare.access.AccessAction;
import io.github.personalcare.budget.AccountKind;
import io.github.personalcare.budget.AgreedPlan;
import io.github.personalcare.budget.BudgetHolder;
import io.github.personalcare.budget.BudgetId;
import io.github.personalcare.budget.BudgetLine;
import io.github.personalcare.budget.BudgetLineCode;
import io.github.personalcare.budget.BudgetPolicy;
import io.github.personalcare.budget.BudgetStores;
import io.github.personalcare.budget.Eligibility;
import io.github.personalcare.budget.EligibilityReason;
import io.github.personalcare.budget.HolderKind;
import io.github.personalcare.budget.LedgerCommand;
import io.github.personalcare.budget.LedgerEntry;
import io.github.personalcare.budget.LedgerEntryId;
import io.github.personalcare.budget.Management;
import io.github.personalcare.budget.Money;
import io.github.personalcare.budget.PaymentAccount;
import io.github.personalcare.budget.PersonalHealthBudget;
import io.github.personalcare.budget.Recipient;
import io.github.personalcare.budget.SpendCategory;
import io.github.personalcare.careplan.CarePlan;
import io.github.personalcare.careplan.CarePlanId;
import io.github.personalcare.careplan.CarePlanStores;
import io.github.personalcare.careplan.EndReason;
import io.github.personalcare.careplan.Signature;
import io.github.personalcare.careplan.SignatoryKind;
import io.github.personalcare.careteam.CareTeam;
import io.github.personalcare.careteam.CareTeamStores;
import io.github.personalcare.consent.BasePolicy;
import io.github.personalcare.consent.ConsentId;
import io.github.personalcare.consent.ConsentRecord;
import io.github.personalcare.consent.ConsentScope;
import io.github.personalcare.consent.ConsentStores;
import io.github.personalcare.consent.ConsentTerms;
import io.github.personalcare.consent.Provision;
import io.github.personalcare.consent.ProvisionActor;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.Ubrn;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.patient.PatientStores;
import io.github.personalcare.referral.ChoiceExemption;
import io.github.personalcare.referral.HealthcareService;
import io.github.personalcare.referral.PatientChoice;
import io.github.personalcare.referral.Priority;
import io.github.personalcare.referral.Referral;
import io.github.personalcare.referral.ReferralCommand;
import io.github.personalcare.referral.ReferralId;
import io.github.personalcare.referral.ReferralStores;
import io.github.personalcare.referral.Referrer;
import io.github.personalcare.referral.RequestType;
import io.github.personalcare.referral.RttClock;
import io.github.personalcare.referral.StopReason;
import io.github.personalcare.spi.Storage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A seeded, deterministic synthetic population for contract tests and benchmarks: patient
 * {@code i} of a seed is always the same person, with the same care team, plans, budget and ledger,
 * referrals and consents, whatever the population size (only the ids inside a plan's content and a
 * care team's memberships are random), so reports over the same seed and size give the same
 * answers on every storage. Written through the storage SPI, one transaction per patient
 * (the SPI's rule: a transaction writes one patient's data), not through the guarded services: it is
 * test data, and nothing is audited.
 *
 * <p>Proportions (per patient; domain notes §6 gives the targets they are drawn around):
 * <ul>
 *   <li>10% complex needs; 25% a long-term condition (some with both); 5% registered the national
 *       data opt-out (R42); 1% died before the report date;</li>
 *   <li>a care plan for 80% of people with complex needs and 20% of those with a long-term
 *       condition (the §6 "about 20%"), in every state: 60% agreed (a third of them reviewed once,
 *       a fifth overdue), 8% under review, 8% draft, 8% proposed, 8% ended, 8% entered in error;</li>
 *   <li>a personal health budget for 30% of people with complex needs, in every adult eligibility
 *       cohort (everyone generated is an adult, so no children's continuing care) and management option, 85% active, with an allocation and up to three spends;</li>
 *   <li>a referral for 30% of patients: 85% sent with choice offered (the rest exempt), booked with
 *       a clock started 0 to 70 weeks before the report date, 20% of clocks stopped, 3% nullified
 *       after a first-appointment DNA; 5% advice and guidance; 5% still drafts;</li>
 *   <li>a care team for everyone with a plan; a consent (an objection to one organisation) for 3%.</li>
 * </ul>
 *
 * <pre>{@code
 * SyntheticPopulation population = new SyntheticPopulation(42L, 100_000, LocalDate.of(2027, 3, 31));
 * population.writeTo(storage, 2);   // two writer threads
 * }</pre>
 *
 * @param seed     the seed: the same seed gives the same people
 * @param patients how many patients
 * @param today    the report date the population is built around: every date is on or before it
 */
public record SyntheticPopulation(long seed, int patients, LocalDate today) {
    private static final String FIXTURE_USER = "professional:GP-1@A81001/GENERAL_PRACTITIONER";
    private static final OdsCode PRACTICE = OdsCode.of("A81001");
    private static final HealthcareService[] PROVIDERS = {Referrals.LEEDS, Referrals.YORK};
    private static final BudgetLineCode PA = BudgetLineCode.of("PA-HOURS");
    private static final BudgetLineCode PHYSIO = BudgetLineCode.of("PHYSIO");
    private static final BudgetLineCode EQUIP = BudgetLineCode.of("EQUIP");

    /**
     * Checks the size and date.
     *
     * @param seed     the seed
     * @param patients how many patients, at least 1 and at most 50 million
     * @param today    the report date
     * @throws IllegalArgumentException if {@code patients} is out of range or {@code today} missing
     */
    public SyntheticPopulation {
        if (patients < 1 || patients > 50_000_000) {
            throw new IllegalArgumentException("patients must be between 1 and 50 million");
        }
        if (today == null) {
            throw new IllegalArgumentException("today is required");
        }
    }

    /**
     * One generated person and everything stored about them.
     *
     * @param patient   the patient
     * @param team      their care team, if they have a plan
     * @param plan      their care plan, if any
     * @param budget    their budget, if any, with its ledger already recorded
     * @param ledger    the budget's ledger entries, oldest first
     * @param referrals their referrals
     * @param consents  their consent records
     */
    public record Person(Patient patient, Optional<CareTeam> team, Optional<CarePlan> plan,
            Optional<PersonalHealthBudget> budget, List<LedgerEntry> ledger, List<Referral> referrals,
            List<ConsentRecord> consents) {
    }

    /**
     * Patient {@code i}: the same for the same seed, whatever the population size.
     *
     * @param i the patient's number, from 0
     * @return the person
     */
    public Person person(int i) {
        Random r = new Random(seed * 0x9E3779B97F4A7C15L + i);
        PatientId id = new PatientId(uuid(i, 0));
        Set<PatientFlag> flags = EnumSet.noneOf(PatientFlag.class);
        boolean complex = r.nextInt(100) < 10;
        boolean ltc = r.nextInt(100) < 25;
        if (complex) {
            flags.add(PatientFlag.COMPLEX_NEEDS);
        }
        if (ltc) {
            flags.add(PatientFlag.LONG_TERM_CONDITION);
        }
        if (r.nextInt(100) < 5) {
            flags.add(PatientFlag.NATIONAL_DATA_OPT_OUT);
        }
        Optional<LocalDate> died = r.nextInt(100) < 1 ? Optional.of(today.minusDays(1 + r.nextInt(300)))
                : Optional.empty();
        Patient patient = new Patient(id, nhsNumber(i), NhsNumberVerification.VERIFIED,
                new PersonName("Synthetic", "Person"), today.minusYears(20 + r.nextInt(70)).minusDays(r.nextInt(365)),
                flags, Optional.of(PRACTICE), died);

        Instant since = at(today.minusDays(400 + r.nextInt(200)));
        Optional<CarePlan> plan = Optional.empty();
        if ((complex && r.nextInt(100) < 80) || (ltc && r.nextInt(100) < 20)) {
            plan = Optional.of(plan(r, i, id));
        }
        Optional<CareTeam> team = plan.map(p -> CarePlans.team(id, since));
        Optional<PersonalHealthBudget> budget = Optional.empty();
        List<LedgerEntry> ledger = new ArrayList<>();
        if (complex && r.nextInt(100) < 30 && died.isEmpty()) { // no budget after death (R26)
            budget = Optional.of(budget(r, i, patient, ledger));
        }
        List<Referral> referrals = new ArrayList<>();
        if (r.nextInt(100) < 30) {
            referrals.add(referral(r, i, id));
        }
        List<ConsentRecord> consents = new ArrayList<>();
        if (r.nextInt(100) < 3) {
            consents.add(ConsentRecord.active(new ConsentId(uuid(i, 5)), id,
                    ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY).policyRule(BasePolicy.OPT_OUT)
                            .provision(Provision.root().provision(Provision.deny()
                                    .actor(ProvisionActor.organisation(OdsCode.of("RH8")))
                                    .action(AccessAction.ACCESS).dataClass(DataClass.CARE_PLAN)))
                            .build(), since));
        }
        return new Person(patient, team, plan, budget, List.copyOf(ledger), List.copyOf(referrals),
                List.copyOf(consents));
    }

    /**
     * Writes every patient, one transaction per patient.
     *
     * @param storage the storage to fill; it should not already hold this seed's patients
     * @param threads writer threads, at least 1
     * @return how many aggregates and entries were written
     * @throws IllegalArgumentException if {@code threads} is below 1
     */
    public long writeTo(Storage storage, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        AtomicLong written = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    for (int i = first; i < patients; i += threads) {
                        written.addAndGet(write(storage, person(i)));
                    }
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the population", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("writing the population failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return written.get();
    }

    private static long write(Storage storage, Person p) {
        return storage.inTransaction(tx -> {
            long n = 1;
            tx.aggregates(PatientStores.PATIENTS).insert(p.patient());
            if (p.team().isPresent()) {
                tx.aggregates(CareTeamStores.TEAMS).insert(p.team().get());
                n++;
            }
            if (p.plan().isPresent()) {
                tx.aggregates(CarePlanStores.PLANS).insert(p.plan().get());
                n++;
            }
            if (p.budget().isPresent()) {
                tx.aggregates(BudgetStores.BUDGETS).insert(p.budget().get());
                for (LedgerEntry e : p.ledger()) {
                    tx.entries(BudgetStores.LEDGER).append(e);
                }
                n += 1 + p.ledger().size();
            }
            for (Referral r : p.referrals()) {
                tx.aggregates(ReferralStores.REFERRALS).insert(r);
            }
            for (ConsentRecord c : p.consents()) {
                tx.aggregates(ConsentStores.CONSENTS).insert(c);
            }
            return n + p.referrals().size() + p.consents().size();
        });
    }

    private CarePlan plan(Random r, int i, PatientId id) {
        // A review date within 3 months of agreement (R22, since budgets are funded from these plans);
        // a fifth of plans are overdue: drafted and agreed long enough ago for that date to have passed.
        boolean late = r.nextInt(100) < 20;
        // (84 days is inside 3 calendar months whatever the month.)
        int daysAgo = late ? 2 + r.nextInt(400) : 2 + r.nextInt(80);
        LocalDate draftDay = today.minusDays(daysAgo);
        Instant drafted = at(draftDay);
        LocalDate review = late ? draftDay.plusDays(1 + r.nextInt(Math.min(83, daysAgo - 2) + 1))
                : today.plusDays(1 + r.nextInt(84 - daysAgo));
        CarePlan draft = CarePlan.draft(new CarePlanId(uuid(i, 1)), id, CarePlans.complete(review), drafted, draftDay);
        int state = r.nextInt(100);
        if (state < 8) {
            return draft;
        }
        CarePlan proposed = draft.propose(List.of(), draftDay);
        if (state < 16) {
            return proposed;
        }
        CarePlan agreed = agree(proposed, id, drafted);
        if (state < 24) {
            return agreed.startReview();
        }
        if (state < 32) {
            return agreed.end(EndReason.COMPLETED, at(draftDay.plusDays(Math.max(1, daysAgo / 2))));
        }
        if (state < 40) {
            return agreed.enterInError(at(draftDay.plusDays(1)));
        }
        if (state < 60 && daysAgo > 10) {
            Instant reviewedAt = at(draftDay.plusDays(5 + r.nextInt(5)));
            LocalDate next = day(reviewedAt).plusDays(60);
            return CarePlans.reviewed(agreed, reviewedAt, next.equals(review) ? next.plusDays(1) : next);
        }
        return agreed;
    }

    private static CarePlan agree(CarePlan proposed, PatientId patient, Instant at) {
        return proposed.agree(new Signature(SignatoryKind.PATIENT, "patient:" + patient, Optional.empty(), at), day(at))
                .coSign(new Signature(SignatoryKind.LEAD_PROFESSIONAL, "professional:GP-1", Optional.empty(), at),
                        day(at));
    }

    private PersonalHealthBudget budget(Random r, int i, Patient person, List<LedgerEntry> ledger) {
        LocalDate start = today.minusDays(30 + r.nextInt(300));
        // Every patient is an adult, so every cohort but children's continuing care (R18).
        EligibilityReason[] adult = java.util.Arrays.stream(EligibilityReason.values())
                .filter(e -> e != EligibilityReason.CHILDREN_CONTINUING_CARE).toArray(EligibilityReason[]::new);
        EligibilityReason reason = adult[r.nextInt(adult.length)];
        List<BudgetLine> lines = new ArrayList<>();
        int mix = r.nextInt(4);
        if (mix == 0 || mix == 3) {
            lines.add(new BudgetLine(PA, SpendCategory.PERSONAL_ASSISTANT, Money.parse("6000.00"),
                    Management.directPayment(Recipient.patient(start),
                            new PaymentAccount(AccountKind.PREPAID_CARD, "CARD-" + i, start))));
        }
        if (mix == 1 || mix == 3) {
            lines.add(new BudgetLine(PHYSIO, SpendCategory.THERAPY, Money.parse("1200.00"), Management.notional()));
        }
        if (mix == 2 || mix == 3) {
            lines.add(new BudgetLine(EQUIP, SpendCategory.EQUIPMENT, Money.parse("800.00"),
                    Management.thirdParty("Independent Living Trust", Optional.of(OdsCode.of("RH8")))));
        }
        CarePlanId planId = new CarePlanId(uuid(i, 1));
        PersonalHealthBudget b = PersonalHealthBudget.propose(new BudgetId(uuid(i, 2)), person, planId,
                new Eligibility(reason, start), BudgetHolder.person(HolderKind.NOMINEE, UserId.of("NOM-1")), lines,
                start, BudgetPolicy.defaults(), start);
        if (r.nextInt(100) >= 85) {
            return b;
        }
        Set<BudgetLineCode> codes = new java.util.HashSet<>();
        lines.forEach(l -> codes.add(l.code()));
        b = b.activate(Optional.of(new AgreedPlan(planId, codes, Optional.of(today.plusMonths(6)))), start);
        BudgetLine line = lines.get(0);
        LedgerCommand allocation = line.isDirectPayment()
                ? LedgerCommand.Allocation.directPayment("alloc", line.code(), Money.parse("500.00"), start, "CARD-" + i)
                : LedgerCommand.Allocation.of("alloc", line.code(), Money.parse("500.00"), start);
        b = record(b, allocation, i, 0, ledger);
        int spends = r.nextInt(4);
        for (int s = 0; s < spends; s++) {
            LocalDate on = start.plusDays(1 + r.nextInt((int) Math.max(1, today.toEpochDay() - start.toEpochDay())));
            if (on.isAfter(today)) {
                on = today;
            }
            b = record(b, LedgerCommand.Spend.of("spend-" + s, line.code(), Money.ofPence(1000 + r.nextInt(9000)), on,
                    line.category(), "Synthetic payee"), i, s + 1, ledger);
        }
        return b;
    }

    private static PersonalHealthBudget record(PersonalHealthBudget b, LedgerCommand command, int i, int n,
            List<LedgerEntry> ledger) {
        LedgerEntry e = command.toEntry(new LedgerEntryId(uuid(i, 10 + n)), b.id(), b.patient(), FIXTURE_USER,
                at(b.startDate()));
        ledger.add(e);
        return b.record(e, BudgetPolicy.defaults());
    }

    private Referral referral(Random r, int i, PatientId id) {
        int kind = r.nextInt(100);
        LocalDate sent = today.minusDays(r.nextInt(70 * 7));
        Instant at = at(sent);
        RequestType type = kind < 5 ? RequestType.ADVICE_AND_GUIDANCE : RequestType.APPOINTMENT;
        HealthcareService provider = PROVIDERS[r.nextInt(PROVIDERS.length)];
        Referral draft = Referral.draft(new ReferralId(uuid(i, 3)), new Ubrn(String.format("%012d", 100_000_000_000L + i)),
                id, new Referrer(UserId.of("GP1"), PRACTICE), Priority.ROUTINE, Referrals.CARDIOLOGY,
                "Synthetic reason", type, List.of(), at);
        if (kind >= 95) {
            return draft;
        }
        PatientChoice choice = r.nextInt(100) < 85 ? PatientChoice.choiceOffered()
                : PatientChoice.exempt(ChoiceExemption.URGENT_OR_EMERGENCY_CARE);
        List<HealthcareService> shortlist = type == RequestType.ADVICE_AND_GUIDANCE ? List.of(provider)
                : List.of(Referrals.LEEDS, Referrals.YORK); // advice and guidance asks one service (R29)
        Referral notBooked = apply(apply(draft, new ReferralCommand.Shortlist(shortlist, choice), at),
                new ReferralCommand.Submit(), at);
        if (type == RequestType.ADVICE_AND_GUIDANCE) {
            return notBooked;
        }
        Referral booked = apply(notBooked, new ReferralCommand.Book(provider.id(), at.plus(Duration.ofDays(14))), at);
        int outcome = r.nextInt(100);
        if (outcome < 3 && sent.plusDays(15).isBefore(today)) {
            Referral dna = apply(booked, new ReferralCommand.RecordDidNotAttend(), at.plus(Duration.ofDays(14)));
            return apply(dna, new ReferralCommand.NullifyClock(UserId.of("CONS-1")), at.plus(Duration.ofDays(15)));
        }
        if (outcome < 23) {
            long waited = today.toEpochDay() - sent.toEpochDay();
            Instant stop = at(sent.plusDays(waited == 0 ? 0 : r.nextInt((int) waited + 1)));
            return apply(booked, new ReferralCommand.StopClock(StopReason.FIRST_DEFINITIVE_TREATMENT), stop);
        }
        return booked;
    }

    private static Referral apply(Referral referral, ReferralCommand command, Instant at) {
        UUID[] next = {new UUID(referral.id().value().getMostSignificantBits(),
                referral.id().value().getLeastSignificantBits() + referral.history().size() * 16L)};
        return referral.apply(command, at, () -> {
            UUID id = next[0];
            next[0] = new UUID(id.getMostSignificantBits(), id.getLeastSignificantBits() + 1);
            return id;
        }).referral();
    }

    /** Ids of patient {@code i}: one per kind of record, stable for the seed. */
    private static UUID uuid(int i, int kind) {
        return new UUID(0x5E7DL << 48 | (long) kind << 32 | 0x4000L, 0x8000_0000_0000_0000L | i);
    }

    /** A valid NHS number unique to patient {@code i}: the first base in i's own block of ten with a check digit. */
    private static NhsNumber nhsNumber(int i) {
        for (int k = 0; k < 10; k++) {
            String base = String.format("%09d", 400_000_000L + 10L * i + k);
            int check = NhsNumber.checkDigitFor(base);
            if (check >= 0) {
                return new NhsNumber(base + check);
            }
        }
        throw new IllegalStateException("no NHS number in the block");
    }

    /** Midday UK time on the date, so the UK date and the UTC date agree. */
    private static Instant at(LocalDate date) {
        return date.atTime(LocalTime.NOON).atZone(RttClock.UK).toInstant();
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
