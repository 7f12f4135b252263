package io.github.personalcare.patient;

import io.github.personalcare.internal.ServiceWiring;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.internal.AccessGuard;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.internal.GuardedAggregates;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.internal.GuardedCall;
import io.github.personalcare.spi.DuplicateKeyException;
import io.github.personalcare.spi.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Registers patients and reads their demographic record, through the access guard.
 *
 * <pre>{@code
 * Versioned<Patient> p = care.patients().register(ctx, NhsNumber.parse("943 476 5870"),
 *         NhsNumberVerification.VERIFIED, new PersonName("Ada", "Lovelace"),
 *         LocalDate.of(1950, 12, 10), Set.of(PatientFlag.COMPLEX_NEEDS), Optional.of(OdsCode.of("A81001")));
 * }</pre>
 */
public final class PatientService {
    private static final Logger log = LoggerFactory.getLogger(PatientService.class);
    private final AccessGuard guard;
    private final GuardedAggregates<PatientId, Patient> patients;

    /** Age from which a person is presumed competent (R46): no Gillick assessment is recorded. */
    private static final int PRESUMED_COMPETENCE_AGE = 16;

    static {
        ServiceWiring.register(PatientService.class, w -> new PatientService(w.guard()));
    }

    /** Created by the entry point through {@link ServiceWiring}; suppliers use {@code PersonalCare}. */
    PatientService(AccessGuard guard) {
        this.guard = Require.present("guard", guard);
        this.patients = new GuardedAggregates<>(guard, PatientStores.PATIENTS, DataClass.DEMOGRAPHICS, "Patient");
    }

    /**
     * Registers a patient. At most one patient per NHS number (R2).
     *
     * @param ctx                who asks, for what purpose
     * @param nhsNumber          the patient's NHS number
     * @param verification       how far the NHS number has been verified against PDS
     * @param name               the name the person uses
     * @param dateOfBirth        the date of birth, not in the future
     * @param flags              the flags, such as {@link PatientFlag#COMPLEX_NEEDS}; never the deprecated
     *                           Gillick flag (use {@link #recordCompetence})
     * @param registeredPractice the registered GP practice, if known
     * @return the patient's record at version 1
     * @throws RuleViolationException if a patient with this NHS number is already registered (R2)
     * @throws io.github.personalcare.lang.InvalidInputException for invalid fields, a date of birth in the
     *                                                           future or outside
     *                                                           {@link io.github.personalcare.lang.CalendarLimits},
     *                                                           or the Gillick flag (R46)
     * @throws io.github.personalcare.access.AccessDeniedException if the actor may not register
     */
    public Versioned<Patient> register(AccessContext ctx, NhsNumber nhsNumber, NhsNumberVerification verification,
            PersonName name, LocalDate dateOfBirth, Set<PatientFlag> flags, Optional<OdsCode> registeredPractice) {
        Require.set("flags", flags);
        refuseGillickFlag(flags);
        PatientId id = PatientId.random();
        Patient patient = new Patient(id, nhsNumber, verification, name, dateOfBirth, flags, registeredPractice,
                Optional.empty());
        Require.date("dateOfBirth", dateOfBirth);
        if (dateOfBirth.isAfter(LocalDate.ofInstant(guard.clock().instant(), guard.clock().getZone()))) {
            throw new io.github.personalcare.lang.InvalidInputException("dateOfBirth", "DATE", "must not be in the future");
        }
        Versioned<Patient> saved = guard.run(GuardedCall.on(ctx, id, AccessAction.COLLECT, DataClass.DEMOGRAPHICS,
                "patient.register", patients.subject(id)), p -> {
            var stored = p.tx().aggregates(PatientStores.PATIENTS);
            if (!stored.query(Query.where("nhs_number").is(nhsNumber.value())).isEmpty()) {
                throw new RuleViolationException("R2", "a patient with this NHS number is already registered");
            }
            long version;
            try {
                version = stored.insert(patient);
            } catch (DuplicateKeyException e) {
                // A concurrent registration took the NHS number after the check above; a storage with
                // a unique index on it (the JDBC adapter) refuses the second insert. Ids are random UUIDs.
                throw new RuleViolationException("R2", "a patient with this NHS number is already registered");
            }
            p.tx().outbox().publish(new PatientEvent.Registered(UUID.randomUUID(), p.now(), id));
            return new Versioned<>(patient, version);
        });
        log.info("patient {} registered", id);
        return saved;
    }

    /**
     * The patient's record with its stored version, the version {@link #updateFlags} expects. For an
     * S-flagged (sensitive) patient, a professional with no recorded relationship, reading on a
     * self-claimed relationship or by break-glass (rule R40), is not shown the registered practice
     * (R49): its location could reveal where the patient lives.
     *
     * @param ctx who asks, for what purpose
     * @param id  the patient's internal id
     * @return the patient's record as this caller may see it, with its stored version
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not read the patient's
     *                                                             record (audited)
     * @throws io.github.personalcare.lang.NotFoundException if the caller may ask and there is no such
     *                                                       patient (audited)
     */
    public Versioned<Patient> get(AccessContext ctx, PatientId id) {
        return patients.read(ctx, id, "patient.read", (p, v) -> {
            Patient patient = v.value();
            boolean outsider = "R40".equals(p.decision().rule());
            return patient.has(PatientFlag.SENSITIVE) && outsider && patient.registeredPractice().isPresent()
                    ? new Versioned<>(patient.withoutRegisteredPractice(), v.version()) : v;
        });
    }

