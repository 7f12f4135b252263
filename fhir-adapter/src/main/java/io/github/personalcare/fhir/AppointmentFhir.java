package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.appointment.AppointmentMode;
import io.github.personalcare.appointment.AppointmentType;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.referral.ServiceId;

import java.time.Instant;
import java.util.Optional;

/**
 * What the Slot and Appointment mappers share: the UK Core delivery channel (in person, video,
 * telephone) with the SDK's location extension, the appointment type (HL7 v2 table 0276, whose
 * codes are the names of {@link AppointmentType}), and the SDK extensions for the directory service,
 * the organisation (ODS) and the staff role. Reading reports problems, never throws.
 */
final class AppointmentFhir {
    static final String DELIVERY_CHANNEL = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-DeliveryChannel";
    static final String DELIVERY_CHANNEL_SYSTEM = "https://fhir.hl7.org.uk/CodeSystem/UKCore-DeliveryChannel";
    static final String APPOINTMENT_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v2-0276";
    static final String LOCATION = SdkExtensions.url("appointment-location");
    static final String SERVICE = SdkExtensions.url("appointment-service");
    static final String ORGANISATION = SdkExtensions.url("appointment-organisation");
    static final String STAFF_ROLE = SdkExtensions.url("appointment-staff-role");

    private AppointmentFhir() {
    }

    /** Adds the delivery channel, location, service, organisation and staff role extensions. */
    static void writeShared(ArrayNode ext, AppointmentMode mode, ServiceId service, OdsCode organisation,
            ProfessionalRole staffRole) {
        String channel = mode instanceof AppointmentMode.InPerson ? "In-person"
                : mode instanceof AppointmentMode.Video ? "Video" : "Telephone";
        ext.add(SdkExtensions.of(DELIVERY_CHANNEL, "CodeableConcept",
                Elements.concept(Elements.coding(DELIVERY_CHANNEL_SYSTEM, channel, channel))));
        if (mode instanceof AppointmentMode.InPerson p) {
            ext.add(SdkExtensions.of(LOCATION, "String", p.location()));
        }
        ext.add(SdkExtensions.of(SERVICE, "Identifier", Elements.identifier(FhirSystems.SDK_SERVICE_ID,
                service.value())));
        ext.add(SdkExtensions.of(ORGANISATION, "Identifier", OrganizationCodes.identifier(organisation)));
        ext.add(SdkExtensions.of(STAFF_ROLE, "Coding", Elements.coding(FhirSystems.SDK_PROFESSIONAL_ROLE,
                staffRole.name())));
    }

    /** {@return the appointmentType element} */
    static ObjectNode type(AppointmentType type) {
        return Elements.concept(Elements.coding(APPOINTMENT_TYPE_SYSTEM, type.name()));
    }

    static Optional<AppointmentMode> mode(FhirElement r) {
        Optional<String> channel = SdkExtensions.extension(r, DELIVERY_CHANNEL)
                .flatMap(e -> SdkExtensions.valueObject(e, "CodeableConcept", "REQUIRED"))
                .flatMap(c -> codeOf(c, DELIVERY_CHANNEL_SYSTEM));
        if (channel.isEmpty()) {
            r.problem("extension", "DELIVERY_CHANNEL", "the UK Core delivery channel is required");
            return Optional.empty();
        }
        switch (channel.get()) {
            case "Video":
                return Optional.of(AppointmentMode.video());
            case "Telephone":
                return Optional.of(AppointmentMode.telephone());
            case "In-person":
                Optional<String> location = SdkExtensions.extension(r, LOCATION)
                        .flatMap(e -> SdkExtensions.valueText(e, "String", "REQUIRED"));
                if (location.isEmpty()) {
                    r.problem("extension", "LOCATION", "an in-person appointment needs the location extension");
                    return Optional.empty();
                }
                return SdkExtensions.build(r, "extension", () -> AppointmentMode.inPerson(location.get()));
            default:
                r.problem("extension", "DELIVERY_CHANNEL", "must be In-person, Video or Telephone");
                return Optional.empty();
        }
    }

