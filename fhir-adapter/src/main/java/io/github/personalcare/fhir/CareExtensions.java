package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Writing and reading the SDK's own extensions of the care mappers (URLs under {@link FhirSystems#SDK_EXTENSION}), used
 * only where FHIR R4 has no element for a fact. Complex extensions have parts whose {@code url} is
 * the part's name, as FHIR defines for nested extensions.
 */
final class CareExtensions {
    private CareExtensions() {
    }

    /** The full URL of the SDK extension {@code name}. */
    static String url(String name) {
        return FhirSystems.SDK_EXTENSION + name;
    }

    /** A simple extension {@code name} with a string-like value of {@code valueType} ({@code valueCode} ...). */
    static ObjectNode simple(String name, String valueType, String value) {
        ObjectNode e = Elements.object();
        e.put("url", url(name));
        e.put(valueType, value);
        return e;
    }

    /** A part of a complex extension, with a string-like value. */
    static ObjectNode part(String name, String valueType, String value) {
        ObjectNode e = Elements.object();
        e.put("url", name);
        e.put(valueType, value);
        return e;
    }

    /** A part of a complex extension with a whole-number value of {@code valueType}. */
    static ObjectNode part(String name, String valueType, int value) {
        ObjectNode e = Elements.object();
        e.put("url", name);
        e.put(valueType, value);
        return e;
    }

    /** A part of a complex extension with an object value ({@code valueReference} ...). */
    static ObjectNode part(String name, String valueType, ObjectNode value) {
        ObjectNode e = Elements.object();
        e.put("url", name);
        e.set(valueType, value);
        return e;
    }

    /** A complex extension: {@code url} is a full URL for a top-level extension or a part name when nested. */
    static ObjectNode complex(String url, List<ObjectNode> parts) {
        ObjectNode e = Elements.object();
        e.put("url", url);
        e.putArray("extension").addAll(parts);
        return e;
    }

    /** The extensions of {@code element} whose url is the SDK extension {@code name}. */
    static List<FhirElement> all(FhirElement element, String name) {
        return parts(element, url(name));
    }

    /** The (nested) extensions of {@code element} whose url is exactly {@code url}. */
    static List<FhirElement> parts(FhirElement element, String url) {
        return element.objects("extension").stream()
                .filter(e -> e.json().path("url").asText("").equals(url)).toList();
    }

    /** The single SDK extension {@code name}, if present; a problem if it occurs more than once. */
    static Optional<FhirElement> one(FhirElement element, String name) {
        List<FhirElement> found = all(element, name);
        if (found.size() > 1) {
            found.get(1).problem(null, "EXTENSION", "may occur only once");
        }
        return found.stream().findFirst();
    }

    /** The single part {@code url} of a complex extension, if present; a problem if repeated. */
    static Optional<FhirElement> onePart(FhirElement extension, String url) {
        List<FhirElement> found = parts(extension, url);
        if (found.size() > 1) {
            found.get(1).problem(null, "EXTENSION", "may occur only once");
        }
        return found.stream().findFirst();
    }

    /** The string-like value of the part {@code url}; a problem naming {@code rule} if it is required and missing. */
    static Optional<String> text(FhirElement extension, String url, String valueType, boolean required, String rule) {
        Optional<FhirElement> part = onePart(extension, url);
        if (part.isEmpty()) {
            if (required) {
                extension.problem("extension", rule, "a part " + url + " is required");
            }
            return Optional.empty();
        }
        return part.get().requiredText(valueType, rule);
    }

    /** An instant written as a FHIR dateTime with a zone; a problem at {@code element.name} otherwise. */
    static Optional<Instant> instant(FhirElement element, String name, String value) {
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            element.problem(name, "DATE", "must be a dateTime with a time and a time zone");
            return Optional.empty();
        }
    }

    /** A full date {@code yyyy-mm-dd}; a problem at {@code element.name} otherwise. */
    static Optional<LocalDate> date(FhirElement element, String name, String value) {
        try {
            if (value.length() == 10) {
                return Optional.of(LocalDate.parse(value));
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        element.problem(name, "DATE", "must be a full date yyyy-mm-dd");
        return Optional.empty();
    }

    /** The constant of {@code type} named {@code value}, or empty (with a problem at {@code element.name}). */
    static <E extends Enum<E>> Optional<E> code(FhirElement element, String name, Class<E> type, String value,
            String rule) {
        for (E candidate : type.getEnumConstants()) {
            if (candidate.name().equals(value)) {
                return Optional.of(candidate);
            }
        }
        element.problem(name, rule, "is not a code of the SDK's " + type.getSimpleName() + " values");
        return Optional.empty();
    }
}
