package io.github.personalcare.careteam;

import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.identity.PatientId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Events about a patient's care team. Ids and codes only, never names or relationships in words. */
public sealed interface CareTeamEvent extends DomainEvent permits CareTeamEvent.Changed {

    /** What changed on the care team. */
    enum Change {
        /** The patient's care team was established. */
        ESTABLISHED,
        /** A professional joined the team. */
        PROFESSIONAL_ADDED,
        /** A carer, family member or representative joined the team. */
        CARER_ADDED,
        /** The patient agreed to a carer's involvement in their care planning (R12). */
        CARER_AGREEMENT_RECORDED,
        /** A lead professional was appointed (R8). */
        LEAD_APPOINTED,
        /** A membership ended. */
        MEMBERSHIP_ENDED
    }

    /**
     * The care team changed: who is involved in the patient's care is different now.
     *
     * @param eventId    the unique id of the event
     * @param occurredAt when the team changed
     * @param patient    the patient
     * @param careTeam   the care team's id (UUID)
     * @param change     what changed
     * @param member     the membership concerned (UUID), if any
     */
    record Changed(UUID eventId, Instant occurredAt, PatientId patient, UUID careTeam, Change change,
            Optional<UUID> member) implements CareTeamEvent {
        /**
         * Checks the event: every component but the member is required; an absent member becomes
         * empty.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when the team changed
         * @param patient    the patient
         * @param careTeam   the care team's id (UUID)
         * @param change     what changed
         * @param member     the membership concerned (UUID), if any
         * @throws NullPointerException if a required component is null
         */
        public Changed {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(patient, "patient");
            Objects.requireNonNull(careTeam, "careTeam");
            Objects.requireNonNull(change, "change");
            member = member == null ? Optional.empty() : member;
        }

        @Override
        public String type() {
            return "careteam.changed";
        }
    }
}
