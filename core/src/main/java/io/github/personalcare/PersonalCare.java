package io.github.personalcare;

import io.github.personalcare.internal.ServiceWiring;
import io.github.personalcare.lang.PersonalCareException;
import io.github.personalcare.spi.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import io.github.personalcare.patient.RegisteredPractice;
import io.github.personalcare.lang.ConfigurationException;
import io.github.personalcare.internal.AccessGuard;
import io.github.personalcare.internal.ChangeHooks;
import io.github.personalcare.spi.AccessPolicy;
import io.github.personalcare.spi.CareRelationship;
import io.github.personalcare.report.AuditService;
import io.github.personalcare.budget.AgreedPlanLines;
import io.github.personalcare.budget.BudgetPolicy;
import io.github.personalcare.prescription.PrescriptionPolicy;
import io.github.personalcare.prescription.PrescriptionService;
import io.github.personalcare.budget.BudgetService;
import io.github.personalcare.careplan.CarePlanService;
import io.github.personalcare.careteam.CareTeamRelationships;
import io.github.personalcare.careteam.CareTeamService;
import io.github.personalcare.consent.ConsentAccessPolicy;
import io.github.personalcare.consent.ConsentPolicy;
import io.github.personalcare.consent.ConsentService;
import io.github.personalcare.patient.PatientService;
import io.github.personalcare.record.RecordImportService;
import io.github.personalcare.report.ReportService;
import io.github.personalcare.report.SmallNumbers;
import io.github.personalcare.econsult.EconsultService;
import io.github.personalcare.econsult.TriageTarget;
import io.github.personalcare.feedback.FeedbackService;
import io.github.personalcare.feedback.MinimumGroup;
import io.github.personalcare.appointment.AppointmentRelationships;
import io.github.personalcare.appointment.AppointmentReminders;
import io.github.personalcare.appointment.AppointmentService;
import io.github.personalcare.referral.InMemoryServiceDirectory;
import io.github.personalcare.referral.ReferralRelationships;
import io.github.personalcare.referral.ReferralService;
import io.github.personalcare.messaging.MessagingService;
import io.github.personalcare.referral.ServiceDirectory;
import io.github.personalcare.spi.Storage;
import io.github.personalcare.spi.Transport;
import io.github.personalcare.store.memory.InMemoryStorage;

import java.security.KeyPair;
import java.security.SecureRandom;
import io.github.personalcare.audit.AuditCheckpoint;
import io.github.personalcare.audit.AuditKeys;
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
 *         LocalDate.of(1950, 12, 10), Set.of(PatientFlag.COMPLEX_NEEDS), Optional.empty())
 *         .value();                                  // every command returns Versioned<T>
 * }</pre>
 */
