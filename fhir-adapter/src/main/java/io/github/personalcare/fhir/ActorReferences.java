package io.github.personalcare.fhir;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.UserId;
import java.util.Optional;

/** Reads back the actor references that {@link Actor#reference()} writes into audit events. */
final class ActorReferences {
    private ActorReferences() {
    }

    /** The actor a reference names, or empty if it is not in one of the SDK's four forms. */
    static Optional<Actor> parse(String reference) {
        try {
            if (reference.startsWith("patient:")) {
                return Optional.of(Actor.patient(PatientId.parse(reference.substring("patient:".length()))));
            }
            if (reference.startsWith("carer:")) {
                return Optional.of(Actor.carer(UserId.of(reference.substring("carer:".length()))));
            }
            if (reference.startsWith("system:")) {
                return Optional.of(Actor.system(reference.substring("system:".length())));
            }
            if (reference.startsWith("professional:")) {
                String rest = reference.substring("professional:".length());
                int at = rest.indexOf('@');
                int slash = rest.lastIndexOf('/');
                if (at < 1 || slash < at) {
                    return Optional.empty();
                }
                ProfessionalRole role = ProfessionalRole.valueOf(rest.substring(slash + 1));
                return Optional.of(Actor.professional(UserId.of(rest.substring(0, at)), role,
                        OdsCode.of(rest.substring(at + 1, slash))));
            }
        } catch (InvalidInputException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
