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
     */
    public List<AccessLogEntry> accessLog(AccessContext ctx, PatientId patient) {
        return guard.run(GuardedCall.on(ctx, patient, AccessAction.ACCESS, DataClass.AUDIT_LOG, "audit.accessLog",
                "AuditLog/" + patient), p -> p.tx().audit().forPatient(patient).stream()
                .map(AccessLogEntry::of).toList());
    }

    /** The patient's audit records with their hashes, for export or inspection. */
    public List<AuditRecord> records(AccessContext ctx, PatientId patient) {
        return guard.run(GuardedCall.on(ctx, patient, AccessAction.ACCESS, DataClass.AUDIT_LOG, "audit.records",
                "AuditLog/" + patient), p -> p.tx().audit().forPatient(patient));
    }

    /** Checks every chain of the audit trail: any edited, removed or reordered record shows as broken. */
    public AuditVerification verify(AccessContext ctx) {
        return guard.run(GuardedCall.population(ctx, AccessAction.ACCESS, DataClass.AUDIT_LOG, "audit.verify"),
                p -> p.tx().audit().verify());
    }
}
