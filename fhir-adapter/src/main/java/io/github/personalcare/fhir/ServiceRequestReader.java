package io.github.personalcare.fhir;

import static io.github.personalcare.fhir.ServiceRequestMapper.APPOINTMENT;
import static io.github.personalcare.fhir.ServiceRequestMapper.ATTACHMENT;
import static io.github.personalcare.fhir.ServiceRequestMapper.ATTACHMENT_LABEL;
import static io.github.personalcare.fhir.ServiceRequestMapper.CHOICE;
import static io.github.personalcare.fhir.ServiceRequestMapper.CHOICE_OFFERED;
import static io.github.personalcare.fhir.ServiceRequestMapper.CLOCK;
import static io.github.personalcare.fhir.ServiceRequestMapper.HISTORY;
import static io.github.personalcare.fhir.ServiceRequestMapper.PRIORITY;
import static io.github.personalcare.fhir.ServiceRequestMapper.REFERRING_ORGANISATION;
import static io.github.personalcare.fhir.ServiceRequestMapper.SHORTLIST;
import static io.github.personalcare.fhir.ServiceRequestMapper.STATE;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.access.SensitivityLabel;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.Ubrn;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.referral.Appointment;
import io.github.personalcare.referral.AppointmentStatus;
import io.github.personalcare.referral.Attachment;
import io.github.personalcare.referral.BookingMode;
import io.github.personalcare.referral.ChoiceExemption;
import io.github.personalcare.referral.HealthcareService;
import io.github.personalcare.referral.PatientChoice;
import io.github.personalcare.referral.Priority;
import io.github.personalcare.referral.ReasonCode;
import io.github.personalcare.referral.Referral;
import io.github.personalcare.referral.ReferralCommand;
import io.github.personalcare.referral.ReferralId;
import io.github.personalcare.referral.ReferralState;
import io.github.personalcare.referral.Referrer;
import io.github.personalcare.referral.RequestType;
import io.github.personalcare.referral.RttClock;
import io.github.personalcare.referral.PatientChoiceDelay;
import io.github.personalcare.referral.RttNullification;
import io.github.personalcare.referral.RttStart;
import io.github.personalcare.referral.RttStop;
import io.github.personalcare.referral.ServiceId;
import io.github.personalcare.referral.Specialty;
import io.github.personalcare.referral.StateChange;
import io.github.personalcare.referral.StopReason;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The reading half of {@link ServiceRequestMapper}: a UK Core ServiceRequest, e-Referral Service
 * style, back into a {@link Referral}. The referral state comes from the SDK coding of the
 * {@code referral-state} extension, else its e-RS coding, else (a ServiceRequest from elsewhere)
 * the status alone, and must agree with the status; the e-RS priority wins over the FHIR priority,
 * which must agree with it (R52). Codes are read with the tables of {@link ReferralCodes}, so they
 * are the ones the mapper writes. Every problem is reported at its JSON path. Stateless.
 */
final class ServiceRequestReader {
    private static final Set<String> UBRN_SYSTEMS = Set.of(FhirSystems.UBRN, FhirSystems.UBRN_GP_CONNECT);
    private static final Set<String> READ = Set.of("resourceType", "id", "meta", "extension", "identifier",
            "status", "intent", "category", "priority", "code", "subject", "authoredOn", "requester",
            "performerType", "performer", "reasonCode");
    private static final Set<String> KNOWN_EXTENSIONS = Set.of(STATE, PRIORITY, REFERRING_ORGANISATION, CHOICE,
            ATTACHMENT, SHORTLIST, APPOINTMENT, CLOCK, HISTORY);

    private ServiceRequestReader() {
    }

