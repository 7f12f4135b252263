package io.github.personalcare.access;

import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.identity.PatientId;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Events about access to a patient's record that someone must act on. They carry references
 * and codes only: the break-glass reason is free text and stays in the audit trail.
 */
public sealed interface AccessEvent extends DomainEvent permits AccessEvent.BreakGlassUsed, AccessEvent.RelationshipClaimed,
        AccessEvent.PatientNotificationDue {

    /**
     * Emergency (break-glass) access was permitted and must be reviewed by a privacy officer (R40).
     *
     * @param actor         the non-personal reference of who accessed ({@code "professional:U1@RH8/..."})
     * @param auditAction   what they did ({@code "careplan.read"})
     * @param correlationId the correlation id that finds the audit record with the reason
     */
    record BreakGlassUsed(UUID eventId, Instant occurredAt, PatientId patient, String actor, String auditAction,
            String correlationId) implements AccessEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId       the unique id of the event
         * @param occurredAt    when the access was permitted
         * @param patient       the patient whose record was accessed
         * @param actor         the non-personal reference of who accessed
         * @param auditAction   what they did
         * @param correlationId the correlation id of the audit record
         * @throws NullPointerException if a component is null
         */
        public BreakGlassUsed {
            check(eventId, occurredAt, patient, actor, auditAction, correlationId);
        }

        @Override
        public String type() {
            return "access.break_glass_used";
        }
    }

    /**
     * A professional was permitted direct care on a legitimate relationship they claimed themself,
     * which the SDK had no record of; a privacy officer must review it (R40).
     *
     * @param actor         the non-personal reference of who accessed
     * @param auditAction   what they did ({@code "careplan.read"})
     * @param correlationId the correlation id that finds the audit record with the reason
     */
    record RelationshipClaimed(UUID eventId, Instant occurredAt, PatientId patient, String actor, String auditAction,
            String correlationId) implements AccessEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId       the unique id of the event
         * @param occurredAt    when the access was permitted
         * @param patient       the patient whose record was accessed
         * @param actor         the non-personal reference of who accessed
         * @param auditAction   what they did
         * @param correlationId the correlation id of the audit record
         * @throws NullPointerException if a component is null
         */
        public RelationshipClaimed {
            check(eventId, occurredAt, patient, actor, auditAction, correlationId);
        }

        @Override
        public String type() {
            return "access.relationship_claimed";
        }
    }

    /**
     * The patient must be told that their record was accessed (the NOTIFY_PATIENT obligation of a
     * self-claimed relationship, R40): the supplier's transport delivers it to the patient, for
     * example as an NHS App message. The patient's access log holds the matching entry.
     *
     * @param actor         the non-personal reference of who accessed
     * @param auditAction   what they did ({@code "careplan.read"})
     * @param correlationId the correlation id that finds the audit record of the access
     */
    record PatientNotificationDue(UUID eventId, Instant occurredAt, PatientId patient, String actor,
            String auditAction, String correlationId) implements AccessEvent {
        /**
         * Checks every component is present.
         *
         * @param eventId       the unique id of the event
         * @param occurredAt    when the access was permitted
         * @param patient       the patient to be told
         * @param actor         the non-personal reference of who accessed
         * @param auditAction   what they did
         * @param correlationId the correlation id of the audit record
         * @throws NullPointerException if a component is null
         */
        public PatientNotificationDue {
            check(eventId, occurredAt, patient, actor, auditAction, correlationId);
        }

        @Override
        public String type() {
            return "access.patient_notification_due";
        }
    }

    private static void check(UUID eventId, Instant occurredAt, PatientId patient, String actor, String auditAction,
            String correlationId) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(auditAction, "auditAction");
        Objects.requireNonNull(correlationId, "correlationId");
    }
}
