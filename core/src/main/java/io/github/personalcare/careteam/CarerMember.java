package io.github.personalcare.careteam;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.InvalidInputException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A carer, family member or representative on the care team (R12): their user id (what an acting
 * {@link io.github.personalcare.access.Actor.Carer} is matched by), role, relationship to the patient
 * in words ("daughter"), whether they hold proxy rights, any legal authority, when the patient
 * agreed to their involvement, and the membership period.
 *
 * <p>A carer takes part in drafting and viewing only while the period covers the time and either
 * the patient's agreement is recorded or a legal authority that applies is ({@link #involvedAt}, R12).
 */
public record CarerMember(MemberId id, UserId user, CarerRole role, String relationship, boolean proxy,
        Optional<AuthorityKind> authority, Optional<Instant> patientAgreedAt, MembershipPeriod period) {
    /**
     * Checks the membership: id, user, role and period are required and the relationship is short
     * text; absent authority and agreement become empty.
     *
     * @param id              the membership's id
     * @param user            the carer's user id
     * @param role            their role, such as unpaid carer or advocate
     * @param relationship    their relationship to the patient in words ("daughter"); personal data
     * @param proxy           whether they hold proxy rights to act for the patient
     * @param authority       the legal authority they hold, if any
     * @param patientAgreedAt when the patient agreed to their involvement, if they have
     * @param period          when the membership is in force
     * @throws InvalidInputException if a required component is missing or the relationship is blank
     *                               or too long
     */
    public CarerMember {
        Require.present("member.id", id);
        Require.present("member.user", user);
        Require.present("member.role", role);
        relationship = Require.text("member.relationship", relationship, Require.SHORT_TEXT);
        authority = authority == null ? Optional.empty() : authority;
        patientAgreedAt = patientAgreedAt == null ? Optional.empty() : patientAgreedAt;
        Require.present("member.period", period);
    }

    /**
     * {@return whether the membership is in force at {@code at}, whether or not involvement is
     * agreed}
     *
     * @param at the time asked about
     */
    public boolean activeAt(Instant at) {
        return period.covers(at);
    }

    /**
     * True if the carer may take part in the patient's care at {@code at}: the membership is in
     * force and either the patient's agreement is recorded or the carer's recorded authority
     * applies to the patient on {@code date} (an LPA only while the patient lacks capacity,
     * parental responsibility only for a child without competence) (R12, §4.5).
     *
     * @param at      the time asked about
     * @param patient the patient, for the age and capacity an authority depends on
     * @param date    the date of {@code at} in England
     * @return whether the carer may take part then
     */
    public boolean involvedAt(Instant at, Patient patient, LocalDate date) {
        return activeAt(at) && (patientAgreedAt.isPresent()
                || authority.map(a -> a.appliesTo(patient, date)).orElse(false));
    }

    /**
     * The carer's recorded authority if it applies to the patient on {@code date} (R8).
     *
     * @param patient the patient, for the age and capacity an authority depends on
     * @param date    the date asked about, in England
     * @return the authority, or empty if none is recorded or it does not apply then
     */
    public Optional<AuthorityKind> authorityFor(Patient patient, LocalDate date) {
        return authority.filter(a -> a.appliesTo(patient, date));
    }

    CarerMember agreedAt(Instant at) {
        return new CarerMember(id, user, role, relationship, proxy, authority, Optional.of(at), period);
    }

    CarerMember endedAt(Instant at) {
        return new CarerMember(id, user, role, relationship, proxy, authority, patientAgreedAt, period.endedAt(at));
    }
}