    /** The referral of a ServiceRequest, or empty with the problems reported to {@code context}. */
    static Optional<Referral> read(JsonNode json, ImportContext context) {
        Optional<FhirElement> root = FhirElement.resource(json, context, "ServiceRequest");
        if (root.isEmpty()) {
            return Optional.empty();
        }
        FhirElement r = root.get();
        r.ignoreAllBut(READ);
        for (FhirElement e : r.objects("extension")) {
            if (e.text("url").filter(KNOWN_EXTENSIONS::contains).isEmpty()) {
                context.ignored(e.path());
            }
        }
        Optional<ReferralId> id = ForeignIds.id(r, "ServiceRequest").flatMap(v -> r.convert("id", () -> ReferralId.parse(v)));
        Optional<Ubrn> ubrn = ubrn(r);
        Optional<String> status = r.requiredText("status", "REQUIRED");
        Optional<ReferralState> state = state(r, status);
        r.requiredText("intent", "R52").ifPresent(intent -> {
            if (!intent.equals(ReferralCodes.INTENT)) {
                r.problem("intent", "R52", "must be " + ReferralCodes.INTENT);
            }
        });
        Optional<Priority> priority = priority(r);
        RequestType requestType = requestType(r);
        Optional<PatientId> patient = patient(r);
        Optional<Instant> authoredOn = r.requiredText("authoredOn", "AUTHORED_ON_MISSING")
                .flatMap(v -> FhirDateTimes.start(r, "authoredOn", v));
        Optional<Referrer> referrer = referrer(r);
        Optional<Specialty> specialty = specialty(r);
        Optional<String> reason = reason(r);
        Optional<Optional<PatientChoice>> choice = choice(r);
        Optional<List<Attachment>> attachments = SdkExtensions.each(SdkExtensions.all(r, ATTACHMENT),
                ServiceRequestReader::attachment);
        Optional<List<HealthcareService>> shortlist = SdkExtensions.each(SdkExtensions.all(r, SHORTLIST),
                ServiceRequestReader::service);
        Optional<Optional<ServiceId>> chosen = chosen(r);
        Optional<List<Appointment>> appointments = SdkExtensions.each(SdkExtensions.all(r, APPOINTMENT),
                ServiceRequestReader::appointment);
        Optional<List<RttClock>> clocks = SdkExtensions.each(SdkExtensions.all(r, CLOCK), ServiceRequestReader::clock);
        Optional<List<StateChange>> history = SdkExtensions.each(SdkExtensions.all(r, HISTORY),
                ServiceRequestReader::history);
        if (context.hasProblems() || id.isEmpty() || ubrn.isEmpty() || state.isEmpty() || priority.isEmpty()
                || patient.isEmpty() || authoredOn.isEmpty() || referrer.isEmpty() || specialty.isEmpty()
                || reason.isEmpty() || choice.isEmpty() || attachments.isEmpty() || shortlist.isEmpty()
                || chosen.isEmpty() || appointments.isEmpty() || clocks.isEmpty() || history.isEmpty()) {
            return Optional.empty();
        }
        return SdkExtensions.build(r, null, () -> new Referral(id.get(), ubrn.get(), patient.get(), referrer.get(),
                priority.get(), specialty.get(), reason.get(), requestType, attachments.get(), shortlist.get(),
                choice.get(), chosen.get(), appointments.get(), clocks.get(), state.get(), history.get(),
                authoredOn.get()));
    }

    private static Optional<Ubrn> ubrn(FhirElement r) {
        List<FhirElement> found = new ArrayList<>();
        for (FhirElement identifier : r.objects("identifier")) {
            if (identifier.text("system").filter(UBRN_SYSTEMS::contains).isPresent()) {
                found.add(identifier);
            } else {
                r.context().ignored(identifier.path());
            }
        }
        if (found.isEmpty()) {
            r.problem("identifier", "R4", "a UBRN identifier (" + FhirSystems.UBRN + ") is required");
            return Optional.empty();
        }
        if (found.size() > 1) {
            found.get(1).problem(null, "R4", "a referral has exactly one UBRN");
            return Optional.empty();
        }
        FhirElement identifier = found.get(0);
        return identifier.requiredText("value", "R4").flatMap(v -> identifier.convert("value", () -> Ubrn.parse(v)));
    }

