package io.github.personalcare.internal;

import io.github.personalcare.spi.AccessFacts;
import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.AccessDecision;
import io.github.personalcare.access.AccessRequest;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.spi.AccessPolicy;
import io.github.personalcare.spi.CareRelationship;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.spi.Transaction;

/**
 * The interim access policy, in force until a consent policy is configured: the patient may act on
 * their own record; professionals and carers involved in the patient's care (as the
 * {@link CareRelationship} says) may act on it; professionals may register patients
 * (demographics); system actors may act for administration; everyone else is denied. Population
 * queries are permitted to commissioners, administrators and system actors for planning or
 * administration.
 */
public final class SelfAndCareTeamPolicy implements AccessPolicy {
    private final CareRelationship relationships;

    /** A policy that asks {@code relationships} who is involved in a patient's care. */
    public SelfAndCareTeamPolicy(CareRelationship relationships) {
        this.relationships = Require.present("relationships", relationships);
    }

    @Override
    public AccessDecision decide(AccessRequest request, AccessFacts facts) {
        Actor actor = request.actor();
        if (request.purpose() == Purpose.MIGRATION) {
            return actor instanceof Actor.SystemActor && request.patient().isPresent()
                    && request.action() == AccessAction.COLLECT
                    ? AccessDecision.permit("MIGRATION", "a system component imports a patient's record")
                    : AccessDecision.deny("MIGRATION", "only a system component imports records");
        }
        if (request.patient().isEmpty()) {
            boolean population = actor instanceof Actor.SystemActor
                    || (actor instanceof Actor.Professional p
                        && (p.role() == ProfessionalRole.COMMISSIONER || p.role() == ProfessionalRole.ADMINISTRATOR
                            || p.role().isClinical()));
            return population
                    ? AccessDecision.permit("POPULATION", "population query by a commissioner, administrator or clinician")
                    : AccessDecision.deny("POPULATION", "population queries need a professional or system actor");
        }
        var patient = request.patient().get();
        if (actor instanceof Actor.PatientActor self && self.patient().equals(patient)) {
            return AccessDecision.permit("SELF", "the patient's own record");
        }
        if (actor instanceof Actor.SystemActor && request.purpose() == Purpose.ADMINISTRATION) {
            return AccessDecision.permit("SYSTEM", "system administration");
        }

        if (actor instanceof Actor.Professional && request.dataClass() == DataClass.DEMOGRAPHICS
                && request.action() == AccessAction.COLLECT) {
            return AccessDecision.permit("REGISTRATION", "a professional registers a patient");
        }
        if (actor instanceof Actor.Professional || actor instanceof Actor.Carer) {
            var found = relationships.relationships(facts, patient, actor, request.at());
            if (!found.isEmpty()) {
                return AccessDecision.permit("CARE_TEAM", "involved in the patient's care: " + found.get(0).kind());
            }
        }
        return AccessDecision.deny("NO_RELATIONSHIP", "not the patient and not involved in their care");
    }
}
