package io.github.personalcare.fhir;

import io.github.personalcare.InvalidInputException;
import io.github.personalcare.Require;
import io.github.personalcare.access.Actor;
import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.identity.Patient;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One patient's record as exported to, or imported from, a FHIR Bundle: the patient, the
 * professionals involved, and the audit trail of the patient's record.
 *
 * <p>Care plans, care teams, budgets, referrals and consents join this record as their mappers
 * are added (see {@code docs/fhir-mapping.md}).
 *
 * @param patient       the patient
 * @param professionals professionals who appear in the record (as PractitionerRoles), without repeats
 * @param audit         the patient's audit records, in chain order; each concerns this patient
 */
public record PatientRecord(Patient patient, List<Actor.Professional> professionals, List<AuditRecord> audit) {
    /** Upper bound on the records of one Bundle, so an import stays bounded. */
    public static final int MAX_ENTRIES = 100_000;

    /** @throws InvalidInputException if an audit record concerns another patient (ONE_PATIENT) */
    public PatientRecord {
        Require.present("patient", patient);
        professionals = List.copyOf(new LinkedHashSet<>(Require.list("professionals", professionals, MAX_ENTRIES)));
        audit = Require.list("audit", audit, MAX_ENTRIES);
        for (AuditRecord r : audit) {
            if (!r.event().patient().map(patient.id()::equals).orElse(false)) {
                throw new InvalidInputException("audit", "ONE_PATIENT", "every audit record must concern the patient");
            }
        }
    }

    /** A record whose professionals are those who acted in the audit trail, in order of first appearance. */
    public static PatientRecord of(Patient patient, List<AuditRecord> audit) {
        Set<Actor.Professional> professionals = new LinkedHashSet<>();
        for (AuditRecord r : Require.list("audit", audit, MAX_ENTRIES)) {
            ActorReferences.parse(r.event().actor())
                    .filter(Actor.Professional.class::isInstance)
                    .map(Actor.Professional.class::cast)
                    .ifPresent(professionals::add);
        }
        return new PatientRecord(patient, List.copyOf(professionals), audit);
    }
}
