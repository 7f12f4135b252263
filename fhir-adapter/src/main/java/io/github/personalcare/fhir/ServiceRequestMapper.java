package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.referral.Appointment;
import io.github.personalcare.referral.Attachment;
import io.github.personalcare.referral.ChoiceExemption;
import io.github.personalcare.referral.HealthcareService;
import io.github.personalcare.referral.Referral;
import io.github.personalcare.referral.RttClock;
import io.github.personalcare.referral.PatientChoiceDelay;
import io.github.personalcare.referral.StateChange;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;

/**
 * A {@link Referral} as a UK Core ServiceRequest, e-Referral Service style (domain notes §3.3).
 *
 * <ul>
 *   <li>{@code identifier}: the UBRN, system {@link FhirSystems#UBRN} (R4; {@link FhirSystems#UBRN_GP_CONNECT}
 *       accepted on input). {@code intent} is always {@code order}; {@code category} the e-RS
 *       {@code referral} code; advice and guidance has {@code code} {@code advice-and-guidance} (R52).</li>
 *   <li>{@code status}: DRAFT → draft, COMPLETED → completed, CANCELLED_REFERRAL → revoked, every
 *       other state → active. The exact state is in the {@code referral-state} extension (SDK code,
 *       plus the e-RS state code where e-RS has one).</li>
 *   <li>{@code priority}: ROUTINE → routine, URGENT and TWO_WEEK_WAIT → urgent, and always the e-RS
 *       priority coding in the {@code referral-priority} extension (R52).</li>
 *   <li>{@code subject} → Patient; {@code requester} → the referrer's Practitioner (user id), with
 *       the referring organisation (ODS, R5) in the {@code referral-referring-organisation}
 *       extension: the SDK does not record the role the referrer acted in, so there is no
 *       PractitionerRole to point at. {@code authoredOn}: when the referral was drafted.</li>
 *   <li>{@code performerType}: the specialty; {@code performer}: the chosen service by its directory id
 *       and name (the SDK has no HealthcareService resource); {@code reasonCode.text}: the clinical reason.</li>
 *   <li>SDK extensions for what ServiceRequest has no element for, so that the imported referral is
 *       the exported one and exports identically: patient choice, attachments (as FHIR Attachments),
 *       the shortlist, appointments, RTT clocks and the command history.</li>
 * </ul>
 *
 * <p>The codes are those of {@link ReferralCodes}, which {@link ServiceRequestReader} reads back.
 * {@link #toErs} is the export for the e-Referral Service: it refuses S-flagged patients (R49).
 */
public final class ServiceRequestMapper implements FhirMapper<Referral> {
    static final String STATE = FhirSystems.SDK_REFERRAL + "state";
    static final String PRIORITY = FhirSystems.SDK_REFERRAL + "priority";
    static final String REFERRING_ORGANISATION = FhirSystems.SDK_REFERRAL + "referring-organisation";
    static final String CHOICE = FhirSystems.SDK_REFERRAL + "patient-choice";
    static final String ATTACHMENT = FhirSystems.SDK_REFERRAL + "attachment";
    /** A sensitivity label on an attachment (R41, R48), an extension of the FHIR Attachment. */
    static final String ATTACHMENT_LABEL = FhirSystems.SDK_REFERRAL + "attachment-label";
    static final String SHORTLIST = FhirSystems.SDK_REFERRAL + "shortlist";
    static final String APPOINTMENT = FhirSystems.SDK_REFERRAL + "appointment";
    static final String CLOCK = FhirSystems.SDK_REFERRAL + "rtt-clock";
    static final String HISTORY = FhirSystems.SDK_REFERRAL + "history";
    /** Patient choice code for "choice was offered"; the other codes are {@link ChoiceExemption} names. */
    static final String CHOICE_OFFERED = "OFFERED";

    /** A mapper; stateless and thread-safe. */
    public ServiceRequestMapper() {
    }

    @Override
    public String resourceType() {
        return "ServiceRequest";
    }

    @Override
    public String profile() {
        return FhirSystems.UKCORE_SERVICE_REQUEST;
    }

