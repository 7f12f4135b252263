package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.appointment.Appointment;
import io.github.personalcare.appointment.AppointmentId;
import io.github.personalcare.appointment.AppointmentStatus;
import io.github.personalcare.appointment.Cancellation;
import io.github.personalcare.appointment.Party;
import io.github.personalcare.appointment.SlotId;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.referral.ReasonCode;
import io.github.personalcare.referral.ReferralId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A patient's {@link Appointment} as a UK Core Appointment.
 *
 * <ul>
 *   <li>{@code status}: BOOKED → booked, CANCELLED → cancelled, DID_NOT_ATTEND → noshow,
 *       ATTENDED → fulfilled; {@code cancelationReason}: the reason code (SDK code system
 *       {@code appointment-cancellation-reason}), with who cancelled and when in SDK extensions.</li>
 *   <li>{@code start}, {@code end}: instants in UTC; {@code created}: when it was booked (or last
 *       rebooked); {@code slot} → {@code Slot/<id>}; {@code participant}: the patient, accepted;
 *       {@code basedOn} → {@code ServiceRequest/<referral id>} for a referral's appointment.</li>
 *   <li>{@code appointmentType} and the delivery channel, location, service, organisation and staff
 *       role as {@link SlotMapper} writes them; who booked, the reminders still to send and the
 *       number of rebookings in SDK extensions, so the appointment reads back as it was.</li>
 * </ul>
 */
public final class AppointmentMapper implements FhirMapper<Appointment> {
    /** The UK Core Appointment profile. */
    public static final String UKCORE_APPOINTMENT = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Appointment";
    static final String BOOKED_BY = SdkExtensions.url("appointment-booked-by");
    static final String CANCELLED_BY = SdkExtensions.url("appointment-cancelled-by");
    static final String CANCELLED_AT = SdkExtensions.url("appointment-cancelled-at");
    static final String REMINDER = SdkExtensions.url("appointment-reminder");
    static final String REBOOKINGS = SdkExtensions.url("appointment-rebookings");
    static final String REASON_SYSTEM = FhirSystems.SDK_CODES + "appointment-cancellation-reason";
    private static final Map<AppointmentStatus, String> STATUS = new EnumMap<>(Map.of(
            AppointmentStatus.BOOKED, "booked", AppointmentStatus.CANCELLED, "cancelled",
            AppointmentStatus.DID_NOT_ATTEND, "noshow", AppointmentStatus.ATTENDED, "fulfilled"));
    private static final Set<String> READ = Set.of("resourceType", "id", "meta", "extension", "status",
            "cancelationReason", "appointmentType", "start", "end", "created", "slot", "participant", "basedOn");

    /** A mapper; stateless and thread-safe. */
    public AppointmentMapper() {
    }

    @Override
    public String resourceType() {
        return "Appointment";
    }

    @Override
    public String profile() {
        return UKCORE_APPOINTMENT;
    }

    @Override
    public ObjectNode toFhir(Appointment a) {
        ObjectNode r = Elements.resource("Appointment", a.id().value().toString(), profile());
        ArrayNode ext = r.putArray("extension");
        AppointmentFhir.writeShared(ext, a.mode(), a.service(), a.organisation(), a.staffRole());
        ext.add(SdkExtensions.of(BOOKED_BY, "Coding", SdkExtensions.coding("appointment-party", a.bookedBy())));
        a.cancellation().ifPresent(c -> {
            ext.add(SdkExtensions.of(CANCELLED_BY, "Coding", SdkExtensions.coding("appointment-party", c.by())));
            ext.add(SdkExtensions.of(CANCELLED_AT, "Instant", c.at().toString()));
        });
        a.reminders().forEach(t -> ext.add(SdkExtensions.of(REMINDER, "Instant", t.toString())));
        ext.add(SdkExtensions.of(REBOOKINGS, "Integer", a.rebookings()));
        r.put("status", STATUS.get(a.status()));
        a.cancellation().ifPresent(c -> r.set("cancelationReason",
                Elements.concept(Elements.coding(REASON_SYSTEM, c.reason().code()))));
        r.set("appointmentType", AppointmentFhir.type(a.type()));
        r.put("start", a.startsAt().toString());
        r.put("end", a.endsAt().toString());
        r.put("created", a.bookedAt().toString());
        r.putArray("slot").add(Elements.reference("Slot", a.slot().value().toString()));
        a.referral().ifPresent(ref -> r.putArray("basedOn").add(Elements.reference("ServiceRequest",
                ref.value().toString())));
        ObjectNode participant = r.putArray("participant").addObject();
        participant.set("actor", Elements.reference("Patient", a.patient().value().toString()));
        participant.put("status", "accepted");
        return r;
    }