    /**
     * The referral state: the SDK coding of the state extension, else its e-RS coding, else (a
     * ServiceRequest from elsewhere) what the status alone says. It must agree with the status.
     */
    private static Optional<ReferralState> state(FhirElement r, Optional<String> status) {
        Optional<ReferralState> state = Optional.empty();
        Optional<FhirElement> ext = SdkExtensions.one(r, STATE, "R30");
        if (ext.isPresent()) {
            Optional<FhirElement> concept = SdkExtensions.valueObject(ext.get(), "CodeableConcept", "R30");
            if (concept.isEmpty()) {
                return Optional.empty();
            }
            Optional<FhirElement> sdk = Optional.empty();
            Optional<FhirElement> ers = Optional.empty();
            for (FhirElement coding : concept.get().objects("coding")) {
                String system = coding.text("system").orElse("");
                if (system.equals(FhirSystems.SDK_CODES + "referral-state")) {
                    sdk = Optional.of(coding);
                } else if (system.equals(FhirSystems.ERS_REFERRAL_STATE)) {
                    ers = Optional.of(coding);
                }
            }
            if (sdk.isPresent()) {
                state = SdkExtensions.decode(sdk.get(), "referral-state", ReferralState.class, "R30");
            } else if (ers.isPresent()) {
                FhirElement coding = ers.get();
                state = coding.requiredText("code", "R30").flatMap(c -> coding.convert("code",
                        () -> ReferralCodes.ERS_STATE.read(c, "referralState", "R30",
                                "must be an e-RS referral state the SDK models")));
            } else {
                concept.get().problem("coding", "R30", "needs an SDK or e-RS referral state coding");
            }
        } else if (status.isPresent()) {
            state = ReferralCodes.STATUS.fromCode(status.get());
            if (state.isEmpty()) {
                r.problem("extension", "R30", "the referral state extension is required for status "
                        + "active (or any status other than draft, completed, revoked)");
            }
            return state;
        }
        if (state.isPresent() && status.isPresent() && !ReferralCodes.STATUS.code(state.get()).equals(status.get())) {
            r.problem("status", "R30", "does not agree with the referral state: must be "
                    + ReferralCodes.STATUS.code(state.get()));
            return Optional.empty();
        }
        return state;
    }

    /** The e-RS priority coding wins; the FHIR priority must agree with it (R52). */
    private static Optional<Priority> priority(FhirElement r) {
        Optional<String> fhir = r.text("priority");
        Optional<FhirElement> ext = SdkExtensions.one(r, PRIORITY, "R52");
        if (ext.isPresent()) {
            Optional<FhirElement> coding = SdkExtensions.valueObject(ext.get(), "Coding", "R52");
            if (coding.isEmpty()) {
                return Optional.empty();
            }
            if (coding.get().text("system").filter(FhirSystems.ERS_PRIORITY::equals).isEmpty()) {
                coding.get().problem("system", "R52", "must be " + FhirSystems.ERS_PRIORITY);
                return Optional.empty();
            }
            Optional<Priority> priority = coding.get().requiredText("code", "R28")
                    .flatMap(c -> coding.get().convert("code", () -> ReferralCodes.ERS_PRIORITY.read(c, "priority",
                            "R28", "must be ROUTINE, URGENT or TWO_WEEK_WAIT")));
            String expected = priority.map(ReferralCodes.PRIORITY::code).orElse("");
            if (priority.isPresent() && fhir.isPresent() && !expected.equals(fhir.get())) {
                r.problem("priority", "R52", "does not agree with the e-RS priority: must be " + expected);
                return Optional.empty();
            }
            return priority;
        }
        if (fhir.isEmpty()) {
            // FHIR: "if missing, this task should be performed with normal priority"
            r.warning("priority", "PRIORITY_DEFAULTED", "is missing: read as routine, FHIR's meaning if missing");
            return Optional.of(Priority.ROUTINE);
        }
        Optional<Priority> priority = ReferralCodes.PRIORITY.fromCode(fhir.get());
        if (priority.isEmpty()) {
            r.problem("priority", "R28", "must be routine or urgent (asap and stat have no e-RS priority)");
        }
        return priority;
    }

    private static RequestType requestType(FhirElement r) {
        Optional<FhirElement> code = r.object("code");
        if (code.isPresent()) {
            for (FhirElement coding : code.get().objects("coding")) {
                if (coding.text("system").filter(FhirSystems.ERS_REQUEST_CODE::equals).isPresent()) {
                    Optional<RequestType> type = coding.text("code").flatMap(ReferralCodes.REQUEST_TYPE::fromCode);
                    if (type.isPresent()) {
                        return type.get();
                    }
                }
            }
            r.context().ignored(code.get().path());
        }
        return RequestType.APPOINTMENT;
    }

