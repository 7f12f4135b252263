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
        ESTABLISHED, PROFESSIONAL_ADDED, CARER_ADDED, CARER_AGREEMENT_RECORDED, LEAD_APPOINTED, MEMBERSHIP_ENDED
    }

    /**
     * The care team changed: who is involved in the patient's care is different now.
     *
     * @param careTeam the care team's id (UUID)
     * @param change   what changed
     * @param member   the membership concerned (UUID), if any
     */
    record Changed(UUID eventId, Instant occurredAt, PatientId patient, UUID careTeam, Change change,
            Optional<UUID> member) implements CareTeamEvent {
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
