package io.github.personalcare.fhir;

import io.github.personalcare.access.Actor;
import java.util.Optional;

/** Reads back the actor references that {@link Actor#reference()} writes into audit events. */
final class ActorReferences {
    private ActorReferences() {
    }

    /** The actor a reference names, or empty if it is not in one of the SDK's four forms. */
    static Optional<Actor> parse(String reference) {
        return Actor.fromReference(reference);
    }
}
