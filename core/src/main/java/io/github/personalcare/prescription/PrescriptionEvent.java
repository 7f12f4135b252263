package io.github.personalcare.prescription;

import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.identity.PatientId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Events about repeat prescription requests, written to the outbox with the change. They carry
 * ids and dates only: never a medicine's name, dose or a rejection reason.
 */
public sealed interface PrescriptionEvent extends DomainEvent permits PrescriptionEvent.RequestSubmitted,
        PrescriptionEvent.RequestApproved, PrescriptionEvent.RequestRejected, PrescriptionEvent.RequestIssued {

    /** {@return the request concerned} */
    PrescriptionRequestId request();

    /**
     * The patient or a proxy requested repeat medicines.
     *
     * @param eventId    the unique id of the event
     * @param occurredAt when
     * @param patient    whose medicines
     * @param request    the request
     * @param items      the repeat medicines asked for
     */
    record RequestSubmitted(UUID eventId, Instant occurredAt, PatientId patient, PrescriptionRequestId request,
            List<RepeatMedicineId> items) implements PrescriptionEvent {
        /**
         * Checks every component.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when
         * @param patient    whose medicines
         * @param request    the request
         * @param items      the medicines
         * @throws NullPointerException if a component is null
         */
        public RequestSubmitted {
            check(eventId, occurredAt, patient, request);
            items = List.copyOf(items);
        }

        @Override
        public String type() {
            return "prescription.request.submitted";
        }
    }

    /**
     * A prescriber approved the request.
     *
     * @param eventId    the unique id of the event
     * @param occurredAt when
     * @param patient    whose medicines
     * @param request    the request
     */
    record RequestApproved(UUID eventId, Instant occurredAt, PatientId patient, PrescriptionRequestId request)
            implements PrescriptionEvent {
        /**
         * Checks every component.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when
         * @param patient    whose medicines
         * @param request    the request
         * @throws NullPointerException if a component is null
         */
        public RequestApproved {
            check(eventId, occurredAt, patient, request);
        }

        @Override
        public String type() {
            return "prescription.request.approved";
        }
    }

    /**
     * A prescriber rejected the request (the reason stays on the request, not in the event).
     *
     * @param eventId    the unique id of the event
     * @param occurredAt when
     * @param patient    whose medicines
     * @param request    the request
     */
    record RequestRejected(UUID eventId, Instant occurredAt, PatientId patient, PrescriptionRequestId request)
            implements PrescriptionEvent {
        /**
         * Checks every component.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when
         * @param patient    whose medicines
         * @param request    the request
         * @throws NullPointerException if a component is null
         */
        public RequestRejected {
            check(eventId, occurredAt, patient, request);
        }

        @Override
        public String type() {
            return "prescription.request.rejected";
        }
    }

    /**
     * The request was issued: one issue counted for each of its medicines.
     *
     * @param eventId    the unique id of the event
     * @param occurredAt when
     * @param patient    whose medicines
     * @param request    the request
     * @param issuedOn   the UK date of the issue
     */
    record RequestIssued(UUID eventId, Instant occurredAt, PatientId patient, PrescriptionRequestId request,
            LocalDate issuedOn) implements PrescriptionEvent {
        /**
         * Checks every component.
         *
         * @param eventId    the unique id of the event
         * @param occurredAt when
         * @param patient    whose medicines
         * @param request    the request
         * @param issuedOn   the issue date
         * @throws NullPointerException if a component is null
         */
        public RequestIssued {
            check(eventId, occurredAt, patient, request);
            Objects.requireNonNull(issuedOn, "issuedOn");
        }

        @Override
        public String type() {
            return "prescription.request.issued";
        }
    }

    private static void check(UUID eventId, Instant occurredAt, PatientId patient, PrescriptionRequestId request) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(request, "request");
    }
}
