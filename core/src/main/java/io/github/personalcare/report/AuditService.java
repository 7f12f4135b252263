package io.github.personalcare.report;

import io.github.personalcare.internal.ServiceWiring;
import io.github.personalcare.audit.AccessLogEntry;
import io.github.personalcare.audit.AuditChain;
import io.github.personalcare.audit.AuditCheckpoint;
import io.github.personalcare.audit.AuditKeys;
import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.lang.ConfigurationException;
import io.github.personalcare.audit.AuditVerification;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.internal.AccessGuard;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.internal.GuardedCall;
import io.github.personalcare.identity.PatientId;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
    private final AuditKeys keys;
    private final Optional<KeyPair> checkpointKey;

    static {
        ServiceWiring.register(AuditService.class, w -> new AuditService(w.guard(), w.option(KeyPair.class)));
    }

    /** Created by the entry point through {@link ServiceWiring}; suppliers use {@code PersonalCare}. */
    AuditService(AccessGuard guard, Optional<KeyPair> checkpointKey) {
        this.guard = Require.present("guard", guard);
        this.keys = guard.auditKeys();
        this.checkpointKey = Require.present("checkpointKey", checkpointKey);
    }

    /**
     * Who accessed the patient's record, when and why, oldest first (R50). The entry for this very
     * read is included once the call commits, so it appears on the next read. Each entry says
     * whether the patient's chain verified ({@link AccessLogEntry#chainVerified()}): when it does
     * not, the log is served, flagged, so the patient sees that it cannot be trusted.
     *
     * @param ctx     who asks, for what purpose
     * @param patient the patient whose access log is read
     * @return the patient's access log entries, oldest first
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not read the patient's
     *                                                             audit log (the denial is audited)
     */
    public List<AccessLogEntry> accessLog(AccessContext ctx, PatientId patient) {
        return guard.run(GuardedCall.on(ctx, patient, AccessAction.ACCESS, DataClass.AUDIT_LOG, "audit.accessLog",
                "AuditLog/" + patient), p -> {
                    String chain = patient.value().toString();
                    List<AuditRecord> records = p.tx().audit().chain(chain);
                    boolean verified = AuditChain.verify(chain, records, p.tx().audit().head(chain), keys).isIntact();
                    return records.stream().map(r -> AccessLogEntry.of(r, verified)).toList();
                });
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
                p -> p.tx().audit().verify(keys));
    }

    /**
     * The heads of every chain now, signed with the checkpoint key set on the builder
     * ({@code auditCheckpointKey}), for a third party to hold (R50). Checking it later with
     * {@link #verify(AccessContext, AuditCheckpoint)} shows whether anything up to it was rewritten
     * or removed.
     *
     * @param ctx who asks, for what purpose
     * @return the signed checkpoint
     * @throws io.github.personalcare.lang.ConfigurationException if no checkpoint key was set
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not check the audit trail
     *                                                             (the denial is audited)
     */
    public AuditCheckpoint checkpoint(AccessContext ctx) {
        Require.present("ctx", ctx);
        KeyPair pair = checkpointKey.orElseThrow(() -> new ConfigurationException("auditCheckpointKey",
                "must be set on the builder to sign checkpoints"));
        return guard.run(GuardedCall.population(ctx, AccessAction.ACCESS, DataClass.AUDIT_LOG, "audit.checkpoint"),
                p -> {
                    List<AuditCheckpoint.Head> heads = new ArrayList<>();
                    for (String chain : p.tx().audit().chains()) {
                        p.tx().audit().head(chain).ifPresent(h -> heads.add(
                                new AuditCheckpoint.Head(chain, h.sequence(), h.hash())));
                    }
                    return AuditCheckpoint.sign(p.now(), heads, pair.getPrivate());
                });
    }

    /**
     * Checks every chain, and that each chain of the checkpoint still holds, at the checkpoint's
     * sequence, the record with the checkpoint's hash: the chains extend the checkpoint, so nothing
     * up to it was rewritten, removed or truncated, even by someone holding the audit key.
     *
     * @param ctx        who asks, for what purpose
     * @param checkpoint a checkpoint from {@link #checkpoint(AccessContext)}
     * @return intact, or broken at the first record that does not verify or does not match the
     *         checkpoint; a checkpoint whose signature does not verify is broken at sequence 0 of
     *         chain {@code "checkpoint"}
     * @throws io.github.personalcare.lang.ConfigurationException if no checkpoint key was set
     * @throws io.github.personalcare.lang.InvalidInputException if {@code checkpoint} is missing
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not check the audit trail
     *                                                             (the denial is audited)
     */
    public AuditVerification verify(AccessContext ctx, AuditCheckpoint checkpoint) {
        Require.present("ctx", ctx);
        Require.present("checkpoint", checkpoint);
        KeyPair pair = checkpointKey.orElseThrow(() -> new ConfigurationException("auditCheckpointKey",
                "must be set on the builder to verify checkpoints"));
        return guard.run(GuardedCall.population(ctx, AccessAction.ACCESS, DataClass.AUDIT_LOG, "audit.verify"),
                p -> {
                    if (!checkpoint.verifySignature(pair.getPublic())) {
                        return new AuditVerification.Broken("checkpoint", 0, "checkpoint signature does not verify");
                    }
                    AuditVerification all = p.tx().audit().verify(keys);
                    if (!all.isIntact()) {
                        return all;
                    }
                    for (AuditCheckpoint.Head h : checkpoint.heads()) {
                        List<AuditRecord> chain = p.tx().audit().chain(h.chain());
                        if (chain.size() < h.sequence()) {
                            return new AuditVerification.Broken(h.chain(), h.sequence(),
                                    "chain is shorter than the checkpoint");
                        }
                        if (!chain.get((int) (h.sequence() - 1)).hash().equals(h.hash())) {
                            return new AuditVerification.Broken(h.chain(), h.sequence(),
                                    "record does not match the checkpoint");
                        }
                    }
                    return all;
                });
    }
}