    private static Optional<PatientId> patient(FhirElement r) {
        Optional<FhirElement> subject = r.object("subject");
        if (subject.isEmpty()) {
            r.problem("subject", "REQUIRED", "is required");
            return Optional.empty();
        }
        Optional<String> id = subject.get().text("reference")
                .flatMap(ref -> References.logicalId(ref, "Patient", r.context()));
        if (id.isEmpty()) {
            subject.get().problem("reference", "SUBJECT", "must reference the Patient (Patient/<id> or its Bundle entry)");
            return Optional.empty();
        }
        return subject.get().convert("reference",
                () -> PatientId.parse(ForeignIds.uuid(subject.get(), "reference", "Patient", id.get())));
    }

    private static Optional<Referrer> referrer(FhirElement r) {
        Optional<UserId> user = Optional.empty();
        Optional<FhirElement> requester = r.object("requester");
        Optional<JsonNode> requesterRole = requester.flatMap(q -> q.text("reference")).flatMap(r.context()::resolve)
                .filter(j -> "PractitionerRole".equals(j.path("resourceType").asText()));
        if (requester.isEmpty()) {
            r.problem("requester", "REQUESTER_MISSING", "is required: a referral is made by a referring clinician (§3.1)");
        } else if (requesterRole.isPresent()) {
            // another system's requester as a PractitionerRole in the Bundle: its practitioner is the referrer
            Optional<FhirElement> role = FhirElement.resource(requesterRole.get(),
                    r.context().within(requester.get().path()), "PractitionerRole");
            Optional<FhirElement> practitioner = role.flatMap(x -> x.object("practitioner"));
            if (practitioner.isEmpty()) {
                requester.get().problem(null, "REQUESTER_MISSING", "the PractitionerRole names no practitioner");
            } else {
                user = PractitionerMapper.referenced(practitioner.get());
            }
        } else if (requester.get().has("identifier") || requester.get().text("reference")
                .filter(v -> v.startsWith("Practitioner/") || r.context().resolve(v).isPresent()).isPresent()) {
            user = PractitionerMapper.referenced(requester.get());
        } else {
            // an organisation, a device, the patient, or a reference to another server: no referring clinician
            requester.get().problem(null, "REQUESTER_NOT_PRACTITIONER", "must name the referring clinician: a "
                    + "Practitioner by identifier, Practitioner/<id> or a Bundle entry (§3.1)");
        }
        Optional<OdsCode> organisation = Optional.empty();
        Optional<FhirElement> ext = SdkExtensions.one(r, REFERRING_ORGANISATION, "R5");
        if (ext.isEmpty()) {
            organisation = requesterOrganisation(r, requesterRole);
        } else {
            Optional<FhirElement> reference = SdkExtensions.valueObject(ext.get(), "Reference", "R5");
            if (reference.isPresent()) {
                Optional<References.Identifier> value = References.identifierOf(reference.get(), "Organization",
                        OrganizationCodes.ODS_SYSTEMS);
                if (value.isEmpty()) {
                    reference.get().problem(null, "R5", "must carry or resolve to an ODS code identifier");
                } else {
                    organisation = reference.get().convert("identifier", () -> OrganizationCodes.odsCode(value.get()));
                }
            }
        }
        if (user.isEmpty() || organisation.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Referrer(user.get(), organisation.get()));
    }

    /**
     * Without the SDK's referring-organisation extension (another system's referral), the
     * organisation of the requesting PractitionerRole in the Bundle, by its ODS code, with a warning;
     * else the referral is refused: the domain names a referrer's organisation by ODS code (R5).
     */
    private static Optional<OdsCode> requesterOrganisation(FhirElement r, Optional<JsonNode> requesterRole) {
        Optional<References.Identifier> value = requesterRole
                .flatMap(role -> FhirElement.resource(role, r.context().within(r.path() + ".requester"), "PractitionerRole"))
                .flatMap(role -> role.object("organization"))
                .flatMap(org -> References.identifierOf(org, "Organization", OrganizationCodes.ODS_SYSTEMS));
        if (value.isEmpty()) {
            r.problem("extension", "R5", "the referring organisation is required, by ODS code: the SDK extension, "
                    + "or a requesting PractitionerRole in the Bundle whose organization has one");
            return Optional.empty();
        }
        r.warning("requester", "REFERRER_ORGANISATION_FROM_REQUESTER",
                "no referring organisation extension: the organisation of the requesting PractitionerRole is read");
        return r.convert("requester", () -> OrganizationCodes.odsCode(value.get()));
    }