    /**
     * The ServiceRequest to send to the e-Referral Service for a referral of {@code patient}.
     *
     * @param referral the referral
     * @param patient  the referral's patient, whose flags decide whether e-RS may be used
     * @return the ServiceRequest resource
     * @throws RuleViolationException if the patient is S-flagged: e-RS is not available to them (R49)
     * @throws InvalidInputException if the referral is not the patient's
     */
    public ObjectNode toErs(Referral referral, Patient patient) {
        if (!referral.patient().equals(patient.id())) {
            throw new InvalidInputException("patient", "ONE_PATIENT",
                    "the referral must be the patient's");
        }
        if (patient.has(PatientFlag.SENSITIVE)) {
            throw new RuleViolationException("R49", "e-RS is not available to a patient with a sensitive (S) flag");
        }
        return toFhir(referral);
    }

    @Override
    public ObjectNode toFhir(Referral referral) {
        ObjectNode r = Elements.resource("ServiceRequest", referral.id().value().toString(), profile());
        ArrayNode ext = r.putArray("extension");
        ObjectNode state = Elements.object();
        ArrayNode stateCodings = state.putArray("coding");
        stateCodings.add(SdkExtensions.coding("referral-state", referral.state()));
        ReferralCodes.ERS_STATE.codeIfAny(referral.state()).ifPresent(c -> stateCodings.add(Elements.coding(FhirSystems.ERS_REFERRAL_STATE, c)));
        ext.add(SdkExtensions.of(STATE, "CodeableConcept", state));
        ext.add(SdkExtensions.of(PRIORITY, "Coding",
                Elements.coding(FhirSystems.ERS_PRIORITY, ReferralCodes.ERS_PRIORITY.code(referral.priority()))));
        ext.add(SdkExtensions.of(REFERRING_ORGANISATION, "Reference",
                OrganizationMapper.referenceTo(referral.referrer().organisation())));
        referral.choice().ifPresent(c -> ext.add(SdkExtensions.of(CHOICE, "Coding", Elements.coding(
                FhirSystems.SDK_CODES + "patient-choice", c.exemption().map(Enum::name).orElse(CHOICE_OFFERED)))));
        for (Attachment a : referral.attachments()) {
            ObjectNode value = Elements.object();
            if (!a.labels().isEmpty()) {
                // R41/R48: who may see the document travels with it, in the enum's order for a stable document
                ArrayNode labels = value.putArray("extension");
                EnumSet.copyOf(a.labels()).forEach(l -> labels.add(SdkExtensions.of(ATTACHMENT_LABEL, "Coding",
                        SdkExtensions.coding("sensitivity-label", l))));
            }
            value.put("contentType", a.mediaType());
            value.put("url", a.uri());
            value.put("title", a.title());
            ext.add(SdkExtensions.of(ATTACHMENT, "Attachment", value));
        }
        referral.shortlist().forEach(s -> ext.add(service(s)));
        referral.appointments().forEach(a -> ext.add(appointment(a)));
        referral.clocks().forEach(c -> ext.add(clock(c)));
        referral.history().forEach(h -> ext.add(history(h)));

        r.putArray("identifier").add(Elements.identifier(FhirSystems.UBRN, referral.ubrn().value()));
        r.put("status", ReferralCodes.STATUS.code(referral.state()));
        r.put("intent", ReferralCodes.INTENT);
        r.putArray("category").add(Elements.concept(Elements.coding(FhirSystems.ERS_CATEGORY, "referral", "Referral")));
        r.put("priority", ReferralCodes.PRIORITY.code(referral.priority()));
        ReferralCodes.REQUEST_TYPE.codeIfAny(referral.requestType()).ifPresent(code -> r.set("code",
                Elements.concept(Elements.coding(FhirSystems.ERS_REQUEST_CODE, code,
                        ReferralCodes.REQUEST_TYPE_DISPLAY.code(referral.requestType())))));
        r.set("subject", Elements.reference("Patient", referral.patient().value().toString()));
        r.put("authoredOn", referral.createdAt().toString());
        r.set("requester", PractitionerMapper.referenceTo(referral.referrer().user()));
        r.set("performerType", Elements.concept(
                Elements.coding(FhirSystems.SDK_CODES + "specialty", referral.specialty().code())));
        referral.chosen().ifPresent(s -> {
            ObjectNode performer = r.putArray("performer").addObject();
            performer.put("type", "HealthcareService");
            performer.set("identifier", Elements.identifier(FhirSystems.SDK_SERVICE_ID, s.id().value()));
            performer.put("display", s.name());
        });
        r.putArray("reasonCode").addObject().put("text", referral.clinicalReason());
        return r;
    }