    /**
     * Replaces the patient's flags (complex needs, capacity, opt-out ...).
     *
     * @param ctx             who asks, for what purpose
     * @param id              the patient's internal id
     * @param flags           the new flags, replacing all of the old ones
     * @param expectedVersion the version read
     * @return the record at its new version
     * @throws io.github.personalcare.lang.InvalidInputException if {@code flags} is missing, holds an empty item, or sets the
     *                                                           Gillick flag anew (R46)
     * @throws RuleViolationException if the purpose is administration and a flag other than the national
     *                                data opt-out changes
     * @throws io.github.personalcare.lang.VersionConflictException if the record is no longer at
     *                                                              {@code expectedVersion}
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the patient's
     *                                                             record (audited)
     * @throws io.github.personalcare.lang.NotFoundException if the caller may ask and there is no such
     *                                                       patient (audited)
     */
    public Versioned<Patient> updateFlags(AccessContext ctx, PatientId id, Set<PatientFlag> flags,
            long expectedVersion) {
        Require.present("flags", flags);
        Require.set("flags", flags);
        return patients.change(ctx, id, expectedVersion, AccessAction.CORRECT, "patient.flags", (p, patient) -> {
            refuseNewGillickFlag(patient, flags);
            if (ctx.purpose() == Purpose.ADMINISTRATION) {
                refuseClinicalFlagChanges(patient.flags(), flags);
            }
            p.tx().outbox().publish(new PatientEvent.Updated(UUID.randomUUID(), p.now(), id));
            return patient.withFlags(flags);
        });
    }

    /**
     * Records a clinician's assessment of whether a child under 16 is Gillick competent for one
     * kind of decision (R46): who assessed (the calling professional) and when (today) are
     * recorded, and the decisions that rely on it cite it. The latest assessment for a kind of
     * decision is in force; recording {@code competent = false} withdraws an earlier finding.
     *
     * @param ctx             who asks: a clinician giving direct care
     * @param id              the patient's internal id
     * @param decision        the kind of decision the child was assessed for
     * @param competent       whether the child was found competent for it
     * @param expectedVersion the version read
     * @return the record at its new version
     * @throws RuleViolationException with R46 (audited) if the caller is not a clinician giving direct care, or
     *                                the patient is 16 or over (presumed competent)
     * @throws io.github.personalcare.lang.VersionConflictException if the record is no longer at
     *                                                              {@code expectedVersion}
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the patient's
     *                                                             record (audited)
     * @throws io.github.personalcare.lang.NotFoundException if the caller may ask and there is no such
     *                                                       patient (audited)
     */
    public Versioned<Patient> recordCompetence(AccessContext ctx, PatientId id, CompetenceDecision decision,
            boolean competent, long expectedVersion) {
        Require.present("ctx", ctx);
        Require.present("decision", decision);
        return patients.change(ctx, id, expectedVersion, AccessAction.CORRECT, "patient.competence", (p, patient) -> {
            // Inside the guard, so a refused attempt is audited (REJECTED).
            if (!(ctx.actor() instanceof Actor.Professional professional) || !professional.role().isClinical()
                    || ctx.purpose() != Purpose.DIRECT_CARE) {
                throw new RuleViolationException("R46",
                        "Gillick competence is a clinical assessment, recorded by a clinician giving direct care");
            }
            LocalDate today = LocalDate.ofInstant(p.now(), guard.clock().getZone());
            if (patient.ageOn(today) >= PRESUMED_COMPETENCE_AGE) {
                throw new RuleViolationException("R46", "a person aged 16 or over is presumed competent");
            }
            p.tx().outbox().publish(new PatientEvent.Updated(UUID.randomUUID(), p.now(), id));
            return patient.withAssessment(new CompetenceAssessment(decision, competent, professional.user(), today));
        });
    }

    /**
     * Administration records the patient's own national data opt-out; every other flag is a
     * clinical or safeguarding judgement (capacity, sensitivity, enhanced review, exclusion,
     * cohort) that administration may not change (role-based access, R39).
     */
    private static void refuseClinicalFlagChanges(Set<PatientFlag> before, Set<PatientFlag> after) {
        for (PatientFlag f : PatientFlag.values()) {
            if (f != PatientFlag.NATIONAL_DATA_OPT_OUT && before.contains(f) != after.contains(f)) {
                throw new RuleViolationException("ADMINISTRATION", "administration may change only the national data "
                        + "opt-out flag; " + f + " is a clinical or safeguarding decision");
            }
        }
    }

    /** A record stored with the old flag may keep it; nobody sets it anew. */
    @SuppressWarnings("deprecation")
    private static void refuseNewGillickFlag(Patient current, Set<PatientFlag> flags) {
        if (!current.has(PatientFlag.GILLICK_COMPETENT)) {
            refuseGillickFlag(flags);
        }
    }

    @SuppressWarnings("deprecation")
    private static void refuseGillickFlag(Set<PatientFlag> flags) {
        if (flags != null && flags.contains(PatientFlag.GILLICK_COMPETENT)) {
            throw new io.github.personalcare.lang.InvalidInputException("flags", "R46",
                    "Gillick competence is decision-specific: record it with recordCompetence, not as a flag");
        }
    }
}
