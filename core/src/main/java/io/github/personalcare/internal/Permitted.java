package io.github.personalcare.internal;

import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.AccessDecision;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.SensitivityLabel;
import io.github.personalcare.spi.Transaction;

import io.github.personalcare.audit.AuditEvent;
import io.github.personalcare.audit.AuditKey;
import io.github.personalcare.audit.AuditRecord;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a service's unit of work receives once the guard has permitted the call: the open
 * transaction, the time of the command (read once from the clock), the permit with its
 * obligations, and the caller's context.
 */
public record Permitted(Transaction tx, Instant now, AccessDecision.Permit decision, AccessContext context,
        AuditKey auditKey) {

    /** Appends an extra audit event, sealed like the guard's own, in this transaction. */
    public AuditRecord audit(AuditEvent event) {
        return tx.audit().append(event, auditKey);
    }

    private static final Set<SensitivityLabel> NEVER_TO_PATIENT_OR_PROXY =
            Set.copyOf(EnumSet.of(SensitivityLabel.THIRD_PARTY, SensitivityLabel.SERIOUS_HARM));

    /**
     * The labels of items to leave out for this caller: what the permit withholds, and for the
     * patient and carers always third-party and serious-harm items, whatever the access policy
     * returned (R48), so a custom policy cannot forget them.
     */
    public Set<SensitivityLabel> withheld() {
        boolean patientOrProxy = context.actor() instanceof Actor.PatientActor || context.actor() instanceof Actor.Carer;
        if (!patientOrProxy) {
            return decision.withheld();
        }
        EnumSet<SensitivityLabel> all = EnumSet.copyOf(NEVER_TO_PATIENT_OR_PROXY);
        all.addAll(decision.withheld());
        return all;
    }
}
