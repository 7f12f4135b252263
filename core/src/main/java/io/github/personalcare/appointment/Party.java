package io.github.personalcare.appointment;

import io.github.personalcare.access.Actor;

/** Which side acted on an appointment: the patient's side or the service's. */
public enum Party {
    /** The patient themself. */
    PATIENT,
    /** A proxy (carer) acting for the patient within the scope of a consent. */
    PROXY,
    /** Staff of the service or practice, or a system acting for it. */
    STAFF;

    /**
     * The side of an actor.
     *
     * @param actor who acts
     * @return {@link #PATIENT} for the patient, {@link #PROXY} for a carer, otherwise {@link #STAFF}
     */
    public static Party of(Actor actor) {
        if (actor instanceof Actor.PatientActor) {
            return PATIENT;
        }
        return actor instanceof Actor.Carer ? PROXY : STAFF;
    }

    /** {@return whether this is the patient's side (the patient or a proxy)} */
    public boolean isPatientSide() {
        return this != STAFF;
    }
}