    private static Optional<Specialty> specialty(FhirElement r) {
        Optional<FhirElement> type = r.object("performerType");
        if (type.isPresent()) {
            for (FhirElement coding : type.get().objects("coding")) {
                if (coding.text("system").filter((FhirSystems.SDK_CODES + "specialty")::equals).isPresent()) {
                    return coding.requiredText("code", "SPECIALTY")
                            .flatMap(c -> coding.convert("code", () -> Specialty.of(c)));
                }
            }
        }
        // another system's referral: a SNOMED CT performerType (UK Core's binding) names the specialty
        Optional<FhirElement> snomed = type.stream().flatMap(t -> t.objects("coding").stream())
                .filter(c -> c.text("system").filter(ProfessionalRoleCodes.SNOMED::equals).isPresent()
                        && c.text("code").filter(v -> v.matches("\\d{6,18}")).isPresent())
                .findFirst();
        if (snomed.isPresent()) {
            snomed.get().warning("code", "SPECIALTY_FROM_SNOMED",
                    "no SDK specialty coding: the specialty is SCT_<SNOMED CT code>");
            return snomed.get().convert("code", () -> Specialty.of("SCT_" + snomed.get().text("code").orElseThrow()));
        }
        r.problem("performerType", "SPECIALTY_MISSING",
                "a coding of the SDK specialty code system or a SNOMED CT performerType is required");
        return Optional.empty();
    }

    private static Optional<String> reason(FhirElement r) {
        List<FhirElement> reasons = r.objects("reasonCode");
        if (reasons.isEmpty()) {
            r.problem("reasonCode", "CLINICAL_REASON_MISSING", "the clinical reason is required as reasonCode[0].text");
            return Optional.empty();
        }
        for (int i = 1; i < reasons.size(); i++) {
            r.context().ignored(reasons.get(i).path());
        }
        FhirElement first = reasons.get(0);
        if (first.has("coding")) {
            r.context().ignored(first.path() + ".coding");
        }
        Optional<String> text = first.text("text");
        if (text.isEmpty()) {
            // another system's coded reason: its display is the reason in words (the code itself is not kept)
            text = first.objects("coding").stream().flatMap(c -> c.text("display").stream()).findFirst();
            if (text.isEmpty()) {
                first.problem("text", "CLINICAL_REASON_MISSING", "the clinical reason is required in words: text, "
                        + "or a coding with a display");
                return Optional.empty();
            }
            first.warning("coding", "REASON_FROM_CODING", "no text: the first coding's display is the clinical reason");
        }
        String words = text.get();
        return first.convert("text", () -> Require.text("clinicalReason", words, Require.LONG_TEXT));
    }

