package io.github.personalcare.access;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.lang.InvalidInputException;

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
    /**
     * Checks the request: context, action, data class and time are required; an absent patient
     * becomes empty and absent labels none.
     *
     * @param context   who asks, for what purpose
     * @param patient   the patient whose data is concerned, or empty for a population-level request
     * @param action    what the actor does with the data
     * @param dataClass the class of data
     * @param labels    sensitivity labels of the data asked for
     * @param at        when the request is made
     * @throws InvalidInputException if a required component is missing
     */
    public AccessRequest {
        Require.present("context", context);
        patient = patient == null ? Optional.empty() : patient;
        Require.present("action", action);
        Require.present("dataClass", dataClass);
        labels = labels == null || labels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(labels));
        Require.present("at", at);
    }

    /**
     * A request about one patient's data, with no sensitivity labels.
     *
     * @param ctx       who asks, for what purpose
     * @param patient   the patient whose data is concerned
     * @param action    what the actor does with the data
     * @param dataClass the class of data
     * @param at        when the request is made
     * @return the request
     * @throws InvalidInputException if a component is missing
     * @throws NullPointerException if {@code patient} is null
     */
    public static AccessRequest of(AccessContext ctx, PatientId patient, AccessAction action, DataClass dataClass,
            Instant at) {
        return new AccessRequest(ctx, Optional.of(patient), action, dataClass, Set.of(), at);
    }

    /** {@return the actor making the request} */
    public Actor actor() {
        return context.actor();
    }

    /** {@return the purpose of the request} */
    public Purpose purpose() {
        return context.purpose();
    }
}
