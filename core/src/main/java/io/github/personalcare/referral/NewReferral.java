package io.github.personalcare.referral;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.Ubrn;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a referrer writes to draft a referral. The referrer (professional and organisation) is
 * the actor of the call; the UBRN is generated unless one is supplied (R4).
 *
 * @param patient        who is referred
 * @param ubrn           a UBRN already allocated (by e-RS), or empty to generate one
 * @param priority       ROUTINE, URGENT or TWO_WEEK_WAIT (R28); read codes with {@link Priority#ofCode}
 * @param specialty      what for
 * @param clinicalReason why, 1 to {@link Require#LONG_TEXT} characters of free text; never logged
 * @param requestType    appointment, or advice and guidance
 * @param attachments    documents by reference, at most {@link Referral#MAX_ATTACHMENTS}
 * @param pathwayStart   for a referral arriving from another system with its RTT clock already
 *                       running, the UK date the pathway started ({@link RttStart#SUPPLIED_PATHWAY_START});
 *                       empty for an e-RS referral, whose clock starts when its UBRN is converted
 *                       (booked, deferred to the provider or sent for triage) at a consultant-led
 *                       service (R35)
 */
public record NewReferral(
        PatientId patient,
        Optional<Ubrn> ubrn,
        Priority priority,
        Specialty specialty,
        String clinicalReason,
        RequestType requestType,
        List<Attachment> attachments,
        Optional<LocalDate> pathwayStart) {
    /**
     * Checks the referral; an absent UBRN or pathway start becomes empty.
     *
     * @param patient        who is referred
     * @param ubrn           a UBRN already allocated (by e-RS), or empty to generate one
     * @param priority       ROUTINE, URGENT or TWO_WEEK_WAIT (R28)
     * @param specialty      what for
     * @param clinicalReason why, 1 to {@link Require#LONG_TEXT} characters of free text; never logged
     * @param requestType    appointment, or advice and guidance
     * @param attachments    documents by reference, at most {@link Referral#MAX_ATTACHMENTS}
     * @param pathwayStart   the UK date the pathway started, for a referral arriving with its RTT clock
     *                       already running; empty for an e-RS referral
     * @throws InvalidInputException for a missing field, priority (R28) or an invalid clinical reason
     */
    public NewReferral {
        Require.present("patient", patient);
        ubrn = ubrn == null ? Optional.empty() : ubrn;
        if (priority == null) {
            throw new InvalidInputException("priority", "R28", "is required: ROUTINE, URGENT or TWO_WEEK_WAIT");
        }
        Require.present("specialty", specialty);
        clinicalReason = Require.text("clinicalReason", clinicalReason, Require.LONG_TEXT);
        Require.present("requestType", requestType);
        attachments = Require.list("attachments", attachments, Referral.MAX_ATTACHMENTS);
        pathwayStart = pathwayStart == null ? Optional.empty() : pathwayStart;
    }

    /**
     * A routine-or-other appointment referral with a generated UBRN and no attachments.
     *
     * @param patient        who is referred
     * @param priority       ROUTINE, URGENT or TWO_WEEK_WAIT (R28)
     * @param specialty      what for
     * @param clinicalReason why; free text, never logged
     * @return the referral to draft
     * @throws InvalidInputException for a missing field, priority (R28) or an invalid clinical
     *                               reason
     */
    public static NewReferral appointment(PatientId patient, Priority priority, Specialty specialty,
            String clinicalReason) {
        return new NewReferral(patient, Optional.empty(), priority, specialty, clinicalReason, RequestType.APPOINTMENT,
                List.of(), Optional.empty());
    }

    /**
     * A copy with a UBRN already allocated.
     *
     * @param supplied the UBRN allocated by e-RS
     * @return the copy
     * @throws NullPointerException if {@code supplied} is null
     */
    public NewReferral withUbrn(Ubrn supplied) {
        return new NewReferral(patient, Optional.of(supplied), priority, specialty, clinicalReason, requestType,
                attachments, pathwayStart);
    }

    /**
     * A copy with another request type.
     *
     * @param type the request type
     * @return the copy
     * @throws InvalidInputException if {@code type} is missing
     */
    public NewReferral withRequestType(RequestType type) {
        return new NewReferral(patient, ubrn, priority, specialty, clinicalReason, type, attachments, pathwayStart);
    }

    /**
     * A copy with attachments.
     *
     * @param documents the attachments
     * @return the copy
     * @throws InvalidInputException if there are more than {@link Referral#MAX_ATTACHMENTS}
     */
    public NewReferral withAttachments(List<Attachment> documents) {
        return new NewReferral(patient, ubrn, priority, specialty, clinicalReason, requestType, documents,
                pathwayStart);
    }

    /**
     * A copy for a referral arriving from another system whose RTT clock started on {@code start}
     * (a UK date, not after the day it is drafted here; R35).
     *
     * @param start the UK date the pathway started
     * @return the copy
     * @throws InvalidInputException if {@code start} is missing
     */
    public NewReferral withPathwayStart(LocalDate start) {
        Require.present("pathwayStart", start);
        return new NewReferral(patient, ubrn, priority, specialty, clinicalReason, requestType, attachments,
                Optional.of(start));
    }

    @Override
    public String toString() {
        return "NewReferral[" + patient + " " + priority + " " + specialty + " " + requestType + "]";
    }
}
