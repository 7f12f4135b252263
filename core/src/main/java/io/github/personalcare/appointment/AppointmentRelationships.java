package io.github.personalcare.appointment;

import io.github.personalcare.access.Actor;
import io.github.personalcare.access.Relationship;
import io.github.personalcare.access.RelationshipKind;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.spi.AccessFacts;
import io.github.personalcare.spi.CareRelationship;
import io.github.personalcare.spi.Query;

import java.time.Instant;
import java.util.List;

/**
 * The legitimate relationship a booked appointment creates (R39): while the patient has a booked
 * appointment with an organisation, its professionals are involved in the patient's care, as
 * {@link RelationshipKind#APPOINTMENT_PROVIDER} with source {@code "Appointment/<id>"}, so its staff
 * can cancel it or record attendance. A cancelled, missed or attended appointment gives nothing.
 * Reads only; thread-safe.
 */
public final class AppointmentRelationships implements CareRelationship {

    /** The relationship source for booked appointments. */
    public AppointmentRelationships() {
    }

    /** The relationships booked appointments give the actor with the patient. */
    @Override
    public List<Relationship> relationships(AccessFacts facts, PatientId patient, Actor actor, Instant at) {
        if (!(actor instanceof Actor.Professional professional)) {
            return List.of();
        }
        return facts.query(AppointmentStores.APPOINTMENTS, Query.forPatient(patient)
                        .and("organisation").is(professional.organisation().value())
                        .and("status").is(AppointmentStatus.BOOKED))
                .stream()
                .map(a -> new Relationship(RelationshipKind.APPOINTMENT_PROVIDER, "Appointment/" + a.id()))
                .toList();
    }
}
