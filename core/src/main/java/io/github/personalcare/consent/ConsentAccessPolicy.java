package io.github.personalcare.consent;

import io.github.personalcare.spi.AccessFacts;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.access.AccessDecision;
import io.github.personalcare.spi.AccessPolicy;
import io.github.personalcare.access.AccessRequest;
import io.github.personalcare.access.Actor;
import io.github.personalcare.spi.CareRelationship;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.access.Relationship;
import io.github.personalcare.audit.AuditEvent;
import io.github.personalcare.audit.AuditOutcome;
import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.lang.ConfigurationException;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.spi.StorageException;
import io.github.personalcare.patient.PatientStores;
import io.github.personalcare.spi.Query;
import io.github.personalcare.spi.Transaction;
import io.github.personalcare.lang.Versioned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SDK's default access policy: reads the facts a decision needs from the transaction (the
 * patient record, the patient's active consents, the actor's relationships from the
 * {@link CareRelationship} and, for emergency access without a new reason, the start of the
 * actor's break-glass episode from the audit trail) and asks the {@link ConsentEngine}. Anything
 * that fails while gathering or deciding is a deny (R38, fail closed), except a failure of storage
 * ({@link StorageException}) or of configuration ({@link ConfigurationException}): nobody decided
 * anything then, so it propagates unchanged and the guard keeps access closed without recording a
 * deny. Reads only; thread-safe.
 */
public final class ConsentAccessPolicy implements AccessPolicy {
    private static final Logger log = LoggerFactory.getLogger(ConsentAccessPolicy.class);

    private final CareRelationship relationships;
    private final ConsentPolicy policy;
    private final ConsentEngine engine = new ConsentEngine();

    /**
     * A policy finding relationships with {@code relationships} and deciding under {@code policy}.
     * Options that override a value set in law are logged once here.
     *
     * @param relationships finds the actor's legitimate relationships with the patient
     * @param policy        the ages, switches and periods the engine applies
     * @throws InvalidInputException if either is missing
     */
    public ConsentAccessPolicy(CareRelationship relationships, ConsentPolicy policy) {
        this.relationships = Require.present("relationships", relationships);
        this.policy = Require.present("consentPolicy", policy);
        for (String option : policy.lawOverrides()) {
            log.warn("consent policy overrides a value set in law: {}", option);
        }
    }

    /** {@return the policy decisions are made under} */
    public ConsentPolicy policy() {
        return policy;
    }

    @Override
    public AccessDecision decide(AccessRequest request, AccessFacts facts) {
        try {
            return engine.decide(request, gather(request, facts));
        } catch (StorageException | ConfigurationException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("consent decision failed ({}); denying", e.getClass().getSimpleName());
            return AccessDecision.deny("R38", "the consent policy could not evaluate the request");
        }
    }

    private ConsentFacts gather(AccessRequest request, AccessFacts tx) {
        if (request.patient().isEmpty()) {
            return ConsentFacts.population(policy);
        }
        if (request.purpose() == Purpose.MIGRATION) {
            // decided on the actor alone (a system component imports): nothing of the patient is read,
            // so a bulk import reads nothing per record to decide
            return new ConsentFacts(List.of(), List.of(), Optional.empty(), policy, Optional.empty());
        }
        PatientId patientId = request.patient().get();
        Optional<Patient> patient = tx.find(PatientStores.PATIENTS, patientId);
        if (patient.isEmpty()) {
            return new ConsentFacts(List.of(), List.of(), Optional.empty(), policy, Optional.empty());
        }
        Actor actor = request.actor();
        if (actor instanceof Actor.PatientActor || actor instanceof Actor.SystemActor) {
            return ConsentFacts.of(patient.get(), List.of(), List.of(), policy);
        }
        List<ConsentRecord> consents = tx.query(ConsentStores.CONSENTS,
                Query.forPatient(patientId).and("status").is(ConsentStatus.ACTIVE));
        List<Relationship> found = relationships.relationships(tx, patientId, actor, request.at());
        ConsentFacts facts = ConsentFacts.of(patient.get(), consents, found == null ? List.of() : found, policy);
        if (request.purpose() == Purpose.EMERGENCY && request.context().reason().isEmpty()) {
            Optional<Instant> opened = breakGlassOpenedAt(tx, patientId, actor);
            if (opened.isPresent()) {
                facts = facts.withBreakGlassOpenedAt(opened.get());
            }
        }
        return facts;
    }

    /** When the actor last gave a break-glass reason for the patient and was permitted (R40). */
    private static Optional<Instant> breakGlassOpenedAt(AccessFacts tx, PatientId patient, Actor actor) {
        String reference = actor.reference();
        Instant latest = null;
        for (AuditRecord r : tx.auditOf(patient)) {
            AuditEvent e = r.event();
            boolean permitted = e.outcome() == AuditOutcome.PERMIT || e.outcome() == AuditOutcome.SUCCESS;
            if (permitted && "R40".equals(e.rule()) && e.reason().isPresent() && e.actor().equals(reference)
                    && (latest == null || e.at().isAfter(latest))) {
                latest = e.at();
            }
        }
        return Optional.ofNullable(latest);
    }
}
