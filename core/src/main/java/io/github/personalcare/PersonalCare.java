package io.github.personalcare;

import io.github.personalcare.patient.RegisteredPractice;
import io.github.personalcare.lang.ConfigurationException;
import io.github.personalcare.internal.AccessGuard;
import io.github.personalcare.spi.AccessPolicy;
import io.github.personalcare.spi.CareRelationship;
import io.github.personalcare.report.AuditService;
import io.github.personalcare.budget.AgreedPlanLines;
import io.github.personalcare.budget.BudgetPolicy;
import io.github.personalcare.budget.BudgetService;
import io.github.personalcare.careplan.CarePlanService;
import io.github.personalcare.careteam.CareTeamRelationships;
import io.github.personalcare.careteam.CareTeamService;
import io.github.personalcare.consent.ConsentAccessPolicy;
import io.github.personalcare.consent.ConsentPolicy;
import io.github.personalcare.consent.ConsentService;
import io.github.personalcare.patient.PatientService;
import io.github.personalcare.report.ReportService;
import io.github.personalcare.referral.InMemoryServiceDirectory;
import io.github.personalcare.referral.ReferralRelationships;
import io.github.personalcare.referral.ReferralService;
import io.github.personalcare.referral.ServiceDirectory;
import io.github.personalcare.spi.Storage;
import io.github.personalcare.spi.Transport;
import io.github.personalcare.store.memory.InMemoryStorage;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;

/**
 * The entry point of the SDK: built once, immutable and thread-safe, it gives the services that
 * are the only way to patient data. Every service method takes an
 * {@link io.github.personalcare.access.AccessContext} first; the access guard decides and audits
 * each call before anything is read or written.
 *
 * <pre>{@code
 * PersonalCare care = PersonalCare.builder()
 *         .clock(Clock.systemUTC())
 *         .build();                                  // in-memory storage by default
 * Patient patient = care.patients().register(ctx, NhsNumber.parse("943 476 5870"),
 *         NhsNumberVerification.VERIFIED, new PersonName("Ada", "Lovelace"),
 *         LocalDate.of(1950, 12, 10), Set.of(PatientFlag.COMPLEX_NEEDS), Optional.empty());
 * }</pre>
 */
public final class PersonalCare {
    private final Storage storage;
    private final Clock clock;
    private final Transport transport;
    private final AccessGuard guard;
    private final PatientService patients;
    private final AuditService audit;
    private final CareTeamService careTeams;
    private final CarePlanService carePlans;
    private final ReportService reports;
    private final BudgetService budgets;
    private final ReferralService referrals;
    private final ConsentService consents;

    private PersonalCare(Builder b) {
        this.storage = b.storage != null ? b.storage : new InMemoryStorage();
        this.clock = b.clock != null ? b.clock : Clock.systemUTC();
        this.transport = b.transport != null ? b.transport : Transport.none();
        CareRelationship relationships = CareRelationship.anyOf(
                new RegisteredPractice(), new CareTeamRelationships(), new ReferralRelationships());
        ConsentPolicy consentPolicy = b.consentPolicy != null ? b.consentPolicy : ConsentPolicy.nhsEnglandDefaults();
        AccessPolicy policy = b.accessPolicy != null
                ? b.accessPolicy
                : new ConsentAccessPolicy(relationships, consentPolicy);
        this.guard = new AccessGuard(storage, policy, clock);
        this.patients = new PatientService(guard);
        this.audit = new AuditService(guard);
        this.careTeams = new CareTeamService(guard, storage);
        this.carePlans = new CarePlanService(guard, storage);
        this.reports = new ReportService(guard);
        this.budgets = new BudgetService(guard, storage,
                b.budgetPolicy != null ? b.budgetPolicy : BudgetPolicy.defaults(), AgreedPlanLines.carePlans());
        this.referrals = new ReferralService(guard,
                b.serviceDirectory != null ? b.serviceDirectory : InMemoryServiceDirectory.empty(), new SecureRandom());
        this.consents = new ConsentService(guard);
    }

    /** A builder with every option at its default. */
    public static Builder builder() {
        return new Builder();
    }

    /** Registering patients and reading their demographic record. */
    public PatientService patients() {
        return patients;
    }

