package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.appointment.AppointmentId;
import io.github.personalcare.appointment.Slot;
import io.github.personalcare.appointment.ScheduleId;
import io.github.personalcare.appointment.SlotId;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A published {@link Slot} as a UK Core Slot.
 *
 * <ul>
 *   <li>{@code id}: the slot id; {@code schedule} → {@code Schedule/<schedule id>}.</li>
 *   <li>{@code status}: {@code free}, {@code busy} while an appointment holds it (its id in the
 *       SDK extension {@code appointment-slot-holder}), or {@code busy-unavailable} once its
 *       organisation withdrew it (when, in the SDK extension {@code slot-withdrawn-at}, a
 *       {@code dateTime}).</li>
 *   <li>{@code start}, {@code end}: instants in UTC ({@code Z}); UK local times are for display.</li>
 *   <li>{@code appointmentType}: HL7 v2 table 0276 (ROUTINE, FOLLOWUP, CHECKUP, EMERGENCY, WALKIN).</li>
 *   <li>UK Core extension {@code DeliveryChannel}: In-person, Video or Telephone; the in-person
 *       location, the directory service, the organisation (ODS) and the staff role in SDK extensions.</li>
 * </ul>
 */
public final class SlotMapper implements FhirMapper<Slot> {
    /** The UK Core Slot profile. */
    public static final String UKCORE_SLOT = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Slot";
    static final String HOLDER = SdkExtensions.url("appointment-slot-holder");
    static final String WITHDRAWN_AT = SdkExtensions.url("slot-withdrawn-at");
    private static final Set<String> READ = Set.of("resourceType", "id", "meta", "extension", "schedule", "status",
            "start", "end", "appointmentType");

    /** A mapper; stateless and thread-safe. */
    public SlotMapper() {
    }

    @Override
    public String resourceType() {
        return "Slot";
    }

    @Override
    public String profile() {
        return UKCORE_SLOT;
    }

    @Override
    public ObjectNode toFhir(Slot slot) {
        ObjectNode r = Elements.resource("Slot", slot.id().value().toString(), profile());
        ArrayNode ext = r.putArray("extension");
        AppointmentFhir.writeShared(ext, slot.mode(), slot.service(), slot.organisation(), slot.staffRole());
        slot.appointment().ifPresent(a -> ext.add(SdkExtensions.of(HOLDER, "String", a.value().toString())));
        slot.withdrawnAt().ifPresent(at -> ext.add(SdkExtensions.of(WITHDRAWN_AT, "DateTime", at.toString())));
        r.set("appointmentType", AppointmentFhir.type(slot.type()));
        r.set("schedule", Elements.reference("Schedule", slot.schedule().value().toString()));
        r.put("status", slot.isWithdrawn() ? "busy-unavailable" : slot.isFree() ? "free" : "busy");
        r.put("start", slot.startsAt().toString());
        r.put("end", slot.endsAt().toString());
        return r;
    }

    @Override
    public Optional<Slot> fromFhir(JsonNode json, ImportContext context) {
        Optional<FhirElement> root = FhirElement.resource(json, context, resourceType());
        if (root.isEmpty()) {
            return Optional.empty();
        }
        FhirElement r = root.get();
        int before = context.problems().size();
        r.ignoreAllBut(READ);
        var id = r.requiredText("id", "ID").flatMap(v -> SdkExtensions.build(r, "id", () -> SlotId.parse(v)));
        var schedule = AppointmentFhir.referenceId(r, "schedule", "Schedule")
                .flatMap(v -> SdkExtensions.build(r, "schedule", () -> ScheduleId.parse(v)));
        var status = r.requiredText("status", "REQUIRED");
        var holder = SdkExtensions.extension(r, HOLDER).flatMap(e -> SdkExtensions.valueText(e, "String", "REQUIRED"))
                .flatMap(v -> SdkExtensions.build(r, "extension", () -> AppointmentId.parse(v)));
        boolean withdrawn = status.isPresent() && status.get().equals("busy-unavailable") && holder.isEmpty();
        var withdrawal = SdkExtensions.extension(r, WITHDRAWN_AT);
        Optional<Instant> withdrawnAt = withdrawal.flatMap(e -> SdkExtensions.valueText(e, "DateTime", "REQUIRED"))
                .flatMap(v -> SdkExtensions.instant(r, "extension", v));
        if (withdrawn && withdrawal.isEmpty()) {
            r.problem("extension", "SLOT_WITHDRAWN", "a busy-unavailable slot needs when it was withdrawn ("
                    + WITHDRAWN_AT + ")");
        } else if (!withdrawn && withdrawal.isPresent()) {
            r.problem("status", "SLOT_WITHDRAWN", "a slot with a withdrawal time must be busy-unavailable");
        } else if (!withdrawn && status.isPresent() && !status.get().equals(holder.isPresent() ? "busy" : "free")) {
            r.problem("status", "SLOT", "must be free without a holding appointment, busy with one, or "
                    + "busy-unavailable when withdrawn");
        }
        var start = AppointmentFhir.instant(r, "start");
        var end = AppointmentFhir.instant(r, "end");
        var type = AppointmentFhir.type(r);
        var mode = AppointmentFhir.mode(r);
        var service = AppointmentFhir.service(r);
        var organisation = AppointmentFhir.organisation(r);
        var role = AppointmentFhir.staffRole(r);
        if (context.problems().size() > before || id.isEmpty() || schedule.isEmpty() || start.isEmpty() || end.isEmpty()
                || type.isEmpty() || mode.isEmpty() || service.isEmpty() || organisation.isEmpty() || role.isEmpty()) {
            return Optional.empty();
        }
        return SdkExtensions.build(r, "start", () -> new Slot(id.get(), schedule.get(), service.get(),
                organisation.get(), start.get(), end.get(), type.get(), mode.get(), role.get(), holder,
                withdrawnAt));
    }
}
