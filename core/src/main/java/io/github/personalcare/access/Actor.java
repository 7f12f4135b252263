package io.github.personalcare.access;

import java.util.Optional;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.InvalidInputException;

/**
 * Who is acting: the patient, a professional in a role at an organisation, a carer or other
 * proxy, or a system. {@link #reference()} is a non-personal string used in audit and logs.
 */
public sealed interface Actor permits Actor.PatientActor, Actor.Professional, Actor.Carer, Actor.SystemActor {

    /**
     * {@return a stable, non-personal reference such as {@code
     * "professional:U123@A81001/GENERAL_PRACTITIONER"}}
     */
    String reference();

    /**
     * Reads back a reference that {@link #reference()} wrote (into an audit event or a ledger entry).
     *
     * @param reference the reference, in one of the four forms {@code patient:<id>},
     *                  {@code professional:<user>@<ods>/<ROLE>}, {@code carer:<user>} or
     *                  {@code system:<name>}
     * @return the actor it names, or empty if it is in none of those forms or names invalid values
     */
    static Optional<Actor> fromReference(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        try {
            if (reference.startsWith("patient:")) {
                return Optional.of(patient(PatientId.parse(reference.substring("patient:".length()))));
            }
            if (reference.startsWith("carer:")) {
                return Optional.of(carer(UserId.of(reference.substring("carer:".length()))));
            }
            if (reference.startsWith("system:")) {
                return Optional.of(system(reference.substring("system:".length())));
            }
            if (reference.startsWith("professional:")) {
                String rest = reference.substring("professional:".length());
                int at = rest.indexOf('@');
                int slash = rest.lastIndexOf('/');
                if (at < 1 || slash < at) {
                    return Optional.empty();
                }
                ProfessionalRole role = ProfessionalRole.valueOf(rest.substring(slash + 1));
                return Optional.of(professional(UserId.of(rest.substring(0, at)), role,
                        OdsCode.of(rest.substring(at + 1, slash))));
            }
        } catch (IllegalArgumentException | io.github.personalcare.lang.PersonalCareException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * The patient themself (or the patient's own app acting for them).
     *
     * @param patient the patient
     * @return the actor
     * @throws InvalidInputException if {@code patient} is missing
     */
    static PatientActor patient(PatientId patient) {
        return new PatientActor(patient);
    }

    /**
     * A professional acting in a role for an organisation.
     *
     * @param user         the professional's user id
     * @param role         the role they act in
     * @param organisation the organisation they act for
     * @return the actor
     * @throws InvalidInputException if any of them is missing
     */
    static Professional professional(UserId user, ProfessionalRole role, OdsCode organisation) {
        return new Professional(user, role, organisation);
    }

    /**
     * A carer, family member or other proxy acting for a patient.
     *
     * @param user the carer's user id
     * @return the actor
     * @throws InvalidInputException if {@code user} is missing
     */
    static Carer carer(UserId user) {
        return new Carer(user);
    }

    /**
     * A system acting on its own account (a relay, a scheduled job).
     *
     * @param name a fixed identifier of the component, at most 64 characters
     * @return the actor
     * @throws InvalidInputException if {@code name} is blank or too long
     */
    static SystemActor system(String name) {
        return new SystemActor(name);
    }

    /** The patient acting on their own record. */
    record PatientActor(PatientId patient) implements Actor {
        /**
         * Checks the patient is present.
         *
         * @param patient the patient
         * @throws InvalidInputException if {@code patient} is missing
         */
        public PatientActor {
            Require.present("patient", patient);
        }

        @Override
        public String reference() {
            return "patient:" + patient.value();
        }
    }

    /** A professional in a role, at an organisation (ODS code). */
    record Professional(UserId user, ProfessionalRole role, OdsCode organisation) implements Actor {
        /**
         * Checks every component is present.
         *
         * @param user         the professional's user id
         * @param role         the role they act in
         * @param organisation the organisation they act for
         * @throws InvalidInputException if a component is missing
         */
        public Professional {
            Require.present("user", user);
            Require.present("role", role);
            Require.present("organisation", organisation);
        }

        @Override
        public String reference() {
            return "professional:" + user.value() + "@" + organisation.value() + "/" + role;
        }
    }

    /** A carer or other proxy; what they may do comes from the care team and consents (R12, R47). */
    record Carer(UserId user) implements Actor {
        /**
         * Checks the user is present.
         *
         * @param user the carer's user id
         * @throws InvalidInputException if {@code user} is missing
         */
        public Carer {
            Require.present("user", user);
        }

        @Override
        public String reference() {
            return "carer:" + user.value();
        }
    }

    /** A system component. The name is a fixed identifier, not personal. */
    record SystemActor(String name) implements Actor {
        /**
         * Checks the name.
         *
         * @param name a fixed identifier of the component, at most 64 characters
         * @throws InvalidInputException if {@code name} is blank or too long
         */
        public SystemActor {
            Require.text("system.name", name, 64);
        }

        @Override
        public String reference() {
            return "system:" + name;
        }
    }
}