    /** Referrals with patient choice and the 18-week RTT clock. */
    public ReferralService referrals() {
        return referrals;
    }

    /** The audit trail: access logs and chain verification. */
    public AuditService audit() {
        return audit;
    }

    /** Who is involved in each person's care: professionals, carers, the lead professional. */
    public CareTeamService careTeams() {
        return careTeams;
    }

    /** Personalised care and support plans: drafting, agreement, versions and reviews. */
    public CarePlanService carePlans() {
        return carePlans;
    }

    /** Population-level reports for commissioners (care plan coverage). */
    public ReportService reports() {
        return reports;
    }

    /** Personal health budgets: ledgers, spending rules, direct payments, reviews and reports. */
    public BudgetService budgets() {
        return budgets;
    }

    /** Recording, changing, withdrawing and listing a patient's consents. */
    public ConsentService consents() {
        return consents;
    }

    /** The storage in use (for adapters' relays and tests; services are the way to data). */
    public Storage storage() {
        return storage;
    }

    /** The clock commands are timed by. */
    public Clock clock() {
        return clock;
    }

    /** The transport outbox events are delivered through. */
    public Transport transport() {
        return transport;
    }

    /**
     * Options for {@link PersonalCare}. Each option may be set once; setting it twice throws
     * {@link ConfigurationException} naming it. Not thread-safe; the built object is.
     */
    public static final class Builder {
        private Storage storage;
        private Clock clock;
        private Transport transport;
        private AccessPolicy accessPolicy;
        private BudgetPolicy budgetPolicy;
        private ServiceDirectory serviceDirectory;
        private ConsentPolicy consentPolicy;

        private Builder() {
        }

        /** Where records are kept. Default: a new {@link InMemoryStorage}. */
        public Builder storage(Storage storage) {
            this.storage = once("storage", this.storage, storage);
            return this;
        }

        /** Where the time of each command comes from. Default: {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = once("clock", this.clock, clock);
            return this;
        }

        /** Where outbox events are delivered. Default: {@link Transport#none()} (events stay in the outbox). */
        public Builder transport(Transport transport) {
            this.transport = once("transport", this.transport, transport);
            return this;
        }

        /**
         * The policy every access is decided by. Default: the consent engine
         * ({@link ConsentAccessPolicy}) under the {@link #consentPolicy consent policy}. Cannot be
         * combined with {@link #consentPolicy}.
         */
        public Builder accessPolicy(AccessPolicy policy) {
            this.accessPolicy = once("accessPolicy", this.accessPolicy, policy);
            return this;
        }

        /**
         * The local policy personal health budgets run under: extra excluded categories, audited
         * overrides, notional overspend, allocation period. Default: {@link BudgetPolicy#defaults()}.
         */
        public Builder budgetPolicy(BudgetPolicy policy) {
            this.budgetPolicy = once("budgetPolicy", this.budgetPolicy, policy);
            return this;
        }

        /**
         * The ages, break-glass window and switches the default access policy applies. Default:
         * {@link ConsentPolicy#nhsEnglandDefaults()}.
         */
        public Builder consentPolicy(ConsentPolicy policy) {
            this.consentPolicy = once("consentPolicy", this.consentPolicy, policy);
            return this;
        }

        /**
         * The directory referrers search to shortlist services. Default: an empty
         * {@link InMemoryServiceDirectory}, so every shortlist is refused until one is configured.
         */
        public Builder serviceDirectory(ServiceDirectory directory) {
            this.serviceDirectory = once("serviceDirectory", this.serviceDirectory, directory);
            return this;
        }

        /**
         * Builds the SDK.
         *
         * @throws ConfigurationException if both an access policy and a consent policy are set
         *                                (the consent policy would be ignored)
         */
        public PersonalCare build() {
            if (accessPolicy != null && consentPolicy != null) {
                throw new ConfigurationException("consentPolicy", "applies to the default access policy only; "
                        + "do not combine it with accessPolicy");
            }
            return new PersonalCare(this);
        }

        private static <T> T once(String option, T current, T value) {
            if (value == null) {
                throw new ConfigurationException(option, "must not be null");
            }
            if (current != null) {
                throw new ConfigurationException(option, "may be set only once");
            }
            return Objects.requireNonNull(value);
        }
    }
}
