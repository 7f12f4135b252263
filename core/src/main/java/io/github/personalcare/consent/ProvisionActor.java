package io.github.personalcare.consent;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.RelationshipKind;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.InvalidInputException;

/**
 * Who a provision controls ({@code provision.actor}): one person, everyone at an organisation,
 * everyone in a professional role, or everyone holding a kind of relationship with the patient
 * (a care-team role such as the lead professional or a carer with proxy rights).
 */
public sealed interface ProvisionActor
        permits ProvisionActor.Person, ProvisionActor.Organisation, ProvisionActor.Role, ProvisionActor.Related {

    /**
     * One person (a professional's or carer's user id).
     *
     * @param user the user id
     * @return the actor
     * @throws InvalidInputException if {@code user} is missing
     */
    static Person person(UserId user) {
        return new Person(user);
    }

    /**
     * Everyone acting for the organisation.
     *
     * @param organisation the organisation's ODS code
     * @return the actor
     * @throws InvalidInputException if {@code organisation} is missing
     */
    static Organisation organisation(OdsCode organisation) {
        return new Organisation(organisation);
    }

    /**
     * Everyone acting in the role.
     *
     * @param role the professional role
     * @return the actor
     * @throws InvalidInputException if {@code role} is missing
     */
    static Role role(ProfessionalRole role) {
        return new Role(role);
    }

    /**
     * Everyone with this kind of relationship with the patient.
     *
     * @param kind the kind of relationship
     * @return the actor
     * @throws InvalidInputException if {@code kind} is missing
     */
    static Related related(RelationshipKind kind) {
        return new Related(kind);
    }

    /** One person, by user id. */
    record Person(UserId user) implements ProvisionActor {
        /**
         * Checks the user id is present.
         *
         * @param user the user id
         * @throws InvalidInputException if {@code user} is missing
         */
        public Person {
            Require.present("provision.actor.user", user);
        }
    }

    /** An organisation, by ODS code. */
    record Organisation(OdsCode organisation) implements ProvisionActor {
        /**
         * Checks the ODS code is present.
         *
         * @param organisation the organisation's ODS code
         * @throws InvalidInputException if {@code organisation} is missing
         */
        public Organisation {
            Require.present("provision.actor.organisation", organisation);
        }
    }

    /** A professional role. */
    record Role(ProfessionalRole role) implements ProvisionActor {
        /**
         * Checks the role is present.
         *
         * @param role the professional role
         * @throws InvalidInputException if {@code role} is missing
         */
        public Role {
            Require.present("provision.actor.role", role);
        }
    }

    /** A kind of relationship with the patient (care team, referral, registration, carer). */
    record Related(RelationshipKind kind) implements ProvisionActor {
        /**
         * Checks the kind is present.
         *
         * @param kind the kind of relationship
         * @throws InvalidInputException if {@code kind} is missing
         */
        public Related {
            Require.present("provision.actor.relationship", kind);
        }
    }
}