    private static Optional<Optional<PatientChoice>> choice(FhirElement r) {
        Optional<FhirElement> ext = SdkExtensions.one(r, CHOICE, "CHOICE");
        if (ext.isEmpty()) {
            return SdkExtensions.all(r, CHOICE).isEmpty() ? Optional.of(Optional.empty()) : Optional.empty();
        }
        Optional<FhirElement> coding = SdkExtensions.valueObject(ext.get(), "Coding", "CHOICE");
        if (coding.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> code = coding.get().requiredText("code", "CHOICE");
        if (code.isEmpty()) {
            return Optional.empty();
        }
        if (code.get().equals(CHOICE_OFFERED)) {
            return Optional.of(Optional.of(PatientChoice.choiceOffered()));
        }
        for (ChoiceExemption e : ChoiceExemption.values()) {
            if (e.name().equals(code.get())) {
                return Optional.of(Optional.of(PatientChoice.exempt(e)));
            }
        }
        coding.get().problem("code", "CHOICE", "must be OFFERED or a choice exemption");
        return Optional.empty();
    }

    private static Optional<Attachment> attachment(FhirElement ext) {
        Optional<FhirElement> value = SdkExtensions.valueObject(ext, "Attachment", "REQUIRED");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        FhirElement a = value.get();
        Optional<String> type = a.requiredText("contentType", "REQUIRED");
        Optional<String> url = a.requiredText("url", "REQUIRED");
        Optional<String> title = a.requiredText("title", "REQUIRED");
        Optional<List<SensitivityLabel>> labels = SdkExtensions.each(SdkExtensions.all(a, ATTACHMENT_LABEL),
                l -> SdkExtensions.decodeValue(l, "sensitivity-label", SensitivityLabel.class, "CODE"));
        boolean unknown = false;
        for (FhirElement e : a.objects("extension")) {
            if (e.text("url").filter(ATTACHMENT_LABEL::equals).isEmpty()) {
                // Fail closed: a misspelt label extension must not let a withheld document through (R48).
                e.problem("url", "R48", "is not an extension the SDK knows on an attachment");
                unknown = true;
            }
        }
        if (type.isEmpty() || url.isEmpty() || title.isEmpty() || labels.isEmpty() || unknown) {
            return Optional.empty();
        }
        return a.convert(null, () -> new Attachment(title.get(), type.get(), url.get(), Set.copyOf(labels.get())));
    }

    private static Optional<ServiceId> serviceId(FhirElement identifier) {
        if (identifier.text("system").filter(FhirSystems.SDK_SERVICE_ID::equals).isEmpty()) {
            identifier.problem("system", "IDENTIFIER", "must be " + FhirSystems.SDK_SERVICE_ID);
            return Optional.empty();
        }
        return identifier.requiredText("value", "IDENTIFIER").flatMap(v -> identifier.convert("value", () -> ServiceId.of(v)));
    }

    private static Optional<HealthcareService> service(FhirElement e) {
        Optional<ServiceId> id = SdkExtensions.part(e, "id", true, "R29")
                .flatMap(p -> SdkExtensions.valueObject(p, "Identifier", "R29"))
                .flatMap(ServiceRequestReader::serviceId);
        Optional<String> name = SdkExtensions.part(e, "name", true, "R29")
                .flatMap(p -> SdkExtensions.valueText(p, "String", "R29"));
        Optional<OdsCode> provider = SdkExtensions.part(e, "provider", true, "R5")
                .flatMap(p -> SdkExtensions.valueObject(p, "Identifier", "R5"))
                .flatMap(i -> i.requiredText("value", "R5").flatMap(v -> i.convert("value",
                        () -> OrganizationCodes.odsCode(i.json().path("system").asText(""), v))));
        Optional<Specialty> specialty = SdkExtensions.part(e, "specialty", true, "SPECIALTY")
                .flatMap(p -> SdkExtensions.valueObject(p, "Coding", "SPECIALTY"))
                .flatMap(c -> c.requiredText("code", "SPECIALTY").flatMap(v -> c.convert("code", () -> Specialty.of(v))));
        Optional<BookingMode> mode = SdkExtensions.part(e, "bookingMode", true, "CODE")
                .flatMap(p -> SdkExtensions.decodeValue(p, "booking-mode", BookingMode.class, "CODE"));
        Optional<Boolean> consultantLed = SdkExtensions.part(e, "consultantLed", true, "REQUIRED")
                .flatMap(p -> {
                    if (!p.has("valueBoolean")) {
                        p.problem("valueBoolean", "REQUIRED", "is required");
                    }
                    return p.bool("valueBoolean");
                });
        Optional<String> postcode = SdkExtensions.part(e, "postcodeDistrict", true, "CODE")
                .flatMap(p -> SdkExtensions.valueText(p, "String", "CODE"));
        if (id.isEmpty() || name.isEmpty() || provider.isEmpty() || specialty.isEmpty() || mode.isEmpty()
                || consultantLed.isEmpty() || postcode.isEmpty()) {
            return Optional.empty();
        }
        return e.convert(null, () -> new HealthcareService(id.get(), name.get(), provider.get(), specialty.get(),
                mode.get(), consultantLed.get(), postcode.get()));
    }

    private static Optional<Optional<ServiceId>> chosen(FhirElement r) {
        List<FhirElement> performers = r.objects("performer");
        if (performers.isEmpty()) {
            return Optional.of(Optional.empty());
        }
        for (int i = 1; i < performers.size(); i++) {
            r.context().ignored(performers.get(i).path());
        }
        FhirElement performer = performers.get(0);
        Optional<FhirElement> identifier = performer.object("identifier")
                .filter(i -> i.text("system").filter(FhirSystems.SDK_SERVICE_ID::equals).isPresent());
        if (identifier.isEmpty()) {
            // another system's performer (a practitioner, an organisation): not a service of the directory, so
            // not a chosen service; a state that needs one is still refused by the referral's own rules
            performer.warning(null, "PERFORMER_NOT_KEPT", "is not a directory service (SDK service id): not kept "
                    + "as the chosen service");
            return Optional.of(Optional.empty());
        }
        return serviceId(identifier.get()).map(Optional::of);
    }

    private static Optional<Appointment> appointment(FhirElement e) {
        Optional<ServiceId> service = SdkExtensions.part(e, "service", true, "REQUIRED")
                .flatMap(p -> SdkExtensions.valueObject(p, "Identifier", "REQUIRED"))
                .flatMap(ServiceRequestReader::serviceId);
        Optional<Instant> startsAt = instantPart(e, "startsAt");
        Optional<Instant> bookedAt = instantPart(e, "bookedAt");
        Optional<AppointmentStatus> status = SdkExtensions.part(e, "status", true, "CODE")
                .flatMap(p -> SdkExtensions.decodeValue(p, "appointment-status", AppointmentStatus.class, "CODE"));
        if (service.isEmpty() || startsAt.isEmpty() || bookedAt.isEmpty() || status.isEmpty()) {
            return Optional.empty();
        }
        return e.convert(null, () -> new Appointment(service.get(), startsAt.get(), bookedAt.get(), status.get()));
    }

    private static Optional<Instant> instantPart(FhirElement e, String name) {
        return SdkExtensions.part(e, name, true, "REQUIRED")
                .flatMap(p -> SdkExtensions.valueText(p, "Instant", "REQUIRED")
                        .flatMap(v -> SdkExtensions.instant(p, "valueInstant", v)));
    }

    private static Optional<LocalDate> datePart(FhirElement e, String name, boolean required) {
        return SdkExtensions.part(e, name, required, "R36")
                .flatMap(p -> SdkExtensions.valueText(p, "Date", "R36")
                        .flatMap(v -> SdkExtensions.date(p, "valueDate", v)));
    }

    private static Optional<RttClock> clock(FhirElement e) {
        Optional<LocalDate> started = datePart(e, "startedOn", true);
        List<PatientChoiceDelay> delays = new ArrayList<>();
        boolean ok = true;
        // "pause" is how a version before R36's correction wrote a delay the patient chose
        List<FhirElement> notes = new ArrayList<>(SdkExtensions.all(e, "patientChoiceDelay"));
        notes.addAll(SdkExtensions.all(e, "pause"));
        for (FhirElement p : notes) {
            Optional<FhirElement> period = SdkExtensions.valueObject(p, "Period", "R36");
            Optional<LocalDate> from = period.flatMap(x -> x.requiredText("start", "R36")
                    .flatMap(v -> SdkExtensions.date(x, "start", v)));
            Optional<Optional<LocalDate>> until = period.flatMap(x -> x.has("end")
                    ? x.text("end").flatMap(v -> SdkExtensions.date(x, "end", v)).map(Optional::of)
                    : Optional.of(Optional.<LocalDate>empty()));
            Optional<PatientChoiceDelay> delay = from.isPresent() && until.isPresent()
                    ? SdkExtensions.build(p, null, () -> new PatientChoiceDelay(from.get(), until.get()))
                    : Optional.empty();
            if (delay.isPresent()) {
                delays.add(delay.get());
            } else {
                ok = false;
            }
        }
        Optional<RttStop> stop = Optional.empty();
        boolean hasStop = !SdkExtensions.all(e, "stoppedOn").isEmpty() || !SdkExtensions.all(e, "stopReason").isEmpty();
        if (hasStop) {
            Optional<LocalDate> on = datePart(e, "stoppedOn", true);
            Optional<StopReason> why = SdkExtensions.part(e, "stopReason", true, "R36")
                    .flatMap(p -> SdkExtensions.decodeValue(p, "rtt-stop-reason", StopReason.class, "R36"));
            if (on.isEmpty() || why.isEmpty()) {
                return Optional.empty();
            }
            stop = Optional.of(new RttStop(on.get(), why.get()));
        }
        RttStart start = RttStart.UBRN_CONVERSION;
        if (!SdkExtensions.all(e, "start").isEmpty()) {
            Optional<RttStart> read = SdkExtensions.part(e, "start", true, "R35")
                    .flatMap(p -> SdkExtensions.decodeValue(p, "rtt-start", RttStart.class, "R35"));
            if (read.isEmpty()) {
                return Optional.empty();
            }
            start = read.get();
        }
        Optional<RttNullification> nullification = Optional.empty();
        if (!SdkExtensions.all(e, "nullifiedOn").isEmpty() || !SdkExtensions.all(e, "nullifiedBy").isEmpty()) {
            Optional<LocalDate> on = datePart(e, "nullifiedOn", true);
            Optional<String> by = SdkExtensions.partText(e, "nullifiedBy", "valueString", true, "R36");
            if (on.isEmpty() || by.isEmpty()) {
                return Optional.empty();
            }
            Optional<RttNullification> read = SdkExtensions.build(e, null,
                    () -> new RttNullification(on.get(), UserId.of(by.get())));
            if (read.isEmpty()) {
                return Optional.empty();
            }
            nullification = read;
        }
        if (started.isEmpty() || !ok) {
            return Optional.empty();
        }
        Optional<RttStop> stopped = stop;
        RttStart startedBy = start;
        Optional<RttNullification> nullified = nullification;
        return SdkExtensions.build(e, null, () -> new RttClock(started.get(), startedBy, delays, stopped, nullified));
    }

    private static Optional<StateChange> history(FhirElement e) {
        Optional<ReferralCommand.Type> command = SdkExtensions.part(e, "command", true, "R30")
                .flatMap(p -> SdkExtensions.decodeValue(p, "referral-command", ReferralCommand.Type.class, "R30"));
        Optional<ReferralState> from = SdkExtensions.part(e, "from", true, "R30")
                .flatMap(p -> SdkExtensions.decodeValue(p, "referral-state", ReferralState.class, "R30"));
        Optional<ReferralState> to = SdkExtensions.part(e, "to", true, "R30")
                .flatMap(p -> SdkExtensions.decodeValue(p, "referral-state", ReferralState.class, "R30"));
        Optional<Instant> at = instantPart(e, "at");
        Optional<ReasonCode> reason = Optional.empty();
        Optional<FhirElement> reasonPart = SdkExtensions.part(e, "reason", false, "CODE");
        if (reasonPart.isPresent()) {
            reason = SdkExtensions.valueObject(reasonPart.get(), "Coding", "CODE")
                    .flatMap(c -> c.requiredText("code", "CODE").flatMap(v -> c.convert("code", () -> ReasonCode.of(v))));
            if (reason.isEmpty()) {
                return Optional.empty();
            }
        }
        Optional<String> comment = Optional.empty();
        Optional<FhirElement> commentPart = SdkExtensions.part(e, "comment", false, "TEXT");
        if (commentPart.isPresent()) {
            comment = SdkExtensions.valueText(commentPart.get(), "String", "TEXT");
            if (comment.isEmpty()) {
                return Optional.empty();
            }
        }
        if (command.isEmpty() || from.isEmpty() || to.isEmpty() || at.isEmpty()) {
            return Optional.empty();
        }
        Optional<ReasonCode> why = reason;
        Optional<String> note = comment;
        return SdkExtensions.build(e, null, () -> new StateChange(command.get(), from.get(), to.get(), at.get(), why,
                note));
    }
}