    private static ObjectNode service(HealthcareService s) {
        ObjectNode e = SdkExtensions.complex(SHORTLIST);
        SdkExtensions.add(e, SdkExtensions.of("id", "Identifier", Elements.identifier(FhirSystems.SDK_SERVICE_ID,
                s.id().value())));
        SdkExtensions.add(e, SdkExtensions.of("name", "String", s.name()));
        SdkExtensions.add(e, SdkExtensions.of("provider", "Identifier",
                OrganizationCodes.identifier(s.provider())));
        SdkExtensions.add(e, SdkExtensions.of("specialty", "Coding",
                Elements.coding(FhirSystems.SDK_CODES + "specialty", s.specialty().code())));
        SdkExtensions.add(e, SdkExtensions.of("bookingMode", "Coding", SdkExtensions.coding("booking-mode",
                s.bookingMode())));
        SdkExtensions.add(e, SdkExtensions.of("consultantLed", s.consultantLed()));
        return SdkExtensions.add(e, SdkExtensions.of("postcodeDistrict", "String", s.postcodeDistrict()));
    }

    private static ObjectNode appointment(Appointment a) {
        ObjectNode e = SdkExtensions.complex(APPOINTMENT);
        SdkExtensions.add(e, SdkExtensions.of("service", "Identifier", Elements.identifier(FhirSystems.SDK_SERVICE_ID,
                a.service().value())));
        SdkExtensions.add(e, SdkExtensions.of("startsAt", "Instant", a.startsAt().toString()));
        SdkExtensions.add(e, SdkExtensions.of("bookedAt", "Instant", a.bookedAt().toString()));
        return SdkExtensions.add(e, SdkExtensions.of("status", "Coding",
                SdkExtensions.coding("appointment-status", a.status())));
    }

    private static ObjectNode clock(RttClock c) {
        ObjectNode e = SdkExtensions.complex(CLOCK);
        SdkExtensions.add(e, SdkExtensions.of("startedOn", "Date", c.startedOn().toString()));
        SdkExtensions.add(e, SdkExtensions.of("start", "Coding", SdkExtensions.coding("rtt-start", c.start())));
        for (PatientChoiceDelay d : c.patientChoiceDelays()) {
            ObjectNode period = Elements.object();
            period.put("start", d.from().toString());
            d.until().ifPresent(u -> period.put("end", u.toString()));
            SdkExtensions.add(e, SdkExtensions.of("patientChoiceDelay", "Period", period));
        }
        c.nullification().ifPresent(n -> {
            SdkExtensions.add(e, SdkExtensions.of("nullifiedOn", "Date", n.on().toString()));
            SdkExtensions.add(e, SdkExtensions.of("nullifiedBy", "String", n.decidedBy().value()));
        });
        c.stop().ifPresent(s -> {
            SdkExtensions.add(e, SdkExtensions.of("stoppedOn", "Date", s.on().toString()));
            SdkExtensions.add(e, SdkExtensions.of("stopReason", "Coding",
                    SdkExtensions.coding("rtt-stop-reason", s.reason())));
        });
        return e;
    }

    private static ObjectNode history(StateChange h) {
        ObjectNode e = SdkExtensions.complex(HISTORY);
        SdkExtensions.add(e, SdkExtensions.of("command", "Coding", SdkExtensions.coding("referral-command",
                h.command())));
        SdkExtensions.add(e, SdkExtensions.of("from", "Coding", SdkExtensions.coding("referral-state", h.from())));
        SdkExtensions.add(e, SdkExtensions.of("to", "Coding", SdkExtensions.coding("referral-state", h.to())));
        SdkExtensions.add(e, SdkExtensions.of("at", "Instant", h.at().toString()));
        h.reason().ifPresent(reason -> SdkExtensions.add(e, SdkExtensions.of("reason", "Coding",
                Elements.coding(FhirSystems.SDK_CODES + "referral-reason", reason.code()))));
        h.comment().ifPresent(comment -> SdkExtensions.add(e, SdkExtensions.of("comment", "String", comment)));
        return e;
    }

    /**
     * Reads a ServiceRequest back into a referral; see {@link ServiceRequestReader} for what must
     * agree (state and status, e-RS and FHIR priority).
     */
    @Override
    public Optional<Referral> fromFhir(JsonNode json, ImportContext context) {
        return ServiceRequestReader.read(json, context);
    }
}
