package io.github.personalcare.prescription;

import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.IllegalTransitionException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request by the patient or a proxy for some of their repeat medicines, and what the practice
 * did with it: submitted, then approved or rejected with a reason by a prescriber, then issued.
 * Immutable.
 *
 * @param id              the internal id
 * @param patient         whose medicines
 * @param items           the repeat medicines asked for, 1 to 20, no repeats
 * @param requestedBy     the reference of the actor who asked ({@code patient:<id>}, {@code carer:<user>}, ...)
 * @param requestedAt     when it was submitted
 * @param status          where it is
 * @param decidedBy       the prescriber who approved or rejected it
 * @param decidedAt       when
 * @param rejectionReason why it was rejected, in words (never logged)
 * @param issuedOn        the UK date it was issued
 */
public record PrescriptionRequest(
        PrescriptionRequestId id,
        PatientId patient,
        List<RepeatMedicineId> items,
        String requestedBy,
        Instant requestedAt,
        RequestStatus status,
        Optional<UserId> decidedBy,
        Optional<Instant> decidedAt,
        Optional<String> rejectionReason,
        Optional<LocalDate> issuedOn) {
    /** The most medicines one request may hold. */
    public static final int MAX_ITEMS = 20;

    /**
     * Checks the components fit the status.
     *
     * @param id              the internal id
     * @param patient         whose medicines
     * @param items           1 to 20 distinct medicines
     * @param requestedBy     the requester's reference
     * @param requestedAt     when submitted
     * @param status          where it is
     * @param decidedBy       present once decided
     * @param decidedAt       present once decided
     * @param rejectionReason present exactly when rejected
     * @param issuedOn        present exactly when issued
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the items or the optional fields do not fit the status
     */
    public PrescriptionRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patient, "patient");
        items = List.copyOf(items);
        if (items.isEmpty() || items.size() > MAX_ITEMS || items.stream().distinct().count() != items.size()) {
            throw new IllegalArgumentException("a request holds 1 to 20 distinct medicines");
        }
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(rejectionReason, "rejectionReason");
        Objects.requireNonNull(issuedOn, "issuedOn");
        if ((status == RequestStatus.SUBMITTED) == decidedBy.isPresent() || decidedBy.isPresent() != decidedAt.isPresent()
                || (status == RequestStatus.REJECTED) != rejectionReason.isPresent()
                || (status == RequestStatus.ISSUED) != issuedOn.isPresent()) {
            throw new IllegalArgumentException("the decision, reason and issue date must fit the status");
        }
    }

    static PrescriptionRequest submitted(PrescriptionRequestId id, PatientId patient, List<RepeatMedicineId> items,
            String requestedBy, Instant at) {
        return new PrescriptionRequest(id, patient, items, requestedBy, at, RequestStatus.SUBMITTED, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    PrescriptionRequest approved(UserId prescriber, Instant at) {
        require(RequestStatus.SUBMITTED, "APPROVE");
        return new PrescriptionRequest(id, patient, items, requestedBy, requestedAt, RequestStatus.APPROVED,
                Optional.of(prescriber), Optional.of(at), Optional.empty(), Optional.empty());
    }

    PrescriptionRequest rejected(UserId prescriber, Instant at, String reason) {
        if (!status.isOpen()) {
            throw new IllegalTransitionException("REQUEST_STATE", status.name(), "REJECT");
        }
        return new PrescriptionRequest(id, patient, items, requestedBy, requestedAt, RequestStatus.REJECTED,
                Optional.of(prescriber), Optional.of(at), Optional.of(reason), Optional.empty());
    }

    PrescriptionRequest issued(LocalDate on) {
        require(RequestStatus.APPROVED, "ISSUE");
        return new PrescriptionRequest(id, patient, items, requestedBy, requestedAt, RequestStatus.ISSUED, decidedBy,
                decidedAt, Optional.empty(), Optional.of(on));
    }

    private void require(RequestStatus expected, String command) {
        if (status != expected) {
            throw new IllegalTransitionException("REQUEST_STATE", status.name(), command);
        }
    }
}