    static Optional<AppointmentType> type(FhirElement r) {
        Optional<String> code = r.object("appointmentType").flatMap(c -> codeOf(c, APPOINTMENT_TYPE_SYSTEM));
        if (code.isEmpty()) {
            r.problem("appointmentType", "REQUIRED", "a code of " + APPOINTMENT_TYPE_SYSTEM + " is required");
            return Optional.empty();
        }
        return SdkExtensions.enumCode(r, "appointmentType", AppointmentType.class, code.get(), "CODE");
    }

    static Optional<ServiceId> service(FhirElement r) {
        return SdkExtensions.requiredExtension(r, SERVICE, "REQUIRED")
                .flatMap(e -> SdkExtensions.valueObject(e, "Identifier", "REQUIRED"))
                .flatMap(i -> i.requiredText("value", "REQUIRED"))
                .flatMap(v -> SdkExtensions.build(r, "extension", () -> ServiceId.of(v)));
    }

    static Optional<OdsCode> organisation(FhirElement r) {
        return SdkExtensions.requiredExtension(r, ORGANISATION, "REQUIRED")
                .flatMap(e -> SdkExtensions.valueObject(e, "Identifier", "REQUIRED"))
                .flatMap(i -> {
                    Optional<String> system = i.requiredText("system", "R5");
                    Optional<String> value = i.requiredText("value", "R5");
                    if (system.isEmpty() || value.isEmpty()) {
                        return Optional.empty();
                    }
                    return SdkExtensions.build(i, "value", () -> OrganizationCodes.odsCode(system.get(), value.get()));
                });
    }

    static Optional<ProfessionalRole> staffRole(FhirElement r) {
        return SdkExtensions.requiredExtension(r, STAFF_ROLE, "REQUIRED")
                .flatMap(e -> SdkExtensions.valueObject(e, "Coding", "REQUIRED"))
                .flatMap(c -> {
                    Optional<String> code = codeOf(c, FhirSystems.SDK_PROFESSIONAL_ROLE);
                    if (code.isEmpty()) {
                        c.problem("code", "CODE", "a code of " + FhirSystems.SDK_PROFESSIONAL_ROLE + " is required");
                        return Optional.empty();
                    }
                    return SdkExtensions.enumCode(c, "code", ProfessionalRole.class, code.get(), "CODE");
                });
    }

    static Optional<Instant> instant(FhirElement r, String name) {
        return r.requiredText(name, "REQUIRED").flatMap(v -> SdkExtensions.instant(r, name, v));
    }

    /** The id of a reference {@code "<type>/<id>"} in element {@code name}. */
    static Optional<String> referenceId(FhirElement r, String name, String type) {
        Optional<String> reference = r.object(name).flatMap(o -> o.requiredText("reference", "REFERENCE"));
        if (reference.isEmpty()) {
            if (!r.has(name)) {
                r.problem(name, "REQUIRED", "is required");
            }
            return Optional.empty();
        }
        if (!reference.get().startsWith(type + "/")) {
            r.problem(name, "REFERENCE", "must be a reference to a " + type);
            return Optional.empty();
        }
        return Optional.of(reference.get().substring(type.length() + 1));
    }

    /** The code of the concept's or coding's first coding of {@code system}, if any. */
    static Optional<String> codeOf(FhirElement conceptOrCoding, String system) {
        if (conceptOrCoding.has("coding")) {
            return conceptOrCoding.objects("coding").stream()
                    .filter(c -> c.json().path("system").asText("").equals(system))
                    .findFirst().flatMap(c -> c.text("code"));
        }
        return conceptOrCoding.json().path("system").asText("").equals(system) ? conceptOrCoding.text("code")
                : Optional.empty();
    }
}
