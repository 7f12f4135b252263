package io.github.personalcare.report;

import io.github.personalcare.internal.ServiceWiring;
import io.github.personalcare.audit.AccessLogEntry;
import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.audit.AuditVerification;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.internal.AccessGuard;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.internal.GuardedCall;
import io.github.personalcare.identity.PatientId;

import java.util.List;

/**
 * Reads the audit trail: a patient's access log (who accessed their record, when and why) and
 * the verification of every hash chain. Reading the log is itself an audited access.
 *
 * <pre>{@code
 * List<AccessLogEntry> log = care.audit().accessLog(AccessContext.patientSelf(patientId), patientId);
 * }</pre>
 */
public final class AuditService {
    private final AccessGuard guard;

    static {
        ServiceWiring.register(AuditService.class, w -> new AuditService(w.guard()));
    }

    /** Created by the entry point through {@link ServiceWiring}; suppliers use {@code PersonalCare}. */
    AuditService(AccessGuard guard) {
        this.guard = Require.present("guard", guard);
    }

    /**
     * Who accessed the patient's record, when and why, oldest first (R50). The entry for this very
     * read is included once the call commits, so it appears on the next read.
     *
     * @param ctx     who asks, for what purpose
     * @param patient the patient whose access log is read
     * @return the patient's access log entries, oldest first
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not read the patient's
     *                                                             audit log (the denial is audited)
     */
    public List<AccessLogEntry> accessLog(AccessContext ctx, PatientId patient) {
        return guard.run(GuardedCall.on(ctx, patient, AccessAction.ACCESS, DataClass.AUDIT_LOG, "audit.accessLog",
                "AuditLog/" + patient), p -> p.tx().audit().forPatient(patient).stream()
                .map(AccessLogEntry::of).toList());
    }

    /**
     * The patient's audit records with their hashes, for export or inspection.
     *
     * @param ctx     who asks, for what purpose
     * @param patient the patient whose audit records are read
     * @return the records of the patient's chain, oldest first
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not read the patient's
     *                                                             audit log (the denial is audited)
     */
    public List<AuditRecord> records(AccessContext ctx, PatientId patient) {
        return guard.run(GuardedCall.on(ctx, patient, AccessAction.ACCESS, DataClass.AUDIT_LOG, "audit.records",
                "AuditLog/" + patient), p -> p.tx().audit().forPatient(patient));
    }

    /**
     * Checks every chain of the audit trail: any edited, removed or reordered record shows as broken.
     *
     * @param ctx who asks, for what purpose
     * @return the first break found, or intact with the number of records checked
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not check the audit trail
     *                                                             (the denial is audited)
     */
    public AuditVerification verify(AccessContext ctx) {
        return guard.run(GuardedCall.population(ctx, AccessAction.ACCESS, DataClass.AUDIT_LOG, "audit.verify"),
                p -> p.tx().audit().verify());
    }
}
