package io.github.personalcare.internal;

import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.access.SensitivityLabel;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.identity.PatientId;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Describes a service call to the {@link AccessGuard}: the context, the patient (empty for
 * population queries), the action and class of data, the audit action name ({@code
 * "careplan.agree"}) and the record concerned ({@code "CarePlan/<id>"}, optional).
 */
public record GuardedCall(
        AccessContext context,
        Optional<PatientId> patient,
        AccessAction action,
        DataClass dataClass,
        Set<SensitivityLabel> labels,
        String auditAction,
        Optional<String> subject) {
    public GuardedCall {
        Require.present("context", context);
        patient = patient == null ? Optional.empty() : patient;
        Require.present("action", action);
        Require.present("dataClass", dataClass);
        labels = labels == null || labels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(labels));
        Require.text("auditAction", auditAction, Require.SHORT_TEXT);
        subject = subject == null ? Optional.empty() : subject;
    }

    /** A call about one patient's data. */
    public static GuardedCall on(AccessContext ctx, PatientId patient, AccessAction action, DataClass dataClass,
            String auditAction, String subject) {
        return new GuardedCall(ctx, Optional.of(Require.present("patient", patient)), action, dataClass, Set.of(),
                auditAction, Optional.ofNullable(subject));
    }

    /**
     * A call about one stored record whose patient the guard reads from the record itself
     * ({@link AccessGuard#runOnRecord}).
     */
    public static GuardedCall onRecord(AccessContext ctx, AccessAction action, DataClass dataClass,
            String auditAction, String subject) {
        return new GuardedCall(ctx, Optional.empty(), action, dataClass, Set.of(), auditAction,
                Optional.of(Require.present("subject", subject)));
    }

    /** This call, about the given patient. */
    public GuardedCall withPatient(PatientId patient) {
        return new GuardedCall(context, Optional.of(Require.present("patient", patient)), action, dataClass, labels,
                auditAction, subject);
    }

    /** This call with no patient (audited on the system chain), its subject kept. */
    public GuardedCall withoutPatient() {
        return new GuardedCall(context, Optional.empty(), action, dataClass, labels, auditAction, subject);
    }

    /** A population-level call (a report, a query across patients). */
    public static GuardedCall population(AccessContext ctx, AccessAction action, DataClass dataClass,
            String auditAction) {
        return new GuardedCall(ctx, Optional.empty(), action, dataClass, Set.of(), auditAction, Optional.empty());
    }
}
