package io.github.personalcare.consent;

import io.github.personalcare.lang.IllegalTransitionException;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.identity.PatientId;

import java.time.Instant;

/**
 * A patient's consent, modelled on FHIR R4 Consent: the {@link ConsentTerms} (scope, who gave it,
 * policy and provision tree) with the patient, status and the time it was recorded or last
 * changed. Only {@link ConsentStatus#ACTIVE} records are evaluated (R43). Pure: methods return a
 * new record or throw.
 *
 * @param id         internal id
 * @param patient    whose consent it is (required for every scope, R44)
 * @param status     FHIR status
 * @param recordedAt when it was recorded or last changed ({@code Consent.dateTime})
 * @param terms      what it says
 */
public record ConsentRecord(ConsentId id, PatientId patient, ConsentStatus status, Instant recordedAt,
        ConsentTerms terms) {

    /**
     * Checks every component is present.
     *
     * @param id         internal id
     * @param patient    whose consent it is (R44)
     * @param status     FHIR status
     * @param recordedAt when it was recorded or last changed
     * @param terms      what it says
     * @throws InvalidInputException if the patient (R44) or another part is missing
     */
    public ConsentRecord {
        Require.present("id", id);
        if (patient == null) {
            throw new InvalidInputException("patient", "R44", "a consent must name its patient");
        }
        Require.present("status", status);
        Require.present("recordedAt", recordedAt);
        Require.present("terms", terms);
    }

    /**
     * A new active consent.
     *
     * @param id      the new consent's id
     * @param patient whose consent it is
     * @param terms   what it says
     * @param at      when it is recorded
     * @return the consent, {@link ConsentStatus#ACTIVE}
     * @throws InvalidInputException if a component is missing
     */
    public static ConsentRecord active(ConsentId id, PatientId patient, ConsentTerms terms, Instant at) {
        return new ConsentRecord(id, patient, ConsentStatus.ACTIVE, at, terms);
    }

    /**
     * A new proposed consent: recorded, but not evaluated until it is accepted (R43).
     *
     * @param id      the new consent's id
     * @param patient whose consent it is
     * @param terms   what it says
     * @param at      when it is recorded
     * @return the consent, {@link ConsentStatus#PROPOSED}
     * @throws InvalidInputException if a component is missing
     */
    public static ConsentRecord proposed(ConsentId id, PatientId patient, ConsentTerms terms, Instant at) {
        return new ConsentRecord(id, patient, ConsentStatus.PROPOSED, at, terms);
    }

    /**
     * The same consent in status {@code next}, from {@code at}.
     *
     * @param next the new status
     * @param at   when the move happens
     * @return the consent in the new status
     * @throws IllegalTransitionException if the lifecycle does not allow the move
     *                                    ({@link ConsentStatus#canMoveTo})
     * @throws InvalidInputException if {@code next} or {@code at} is missing
     */
    public ConsentRecord moveTo(ConsentStatus next, Instant at) {
        Require.present("status", next);
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("CONSENT_LIFECYCLE", status.name(), next.name());
        }
        return new ConsentRecord(id, patient, next, Require.present("at", at), terms);
    }

    /** {@return the reference decisions use: {@code "Consent/<id>"}} */
    public String reference() {
        return "Consent/" + id;
    }

    /** {@return the scope of the terms} */
    public ConsentScope scope() {
        return terms.scope();
    }

    /**
     * The same consent with new terms.
     *
     * @param newTerms the new terms
     * @param at       when they are recorded
     * @return the consent with the new terms, in the same status
     * @throws IllegalTransitionException if the consent is rejected, inactive or entered in error
     * @throws InvalidInputException if {@code newTerms} is missing
     */
    public ConsentRecord withTerms(ConsentTerms newTerms, Instant at) {
        if (!status.isOpen()) {
            throw new IllegalTransitionException("CONSENT_LIFECYCLE", status.name(), "update");
        }
        return new ConsentRecord(id, patient, status, at, Require.present("terms", newTerms));
    }

    /**
     * The consent withdrawn: inactive from {@code at}, so it never permits again.
     *
     * @param at when it is withdrawn
     * @return the consent, {@link ConsentStatus#INACTIVE}
     * @throws IllegalTransitionException if it is already rejected, inactive or entered in error
     */
    public ConsentRecord withdraw(Instant at) {
        if (!status.canMoveTo(ConsentStatus.INACTIVE)) {
            throw new IllegalTransitionException("CONSENT_LIFECYCLE", status.name(), "withdraw");
        }
        return moveTo(ConsentStatus.INACTIVE, at);
    }
}
