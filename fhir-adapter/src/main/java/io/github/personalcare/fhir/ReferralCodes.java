package io.github.personalcare.fhir;

import io.github.personalcare.referral.Priority;
import io.github.personalcare.referral.ReferralState;
import io.github.personalcare.referral.RequestType;
import java.util.Map;

/**
 * The FHIR and e-RS codes of a referral's state, priority and request type, written by
 * {@link ServiceRequestMapper} and read by {@link ServiceRequestReader}.
 */
final class ReferralCodes {
    /**
     * The e-RS referral state ({@link FhirSystems#ERS_REFERRAL_STATE}, domain notes §3.2). The SDK's
     * own DRAFT, COMPLETED and advice-and-guidance states have no e-RS code; ACCEPTED is written
     * as {@code BOOKED} (e-RS does not say whether the provider has accepted), so {@code BOOKED}
     * reads as BOOKED. The worklist spellings {@code APP_CANCELLED_BY_...} are read too.
     * {@code ASSESSMENT_RESULT} is not modelled (R30).
     */
    static final CodeTable<ReferralState> ERS_STATE = CodeTable.partial(ReferralState.class, Map.ofEntries(
                    Map.entry(ReferralState.NOT_BOOKED, "NOT_BOOKED"),
                    Map.entry(ReferralState.BOOKED, "BOOKED"),
                    Map.entry(ReferralState.DEFERRED_TO_PROVIDER, "DEFERRED_TO_PROVIDER"),
                    Map.entry(ReferralState.AWAITING_TRIAGE, "AWAITING_TRIAGE"),
                    Map.entry(ReferralState.TRIAGED_PROVIDER_TO_ACTION, "TRIAGED_PROVIDER_TO_ACTION"),
                    Map.entry(ReferralState.TRIAGE_RESPONSE, "TRIAGE_RESPONSE"),
                    Map.entry(ReferralState.REJECTED, "REJECTED"),
                    Map.entry(ReferralState.APPT_CANCELLED_BY_PATIENT, "APPT_CANCELLED_BY_PATIENT"),
                    Map.entry(ReferralState.APPT_CANCELLED_BY_PROVIDER, "APPT_CANCELLED_BY_PROVIDER"),
                    Map.entry(ReferralState.DID_NOT_ATTEND, "DID_NOT_ATTEND"),
                    Map.entry(ReferralState.CANCELLED_REFERRAL, "CANCELLED_REFERRAL")),
            Map.of(ReferralState.ACCEPTED, "BOOKED"))
            .readingAlso(Map.of(
                    "APP_CANCELLED_BY_PATIENT", ReferralState.APPT_CANCELLED_BY_PATIENT,
                    "APP_CANCELLED_BY_PROVIDER", ReferralState.APPT_CANCELLED_BY_PROVIDER));

    /**
     * {@code ServiceRequest.status}: every state the pathway is still open in is {@code active},
     * which reads as no state (the referral state extension says which).
     */
    static final CodeTable<ReferralState> STATUS = CodeTable.of(ReferralState.class, Map.of(
                    ReferralState.DRAFT, "draft",
                    ReferralState.COMPLETED, "completed",
                    ReferralState.CANCELLED_REFERRAL, "revoked"),
            Map.ofEntries(
                    Map.entry(ReferralState.ADVICE_REQUESTED, "active"),
                    Map.entry(ReferralState.ADVICE_GIVEN, "active"),
                    Map.entry(ReferralState.NOT_BOOKED, "active"),
                    Map.entry(ReferralState.BOOKED, "active"),
                    Map.entry(ReferralState.ACCEPTED, "active"),
                    Map.entry(ReferralState.DEFERRED_TO_PROVIDER, "active"),
                    Map.entry(ReferralState.AWAITING_TRIAGE, "active"),
                    Map.entry(ReferralState.TRIAGED_PROVIDER_TO_ACTION, "active"),
                    Map.entry(ReferralState.TRIAGE_RESPONSE, "active"),
                    Map.entry(ReferralState.REJECTED, "active"),
                    Map.entry(ReferralState.APPT_CANCELLED_BY_PATIENT, "active"),
                    Map.entry(ReferralState.APPT_CANCELLED_BY_PROVIDER, "active"),
                    Map.entry(ReferralState.DID_NOT_ATTEND, "active")));

    /**
     * {@code ServiceRequest.priority}: FHIR has no two-week-wait code, so it is written
     * {@code urgent} and {@code urgent} reads as URGENT (R52); asap and stat read as nothing.
     */
    static final CodeTable<Priority> PRIORITY = CodeTable.of(Priority.class, Map.of(
                    Priority.ROUTINE, "routine",
                    Priority.URGENT, "urgent"),
            Map.of(Priority.TWO_WEEK_WAIT, "urgent"));

    /**
     * The e-RS priority ({@link FhirSystems#ERS_PRIORITY}), kept in the {@code referral-priority}
     * extension because FHIR's {@code ServiceRequest.priority} cannot say two-week wait (R28, R52).
     */
    static final CodeTable<Priority> ERS_PRIORITY = CodeTable.of(Priority.class, Map.of(
            Priority.ROUTINE, "ROUTINE",
            Priority.URGENT, "URGENT",
            Priority.TWO_WEEK_WAIT, "TWO_WEEK_WAIT"));

    /**
     * {@code ServiceRequest.code} in {@link FhirSystems#ERS_REQUEST_CODE}: advice and guidance has
     * one (R52); a request for an appointment has none, and any other code reads as one.
     */
    static final CodeTable<RequestType> REQUEST_TYPE = CodeTable.partial(RequestType.class, Map.of(
            RequestType.ADVICE_AND_GUIDANCE, "advice-and-guidance"), Map.of());

    /** The code system's display of each {@link #REQUEST_TYPE} code, written beside it and never read. */
    static final CodeTable<RequestType> REQUEST_TYPE_DISPLAY = CodeTable.partial(RequestType.class, Map.of(
            RequestType.ADVICE_AND_GUIDANCE, "Advice and Guidance"), Map.of());

    /** {@code ServiceRequest.intent}: a referral is always an order (R52). */
    static final String INTENT = "order";

    private ReferralCodes() {
    }
}