    @Override
    public Optional<Appointment> fromFhir(JsonNode json, ImportContext context) {
        Optional<FhirElement> root = FhirElement.resource(json, context, resourceType());
        if (root.isEmpty()) {
            return Optional.empty();
        }
        FhirElement r = root.get();
        int before = context.problems().size();
        r.ignoreAllBut(READ);
        var id = r.requiredText("id", "ID").flatMap(v -> SdkExtensions.build(r, "id", () -> AppointmentId.parse(v)));
        Optional<AppointmentStatus> status = r.requiredText("status", "REQUIRED").flatMap(code -> {
            Optional<AppointmentStatus> s = STATUS.entrySet().stream().filter(e -> e.getValue().equals(code))
                    .map(Map.Entry::getKey).findFirst();
            if (s.isEmpty()) {
                r.problem("status", "CODE", "must be booked, cancelled, noshow or fulfilled");
            }
            return s;
        });
        List<FhirElement> participants = r.objects("participant");
        Optional<PatientId> patient = participants.size() == 1
                ? AppointmentFhir.referenceId(participants.get(0), "actor", "Patient")
                        .flatMap(v -> SdkExtensions.build(r, "participant", () -> PatientId.parse(v)))
                : Optional.empty();
        if (participants.size() != 1) {
            r.problem("participant", "ONE_PATIENT", "exactly one participant, the patient, is required");
        }
        List<FhirElement> slots = r.objects("slot");
        Optional<SlotId> slot = slots.size() == 1 ? slots.get(0).requiredText("reference", "REFERENCE")
                .filter(v -> v.startsWith("Slot/"))
                .flatMap(v -> SdkExtensions.build(r, "slot", () -> SlotId.parse(v.substring(5)))) : Optional.empty();
        if (slot.isEmpty()) {
            r.problem("slot", "REFERENCE", "exactly one reference to a Slot is required");
        }
        List<FhirElement> basedOn = r.objects("basedOn");
        Optional<ReferralId> referral = Optional.empty();
        if (!basedOn.isEmpty()) {
            referral = basedOn.get(0).requiredText("reference", "REFERENCE").filter(v -> v.startsWith("ServiceRequest/"))
                    .flatMap(v -> SdkExtensions.build(r, "basedOn", () -> ReferralId.parse(v.substring(15))));
            if (referral.isEmpty() || basedOn.size() > 1) {
                r.problem("basedOn", "REFERENCE", "at most one reference to a ServiceRequest");
            }
        }
        var start = AppointmentFhir.instant(r, "start");
        var end = AppointmentFhir.instant(r, "end");
        var created = AppointmentFhir.instant(r, "created");
        var type = AppointmentFhir.type(r);
        var mode = AppointmentFhir.mode(r);
        var service = AppointmentFhir.service(r);
        var organisation = AppointmentFhir.organisation(r);
        var role = AppointmentFhir.staffRole(r);
        var bookedBy = party(r, BOOKED_BY);
        Optional<Cancellation> cancellation = Optional.empty();
        if (status.filter(s -> s == AppointmentStatus.CANCELLED).isPresent()) {
            Optional<ReasonCode> reason = r.object("cancelationReason")
                    .flatMap(c -> AppointmentFhir.codeOf(c, REASON_SYSTEM))
                    .flatMap(v -> SdkExtensions.build(r, "cancelationReason", () -> ReasonCode.of(v)));
            if (reason.isEmpty()) {
                r.problem("cancelationReason", "REQUIRED", "a cancelled appointment needs its reason");
            }
            Optional<Party> by = party(r, CANCELLED_BY);
            Optional<Instant> at = SdkExtensions.requiredExtension(r, CANCELLED_AT, "REQUIRED")
                    .flatMap(e -> SdkExtensions.valueText(e, "Instant", "REQUIRED"))
                    .flatMap(v -> SdkExtensions.instant(r, "extension", v));
            if (reason.isPresent() && by.isPresent() && at.isPresent()) {
                cancellation = Optional.of(new Cancellation(by.get(), reason.get(), at.get()));
            }
        } else if (r.has("cancelationReason")) {
            r.problem("cancelationReason", "CANCEL", "only a cancelled appointment has a cancellation reason");
        }
        List<Instant> reminders = new ArrayList<>();
        for (FhirElement e : SdkExtensions.all(r, REMINDER)) {
            SdkExtensions.valueText(e, "Instant", "REQUIRED").flatMap(v -> SdkExtensions.instant(e, "valueInstant", v))
                    .ifPresent(reminders::add);
        }
        Optional<Long> rebookings = SdkExtensions.requiredExtension(r, REBOOKINGS, "REQUIRED")
                .flatMap(e -> e.integer("valueInteger"));
        if (context.problems().size() > before || id.isEmpty() || status.isEmpty() || patient.isEmpty()
                || slot.isEmpty() || start.isEmpty() || end.isEmpty() || created.isEmpty() || type.isEmpty()
                || mode.isEmpty() || service.isEmpty() || organisation.isEmpty() || role.isEmpty()
                || bookedBy.isEmpty() || rebookings.isEmpty()
                || rebookings.get() < 0 || rebookings.get() > Integer.MAX_VALUE) {
            if (rebookings.filter(n -> n < 0 || n > Integer.MAX_VALUE).isPresent()) {
                r.problem("extension", "RANGE", "the number of rebookings must be 0 or more");
            }
            return Optional.empty();
        }
        Optional<ReferralId> ref = referral;
        Optional<Cancellation> why = cancellation;
        return SdkExtensions.build(r, "start", () -> new Appointment(id.get(), patient.get(), slot.get(),
                service.get(), organisation.get(), start.get(), end.get(), type.get(), mode.get(), role.get(), ref,
                bookedBy.get(), created.get(), status.get(), why, reminders, rebookings.get().intValue()));
    }

    private static Optional<Party> party(FhirElement r, String url) {
        return SdkExtensions.requiredExtension(r, url, "REQUIRED")
                .flatMap(x -> SdkExtensions.decodeValue(x, "appointment-party", Party.class, "CODE"));
    }
}
