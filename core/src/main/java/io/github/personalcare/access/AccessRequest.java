package io.github.personalcare.access;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.identity.PatientId;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * One question to the access policy: may this actor, for this purpose, perform this action on
 * this class of this patient's data, now? {@code patient} is empty for population-level requests
 * (reports and cross-patient queries).
 */
public record AccessRequest(
        AccessContext context,
        Optional<PatientId> patient,
        AccessAction action,
        DataClass dataClass,
        Set<SensitivityLabel> labels,
        Instant at) {
    public AccessRequest {
        Require.present("context", context);
        patient = patient == null ? Optional.empty() : patient;
        Require.present("action", action);
        Require.present("dataClass", dataClass);
        labels = labels == null || labels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(labels));
        Require.present("at", at);
    }

    /** A request about one patient's data, with no sensitivity labels. */
    public static AccessRequest of(AccessContext ctx, PatientId patient, AccessAction action, DataClass dataClass,
            Instant at) {
        return new AccessRequest(ctx, Optional.of(patient), action, dataClass, Set.of(), at);
    }

    /** The actor making the request. */
    public Actor actor() {
        return context.actor();
    }

    /** The purpose of the request. */
    public Purpose purpose() {
        return context.purpose();
    }
}