public final class PersonalCare implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PersonalCare.class);

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
    private final MessagingService messaging;
    private final PrescriptionService prescriptions;
    private final AppointmentService appointments;
    private final ConsentService consents;
    private final RecordImportService imports;
    private final EconsultService econsultations;
    private final FeedbackService feedback;
    private final OutboxRelay relay;
    private final ScheduledExecutorService relayThread;

    private PersonalCare(Builder b) {
        this.storage = b.storage != null ? b.storage : new InMemoryStorage();
        this.clock = b.clock != null ? b.clock : Clock.systemUTC();
        this.transport = b.transport != null ? b.transport : Transport.none();
        CareRelationship relationships = CareRelationship.anyOf(
                new RegisteredPractice(), new CareTeamRelationships(), new ReferralRelationships(), new AppointmentRelationships());
        ConsentPolicy consentPolicy = b.consentPolicy != null ? b.consentPolicy : ConsentPolicy.nhsEnglandDefaults();
        AccessPolicy policy = b.accessPolicy != null
                ? b.accessPolicy
                : new ConsentAccessPolicy(relationships, consentPolicy);
        if (b.auditKeys == null) {
            log.warn("audit chain is unkeyed (plain SHA-256): anyone who can write the audit tables can rewrite "
                    + "it unseen; set auditKeys on the builder in production");
        }
        this.guard = new AccessGuard(storage, policy, clock, b.auditKeys != null ? b.auditKeys : AuditKeys.unkeyed());
        Map<Class<?>, Object> options = new HashMap<>();
        if (b.auditCheckpointKey != null) {
            options.put(KeyPair.class, b.auditCheckpointKey);
        }
        options.put(ChangeHooks.class, new ChangeHooks());
        if (b.budgetPolicy != null) {
            options.put(BudgetPolicy.class, b.budgetPolicy);
        }
        if (b.prescriptionPolicy != null) {
            options.put(PrescriptionPolicy.class, b.prescriptionPolicy);
        }
        if (b.serviceDirectory != null) {
            options.put(ServiceDirectory.class, b.serviceDirectory);
        }
        if (b.smallNumbers != null) {
            options.put(SmallNumbers.class, b.smallNumbers);
        }
        if (b.triageTarget != null) {
            options.put(TriageTarget.class, b.triageTarget);
        }
        if (b.feedbackMinimumGroup != null) {
            options.put(MinimumGroup.class, b.feedbackMinimumGroup);
        }
        if (b.appointmentReminders != null) {
            options.put(AppointmentReminders.class, b.appointmentReminders);
        }
        ServiceWiring wiring = new ServiceWiring(guard, storage, options);
        this.patients = wiring.create(PatientService.class);
        this.audit = wiring.create(AuditService.class);
        this.careTeams = wiring.create(CareTeamService.class);
        this.carePlans = wiring.create(CarePlanService.class);
        this.reports = wiring.create(ReportService.class);
        this.budgets = wiring.create(BudgetService.class);
        this.referrals = wiring.create(ReferralService.class);
        this.messaging = wiring.create(MessagingService.class);
        this.prescriptions = wiring.create(PrescriptionService.class);
        this.appointments = wiring.create(AppointmentService.class);
        this.consents = wiring.create(ConsentService.class);
        this.imports = wiring.create(RecordImportService.class);
        this.econsultations = wiring.create(EconsultService.class);
        this.feedback = wiring.create(FeedbackService.class);
        this.relay = b.transport == null ? null
                : new OutboxRelay(storage, transport, clock, b.relayPolicy != null ? b.relayPolicy : OutboxRelay.Policy.defaults());
        this.relayThread = relay != null && b.relayEvery != null ? startRelay(relay, b.relayEvery) : null;
    }

    private static ScheduledExecutorService startRelay(OutboxRelay relay, Duration every) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "personalcare-outbox-relay");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                relay.relay();
            } catch (RuntimeException e) {
                // A failed round (storage down) is retried at the next tick; entries stay in the outbox.
                // Only the SDK's rule code: an adapter's exception text could quote stored data.
                String rule = e instanceof PersonalCareException p ? p.rule() : "UNEXPECTED";
                log.warn("outbox relay round failed (rule {}); retrying in {} ms", rule, every.toMillis());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return executor;
    }

    /** {@return a builder with every option at its default} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the service for registering patients and reading their demographic record} */
    public PatientService patients() {
        return patients;
    }

    /**
     * {@return the service for repeat prescriptions: the repeat list, requests by the patient or a
     * proxy, approval, rejection and issue, medication reviews due}
     */
    public PrescriptionService prescriptions() {
        return prescriptions;
    }

    /** {@return the service for referrals, with patient choice and the 18-week RTT clock} */
    public ReferralService referrals() {
        return referrals;
    }

    /**
     * {@return the service for secure messaging between the patient (or a proxy) and their care
     * team: conversations, messages, corrections, read receipts}
     */
    public MessagingService messaging() {
        return messaging;
    }

    /** {@return the service for appointments: published slots, booking, rebooking, cancellation, reminders} */
    public AppointmentService appointments() {
        return appointments;
    }

    /** {@return the audit trail: access logs and chain verification} */
    public AuditService audit() {
        return audit;
    }

    /**
     * {@return the service for who is involved in each person's care: professionals, carers, the
     * lead professional}
     */
    public CareTeamService careTeams() {
        return careTeams;
    }

    /**
     * {@return the service for personalised care and support plans: drafting, agreement, versions
     * and reviews}
     */
    public CarePlanService carePlans() {
        return carePlans;
    }

    /**
     * {@return population-level reports for commissioners: care plan coverage, RTT waits, budgets}
     */
    public ReportService reports() {
        return reports;
    }

    /**
     * {@return the service for personal health budgets: ledgers, spending rules, direct payments,
     * reviews}
     */
    public BudgetService budgets() {
        return budgets;
    }

    /**
     * {@return the service for recording, changing, withdrawing and listing a patient's consents}
     */
    public ConsentService consents() {
        return consents;
    }

    /**
     * {@return the bulk path in: stores whole patient records read from FHIR or built by migration
     * code, one transaction per record, idempotent per record, with progress and per-record problems}
     */
    public RecordImportService imports() {
        return imports;
    }

    /**
     * {@return the service for e-consultations: structured online requests to the patient's practice,
     * red flags routed to urgent advice, triage outcomes within the target time, overdue lists}
     */
    public EconsultService econsultations() {
        return econsultations;
    }

    /**
     * {@return the service for feedback: Friends and Family Test and involvement answers, withdrawal,
     * anonymous aggregates with small groups suppressed}
     */
    public FeedbackService feedback() {
        return feedback;
    }

    /** {@return the clock commands are timed by} */
    public Clock clock() {
        return clock;
    }

    /**
     * The outbox relay that delivers committed domain events through the configured
     * {@linkplain Builder#transport transport}, at least once and in order per patient; empty when
     * no transport is configured (events then stay in the outbox). When the builder set
     * {@link Builder#relayEvery relayEvery}, a background thread already runs it; otherwise the caller
     * runs {@link OutboxRelay#relay()} from its own scheduler.
     *
     * @return the relay, or empty when no transport is configured
     */
    public Optional<OutboxRelay> outboxRelay() {
        return Optional.ofNullable(relay);
    }

    /**
     * Stops the background relay thread, if one was started, waiting up to 30 seconds for a round in
     * progress to finish; undelivered events stay in the outbox for the next start. Storage is the
     * caller's and is not closed. Services stay usable after close; only delivery stops. Idempotent.
     */
    @Override
    public void close() {
        if (relayThread == null) {
            return;
        }
        relayThread.shutdown();
        try {
            if (!relayThread.awaitTermination(30, TimeUnit.SECONDS)) {
                relayThread.shutdownNow();
            }
        } catch (InterruptedException e) {
            relayThread.shutdownNow();
            Thread.currentThread().interrupt();
        }
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
        private PrescriptionPolicy prescriptionPolicy;
        private ServiceDirectory serviceDirectory;
        private SmallNumbers smallNumbers;
        private TriageTarget triageTarget;
        private MinimumGroup feedbackMinimumGroup;
        private AppointmentReminders appointmentReminders;
        private ConsentPolicy consentPolicy;
        private Duration relayEvery;
        private OutboxRelay.Policy relayPolicy;
        private AuditKeys auditKeys;
        private KeyPair auditCheckpointKey;

        private Builder() {
        }

        /**
         * Where records are kept. Default: a new {@link InMemoryStorage}.
         *
         * @param storage the storage
         * @return this builder
         * @throws ConfigurationException if {@code storage} is null or was already set
         */
        public Builder storage(Storage storage) {
            this.storage = once("storage", this.storage, storage);
            return this;
        }

        /**
         * Where the time of each command comes from. Default: {@link Clock#systemUTC()}.
         *
         * @param clock the clock
         * @return this builder
         * @throws ConfigurationException if {@code clock} is null or was already set
         */
        public Builder clock(Clock clock) {
            this.clock = once("clock", this.clock, clock);
            return this;
        }

        /**
         * Where outbox events are delivered: the built SDK has an {@link PersonalCare#outboxRelay()
         * outbox relay} that hands each committed event to this transport at least once. Default:
         * none; events stay in the outbox.
         *
         * @param transport the transport
         * @return this builder
         * @throws ConfigurationException if {@code transport} is null or was already set
         */
        public Builder transport(Transport transport) {
            this.transport = once("transport", this.transport, transport);
            return this;
        }

        /**
         * Runs the outbox relay on a background daemon thread, one round every {@code interval}
         * after the previous round ends, until {@link PersonalCare#close()}. Needs a
         * {@link #transport transport}. Default: no thread; the caller runs rounds.
         *
         * @param interval the delay between the end of one round and the start of the next
         * @return this builder
         * @throws ConfigurationException if {@code interval} is null, zero or negative, or was
         *                                already set
         */
        public Builder relayEvery(Duration interval) {
            Duration value = once("relayEvery", this.relayEvery, interval);
            if (value.isNegative() || value.isZero()) {
                throw new ConfigurationException("relayEvery", "must be positive");
            }
            this.relayEvery = value;
            return this;
        }

        /**
         * Attempts, backoff and batch size of the outbox relay. Default: {@link OutboxRelay.Policy#defaults()}.
         *
         * @param policy the relay policy
         * @return this builder
         * @throws ConfigurationException if {@code policy} is null or was already set
         */
        public Builder relayPolicy(OutboxRelay.Policy policy) {
            this.relayPolicy = once("relayPolicy", this.relayPolicy, policy);
            return this;
        }

        /**
         * The policy every access is decided by. Default: the consent engine
         * ({@link ConsentAccessPolicy}) under the {@link #consentPolicy consent policy}. Cannot be
         * combined with {@link #consentPolicy}.
         *
         * @param policy the access policy
         * @return this builder
         * @throws ConfigurationException if {@code policy} is null or was already set
         */
        public Builder accessPolicy(AccessPolicy policy) {
            this.accessPolicy = once("accessPolicy", this.accessPolicy, policy);
            return this;
        }

        /**
         * The local policy personal health budgets run under: extra excluded categories, audited
         * overrides, notional overspend, allocation period. Default: {@link BudgetPolicy#defaults()}.
         *
         * @param policy the budget policy
         * @return this builder
         * @throws ConfigurationException if {@code policy} is null or was already set
         */
        public Builder budgetPolicy(BudgetPolicy policy) {
            this.budgetPolicy = once("budgetPolicy", this.budgetPolicy, policy);
            return this;
        }

        /**
         * The local policy repeat prescriptions run under: the share of a medicine's interval that
         * must pass before it is requested again, the medication review window, the prescriber
         * roles. Default: {@link PrescriptionPolicy#defaults()}.
         *
         * @param policy the prescription policy
         * @return this builder
         * @throws ConfigurationException if {@code policy} is null or was already set
         */
        public Builder prescriptionPolicy(PrescriptionPolicy policy) {
            this.prescriptionPolicy = once("prescriptionPolicy", this.prescriptionPolicy, policy);
            return this;
        }

        /**
         * The ages, break-glass window and switches the default access policy applies. Default:
         * {@link ConsentPolicy#nhsEnglandDefaults()}.
         *
         * @param policy the consent policy
         * @return this builder
         * @throws ConfigurationException if {@code policy} is null or was already set
         */
        public Builder consentPolicy(ConsentPolicy policy) {
            this.consentPolicy = once("consentPolicy", this.consentPolicy, policy);
            return this;
        }

        /**
         * The directory referrers search to shortlist services. Default: an empty
         * {@link InMemoryServiceDirectory}, so every shortlist is refused until one is configured.
         *
         * @param directory the service directory
         * @return this builder
         * @throws ConfigurationException if {@code directory} is null or was already set
         */
        public Builder serviceDirectory(ServiceDirectory directory) {
            this.serviceDirectory = once("serviceDirectory", this.serviceDirectory, directory);
            return this;
        }

        /**
         * The small-number rule population reports apply for every caller not acting for
         * administration (see {@link ReportService}). Default: {@link SmallNumbers#NHS_DIGITAL},
         * suppress 1 to 7 and round the rest to the nearest 5.
         *
         * @param rule the small-number rule
         * @return this builder
         * @throws ConfigurationException if {@code rule} is null or was already set
         */
        public Builder smallNumbers(SmallNumbers rule) {
            this.smallNumbers = once("smallNumbers", this.smallNumbers, rule);
            return this;
        }

        /**
         * How long a practice has to triage a routine e-consultation. Default:
         * {@link TriageTarget#DEFAULT}, 48 hours from submission.
         *
         * @param target the triage target time
         * @return this builder
         * @throws ConfigurationException if {@code target} is null or was already set
         */
        public Builder triageTarget(TriageTarget target) {
            this.triageTarget = once("triageTarget", this.triageTarget, target);
            return this;
        }

        /**
         * The smallest group of feedback responses an aggregate may reveal. Default:
         * {@link MinimumGroup#DEFAULT}, 5.
         *
         * @param minimum the minimum group size
         * @return this builder
         * @throws ConfigurationException if {@code minimum} is null or was already set
         */
        public Builder feedbackMinimumGroup(MinimumGroup minimum) {
            this.feedbackMinimumGroup = once("feedbackMinimumGroup", this.feedbackMinimumGroup, minimum);
            return this;
        }

        /**
         * When appointment reminders fall due before the start. Default:
         * {@link AppointmentReminders#DEFAULT}, 7 days and 1 day before.
         *
         * @param reminders the reminder offsets
         * @return this builder
         * @throws ConfigurationException if {@code reminders} is null or was already set
         */
        public Builder appointmentReminders(AppointmentReminders reminders) {
            this.appointmentReminders = once("appointmentReminders", this.appointmentReminders, reminders);
            return this;
        }

        /**
         * The keys of the audit hash chain (R50): the current key seals new records with
         * HMAC-SHA256, earlier keys still verify what they sealed. Keep them out of the database.
         * Default: {@link AuditKeys#unkeyed()}, plain SHA-256, which anyone who can write the audit
         * tables can recompute; fine for embedded and demo use, logged once at build, not for
         * production. See {@code docs/storage.md}.
         *
         * @param keys the audit keys, e.g. {@code AuditKeys.of(AuditKey.of(secret, "2026-12"))}
         * @return this builder
         * @throws ConfigurationException if {@code keys} is null or was already set
         */
        public Builder auditKeys(AuditKeys keys) {
            this.auditKeys = once("auditKeys", this.auditKeys, keys);
            return this;
        }

        /**
         * The key pair that signs audit checkpoints ({@code audit().checkpoint}), Ed25519 or EC
         * from {@code java.security}: a third party holding a checkpoint checks it with the public
         * key alone. Default: none, and checkpoints are refused.
         *
         * @param pair the key pair
         * @return this builder
         * @throws ConfigurationException if {@code pair} is null, was already set, or is not an
         *                                Ed25519 or EC pair
         */
        public Builder auditCheckpointKey(KeyPair pair) {
            this.auditCheckpointKey = once("auditCheckpointKey", this.auditCheckpointKey,
                    AuditCheckpoint.requireSigningPair(pair));
            return this;
        }

        /**
         * Builds the SDK.
         *
         * @return the SDK, immutable and thread-safe
         * @throws ConfigurationException if both an access policy and a consent policy are set (the
         *                                consent policy would be ignored), or a relay option is set
         *                                without a transport
         */
        public PersonalCare build() {
            if (accessPolicy != null && consentPolicy != null) {
                throw new ConfigurationException("consentPolicy", "applies to the default access policy only; "
                        + "do not combine it with accessPolicy");
            }
            if ((relayEvery != null || relayPolicy != null) && transport == null) {
                throw new ConfigurationException(relayEvery != null ? "relayEvery" : "relayPolicy",
                        "needs a transport to deliver through");
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
