package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.appointment.Schedule;
import io.github.personalcare.appointment.ScheduleId;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A published {@link Schedule} as a UK Core Schedule, the container its {@code Slot}s point at.
 *
 * <ul>
 *   <li>{@code id}: the schedule id; {@code active} is always {@code true} (the SDK keeps no
 *       withdrawn schedules).</li>
 *   <li>{@code actor}: the directory service, as a {@code HealthcareService} reference by the SDK's
 *       service identifier, with the schedule's name as its display (R4 allows no Organization
 *       actor); the same service and the organisation (ODS) are also in the SDK extensions the
 *       Slot uses, which is what is read back.</li>
 *   <li>{@code comment}: the schedule's name; extension {@code appointment-schedule-published}: when
 *       it was published (an instant in UTC).</li>
 * </ul>
 */
public final class ScheduleMapper implements FhirMapper<Schedule> {
    /** The UK Core Schedule profile. */
    public static final String UKCORE_SCHEDULE = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Schedule";
    static final String PUBLISHED = SdkExtensions.url("appointment-schedule-published");
    private static final Set<String> READ = Set.of("resourceType", "id", "meta", "extension", "active", "actor",
            "comment");

    /** A mapper; stateless and thread-safe. */
    public ScheduleMapper() {
    }

    @Override
    public String resourceType() {
        return "Schedule";
    }

    @Override
    public String profile() {
        return UKCORE_SCHEDULE;
    }

    @Override
    public ObjectNode toFhir(Schedule schedule) {
        ObjectNode r = Elements.resource("Schedule", schedule.id().value().toString(), profile());
        ArrayNode ext = r.putArray("extension");
        ext.add(SdkExtensions.of(AppointmentFhir.SERVICE, "Identifier",
                Elements.identifier(FhirSystems.SDK_SERVICE_ID, schedule.service().value())));
        ext.add(SdkExtensions.of(AppointmentFhir.ORGANISATION, "Identifier",
                OrganizationCodes.identifier(schedule.organisation())));
        ext.add(SdkExtensions.of(PUBLISHED, "Instant", schedule.publishedAt().toString()));
        r.put("active", true);
        ObjectNode actor = r.putArray("actor").addObject();
        actor.put("type", "HealthcareService");
        actor.set("identifier", Elements.identifier(FhirSystems.SDK_SERVICE_ID, schedule.service().value()));
        actor.put("display", schedule.name());
        r.put("comment", schedule.name());
        return r;
    }

    @Override
    public Optional<Schedule> fromFhir(JsonNode json, ImportContext context) {
        Optional<FhirElement> root = FhirElement.resource(json, context, resourceType());
        if (root.isEmpty()) {
            return Optional.empty();
        }
        FhirElement r = root.get();
        int before = context.problems().size();
        r.ignoreAllBut(READ);
        var id = r.requiredText("id", "ID").flatMap(v -> SdkExtensions.build(r, "id", () -> ScheduleId.parse(v)));
        var name = r.requiredText("comment", "REQUIRED");
        var service = AppointmentFhir.service(r);
        var organisation = AppointmentFhir.organisation(r);
        var published = SdkExtensions.requiredExtension(r, PUBLISHED, "REQUIRED")
                .flatMap(e -> SdkExtensions.valueText(e, "Instant", "REQUIRED"))
                .flatMap(v -> SdkExtensions.instant(r, "extension", v));
        List<FhirElement> actors = r.objects("actor");
        if (actors.isEmpty()) {
            r.problem("actor", "REQUIRED", "a schedule names the service it is for");
        }
        if (r.bool("active").filter(Boolean.FALSE::equals).isPresent()) {
            r.problem("active", "SCHEDULE", "the SDK keeps published schedules only; an inactive one is not imported");
        }
        if (context.problems().size() > before || id.isEmpty() || name.isEmpty() || service.isEmpty()
                || organisation.isEmpty() || published.isEmpty()) {
            return Optional.empty();
        }
        return SdkExtensions.build(r, "id", () -> new Schedule(id.get(), service.get(), organisation.get(), name.get(),
                published.get()));
    }
}
