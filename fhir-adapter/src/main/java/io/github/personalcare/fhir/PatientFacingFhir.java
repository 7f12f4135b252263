package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.lang.PersonalCareException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What the e-consultation Task and the feedback QuestionnaireResponse share: reading typed values
 * out of a resource, reporting each problem to the import context (with the JSON path and rule)
 * instead of throwing, so a bad resource gives problems and no domain value.
 */
final class PatientFacingFhir {
    /** Thrown inside a reader to stop it after a problem was reported. */
    static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super(null, null, false, false);
        }
    }

    private final ImportContext context;

    PatientFacingFhir(ImportContext context) {
        this.context = context;
    }

    Stop problem(String path, String rule, String message) {
        context.problem(path, rule, message);
        return new Stop();
    }

    String text(JsonNode node, String path) {
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw problem(path, "REQUIRED", "is required");
        }
        return node.asText();
    }

    Optional<String> optionalText(JsonNode node, String path) {
        return node == null || node.isMissingNode() || node.isNull() ? Optional.empty() : Optional.of(text(node, path));
    }

    UUID uuid(JsonNode node, String path) {
        try {
            return UUID.fromString(text(node, path));
        } catch (IllegalArgumentException e) {
            throw problem(path, "ID", "must be a UUID");
        }
    }

    Instant instant(JsonNode node, String path) {
        try {
            return java.time.OffsetDateTime.parse(text(node, path)).toInstant();
        } catch (DateTimeParseException e) {
            throw problem(path, "DATE_TIME", "must be a dateTime with a time zone");
        }
    }

    LocalDate date(JsonNode node, String path) {
        try {
            return LocalDate.parse(text(node, path));
        } catch (DateTimeParseException e) {
            throw problem(path, "DATE", "must be a full date");
        }
    }

    <E extends Enum<E>> E code(JsonNode coding, String path, String codeSystem, Class<E> type) {
        if (coding == null || !(FhirSystems.SDK_CODES + codeSystem).equals(coding.path("system").asText())) {
            throw problem(path + ".system", "CODE_SYSTEM", "must be " + FhirSystems.SDK_CODES + codeSystem);
        }
        String code = text(coding.get("code"), path + ".code");
        try {
            return Enum.valueOf(type, code);
        } catch (IllegalArgumentException e) {
            throw problem(path + ".code", "CODE", "is not a code of " + codeSystem);
        }
    }

    PatientId patient(JsonNode reference, String path) {
        String ref = text(reference == null ? null : reference.get("reference"), path + ".reference");
        if (!ref.startsWith("Patient/")) {
            throw problem(path + ".reference", "REFERENCE", "must reference a Patient");
        }
        try {
            return new PatientId(UUID.fromString(ref.substring("Patient/".length())));
        } catch (IllegalArgumentException e) {
            throw problem(path + ".reference", "ID", "must reference a Patient by its UUID");
        }
    }

    OdsCode organisation(JsonNode reference, String path) {
        JsonNode identifier = reference == null ? null : reference.get("identifier");
        if (identifier == null || !OrganizationCodes.ODS_SYSTEMS.contains(identifier.path("system").asText())) {
            throw problem(path + ".identifier", "R5", "must carry the ODS code");
        }
        return domain(path + ".identifier", () -> OrganizationCodes.odsCode(identifier.path("system").asText(),
                text(identifier.get("value"), path + ".identifier.value")));
    }

    /** The value the supplier builds, or a problem naming the domain rule it broke. */
    <T> T domain(String path, Supplier<T> build) {
        try {
            return build.get();
        } catch (PersonalCareException e) {
            throw problem(path, e.rule(), "breaks an SDK rule");
        } catch (IllegalArgumentException | NullPointerException e) {
            throw problem(path, "INVALID", "is not valid");
        }
    }

    /** The elements of an array, or none. */
    static List<JsonNode> each(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(out::add);
        }
        return out;
    }

    /** An SDK extension holding a string. */
    static ObjectNode stringExtension(String name, String value) {
        return SdkExtensions.of(SdkExtensions.url(name), "String", value);
    }

    /** The string value of the SDK extension {@code name}, if the resource has it. */
    Optional<String> stringExtension(JsonNode resource, String name) {
        for (JsonNode e : each(resource.get("extension"))) {
            if (SdkExtensions.url(name).equals(e.path("url").asText())) {
                return Optional.of(text(e.get("valueString"), "extension(" + name + ").valueString"));
            }
        }
        return Optional.empty();
    }
}
