package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.lang.PersonalCareException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Writing and reading FHIR extensions, simple ({@code url} + one {@code value[x]}) and complex
 * ({@code url} + named sub-extensions), and the coded enums and dates the mappers carry in them.
 * Reading reports problems at the element's JSON path, never throws. Where two mappers word a
 * problem differently, both readers are kept (sharing their logic) so an import reports exactly
 * what it did before.
 */
final class SdkExtensions {

    private SdkExtensions() {
    }

    /** The full URL of the SDK extension {@code name} (under {@link FhirSystems#SDK_EXTENSION}). */
    static String url(String name) {
        return FhirSystems.SDK_EXTENSION + name;
    }

    /** An extension with only its url, for the caller to put its value or parts in. */
    static ObjectNode extension(String url) {
        ObjectNode e = Elements.object();
        e.put("url", url);
        return e;
    }

    /** A simple extension {@code {url, value<Type>}} holding an object value (Coding, Reference ...). */
    static ObjectNode of(String url, String valueType, ObjectNode value) {
        ObjectNode e = extension(url);
        e.set("value" + valueType, value);
        return e;
    }

    /** A simple extension holding a primitive value written as a string (string, instant, date ...). */
    static ObjectNode of(String url, String valueType, String value) {
        ObjectNode e = extension(url);
        e.put("value" + valueType, value);
        return e;
    }

    /** A simple extension holding a whole number (positiveInt ...). */
    static ObjectNode of(String url, String valueType, int value) {
        ObjectNode e = extension(url);
        e.put("value" + valueType, value);
        return e;
    }

    /** A simple extension holding a boolean. */
    static ObjectNode of(String url, boolean value) {
        ObjectNode e = extension(url);
        e.put("valueBoolean", value);
        return e;
    }

    /** A complex extension: {@code url} and an (initially empty) array of sub-extensions to add to. */
    static ObjectNode complex(String url) {
        ObjectNode e = extension(url);
        e.putArray("extension");
        return e;
    }

    /** A complex extension with these sub-extensions. */
    static ObjectNode complex(String url, List<ObjectNode> parts) {
        ObjectNode e = complex(url);
        ((ArrayNode) e.get("extension")).addAll(parts);
        return e;
    }

    /** Adds a sub-extension to a complex extension, returning the complex extension. */
    static ObjectNode add(ObjectNode complex, ObjectNode part) {
        ((ArrayNode) complex.get("extension")).add(part);
        return complex;
    }

    /** The extensions of {@code element} with the given url. */
    static List<FhirElement> all(FhirElement element, String url) {
        // Read for every extension the mappers look for, so the common case (an array of objects
        // with string urls) scans the JSON and makes elements only for the matches; anything else
        // goes the reporting way, so the problems stay as they were.
        JsonNode array = element.json().get("extension");
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!wellFormed(array)) {
            List<FhirElement> out = new ArrayList<>();
            for (FhirElement e : element.objects("extension")) {
                if (e.text("url").filter(url::equals).isPresent()) {
                    out.add(e);
                }
            }
            return out;
        }
        List<FhirElement> out = null;
        for (int i = 0; i < array.size(); i++) {
            JsonNode u = array.get(i).get("url");
            if (u != null && url.equals(u.textValue())) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(element.item("extension", i));
            }
        }
        return out == null ? List.of() : out;
    }

    private static boolean wellFormed(JsonNode array) {
        if (!array.isArray()) {
            return false;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (!item.isObject()) {
                return false;
            }
            JsonNode u = item.get("url");
            if (u != null && !u.isNull() && !u.isTextual()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The extensions of {@code element} with the given url, without checking that each url is a
     * string. The care plan and care team mappers read so, while {@link #all} reports such a url;
     * the two stay apart so neither import's problems change.
     */
    static List<FhirElement> withUrl(FhirElement element, String url) {
        return element.objects("extension").stream()
                .filter(e -> e.json().path("url").asText("").equals(url)).toList();
    }

    /** The one extension of {@code element} with the given url; a problem if there are several. */
    static Optional<FhirElement> one(FhirElement element, String url, String rule) {
        List<FhirElement> found = all(element, url);
        if (found.size() > 1) {
            found.get(1).problem(null, rule, "must appear at most once");
            return Optional.empty();
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * The first extension (or part) of {@code element} with the given url; a problem at the second
     * if it is repeated. Unlike {@link #one} the first is still read, as the care mappers always did.
     */
    static Optional<FhirElement> first(FhirElement element, String url) {
        return firstOf(withUrl(element, url), "EXTENSION", null);
    }

    /**
     * The one extension with this url; a problem naming the url at the second if it is repeated,
     * the first is still read. The budget mappers' reading: {@link #one} and {@link #first} word
     * the problem differently.
     */
    static Optional<FhirElement> extension(FhirElement element, String url) {
        return firstOf(all(element, url), "STRUCTURE", url);
    }

    /** The first of {@code found}; a problem at the second, naming {@code url} when given. */
    private static Optional<FhirElement> firstOf(List<FhirElement> found, String rule, String url) {
        if (found.size() > 1) {
            found.get(1).problem(null, rule, url == null ? "may occur only once" : "extension " + url + " may appear once");
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** As {@link #extension(FhirElement, String)}; a problem naming {@code rule} if it is missing. */
    static Optional<FhirElement> requiredExtension(FhirElement element, String url, String rule) {
        Optional<FhirElement> e = extension(element, url);
        if (e.isEmpty()) {
            element.problem("extension", rule, "extension " + url + " is required");
        }
        return e;
    }

    /** The {@code value<Type>} object of an extension; a problem naming {@code rule} if missing. */
    static Optional<FhirElement> valueObject(FhirElement extension, String valueType, String rule) {
        Optional<FhirElement> value = extension.object("value" + valueType);
        if (value.isEmpty() && !extension.has("value" + valueType)) {
            extension.problem("value" + valueType, rule, "is required");
        }
        return value;
    }

    /** The {@code value<Type>} primitive of an extension, as a string; a problem naming {@code rule} if missing. */
    static Optional<String> valueText(FhirElement extension, String valueType, String rule) {
        return extension.requiredText("value" + valueType, rule);
    }

    /** The one sub-extension {@code name} of a complex extension; a problem if required and missing. */
    static Optional<FhirElement> part(FhirElement complex, String name, boolean required, String rule) {
        Optional<FhirElement> found = one(complex, name, rule);
        if (found.isEmpty() && required && all(complex, name).isEmpty()) {
            complex.problem("extension", rule, "the part '" + name + "' is required");
        }
        return found;
    }

    /**
     * The string-like {@code valueType} (the full name, {@code valueString} ...) of the part
     * {@code url} of a complex extension; a problem naming {@code rule} if it is required and missing.
     */
    static Optional<String> partText(FhirElement complex, String url, String valueType, boolean required,
            String rule) {
        Optional<FhirElement> part = first(complex, url);
        if (part.isEmpty()) {
            if (required) {
                complex.problem("extension", rule, "a part " + url + " is required");
            }
            return Optional.empty();
        }
        return part.get().requiredText(valueType, rule);
    }

    /** A Coding of an SDK code system whose codes are the enum's names. */
    static ObjectNode coding(String codeSystem, Enum<?> value) {
        return Elements.coding(FhirSystems.SDK_CODES + codeSystem, value.name());
    }

    /**
     * The enum constant a Coding names: the Coding's system must be the SDK code system
     * {@code codeSystem} and its code one of the enum's names.
     */
    static <E extends Enum<E>> Optional<E> decode(FhirElement coding, String codeSystem, Class<E> type, String rule) {
        Optional<String> system = coding.requiredText("system", rule);
        Optional<String> code = coding.requiredText("code", rule);
        if (system.isEmpty() || code.isEmpty()) {
            return Optional.empty();
        }
        if (!system.get().equals(FhirSystems.SDK_CODES + codeSystem)) {
            coding.problem("system", rule, "must be the SDK code system " + codeSystem);
            return Optional.empty();
        }
        Optional<E> constant = named(type, code.get());
        if (constant.isEmpty()) {
            coding.problem("code", rule, "is not a code of the SDK code system " + codeSystem);
        }
        return constant;
    }

    /** The constant of {@code type} named {@code value}; a problem at {@code at.name} if there is none. */
    static <E extends Enum<E>> Optional<E> enumCode(FhirElement at, String name, Class<E> type, String value,
            String rule) {
        Optional<E> constant = named(type, value);
        if (constant.isEmpty()) {
            at.problem(name, rule, "is not a code of the SDK's " + type.getSimpleName() + " values");
        }
        return constant;
    }

    /** As {@link #enumCode}, in the budget mappers' wording. */
    static <E extends Enum<E>> Optional<E> constant(FhirElement at, String name, Class<E> type, String code,
            String rule) {
        Optional<E> constant = named(type, code);
        if (constant.isEmpty()) {
            at.problem(name, rule, "is not a known code of " + type.getSimpleName());
        }
        return constant;
    }

    private static <E extends Enum<E>> Optional<E> named(Class<E> type, String value) {
        for (E candidate : type.getEnumConstants()) {
            if (candidate.name().equals(value)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The code of a Coding of {@code system} found in {@code name} (a Coding); a problem naming rule otherwise. */
    static Optional<String> code(FhirElement element, String name, String system, String rule) {
        Optional<FhirElement> coding = element.object(name);
        if (coding.isEmpty()) {
            element.problem(name, rule, "is required");
            return Optional.empty();
        }
        return codeOf(coding.get(), system, rule);
    }

    /** The code of a Coding, checked to be of {@code system} (a full URI, unlike {@link #decode}). */
    static Optional<String> codeOf(FhirElement coding, String system, String rule) {
        Optional<String> s = coding.requiredText("system", rule);
        if (s.isPresent() && !s.get().equals(system)) {
            coding.problem("system", rule, "must be " + system);
            return Optional.empty();
        }
        return coding.requiredText("code", rule);
    }

    /** An enum constant from a Coding in {@code name} of {@code system}. */
    static <E extends Enum<E>> Optional<E> coded(FhirElement element, String name, String system, Class<E> type,
            String rule) {
        Optional<FhirElement> coding = element.object(name);
        if (coding.isEmpty()) {
            element.problem(name, rule, "is required");
            return Optional.empty();
        }
        return codeOf(coding.get(), system, rule).flatMap(c -> constant(coding.get(), "code", type, c, rule));
    }

    /** The enum constant in the {@code valueCoding} of an extension. */
    static <E extends Enum<E>> Optional<E> decodeValue(FhirElement extension, String codeSystem, Class<E> type,
            String rule) {
        return valueObject(extension, "Coding", rule).flatMap(c -> decode(c, codeSystem, type, rule));
    }

    /** An instant with a time zone ({@code 2026-11-20T09:15:30.123Z}); a problem at {@code path.name} otherwise. */
    static Optional<Instant> instant(FhirElement at, String name, String value) {
        return instant(at, name, value, "must be a date and time with a time zone");
    }

    /** As {@link #instant}, with the care mappers' wording of the problem. */
    static Optional<Instant> dateTime(FhirElement at, String name, String value) {
        return instant(at, name, value, "must be a dateTime with a time and a time zone");
    }

    private static Optional<Instant> instant(FhirElement at, String name, String value, String problem) {
        try {
            return Optional.of(FhirDateTimes.parseInstant(value));
        } catch (DateTimeParseException e) {
            at.problem(name, "DATE", problem);
            return Optional.empty();
        }
    }

    /** A full date ({@code 2026-11-20}); a problem at {@code path.name} otherwise. */
    static Optional<LocalDate> date(FhirElement at, String name, String value) {
        if (!FhirDateTimes.isFullDate(value)) {
            at.problem(name, "DATE", "must be a full date (YYYY-MM-DD)");
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            at.problem(name, "DATE", "must be a valid date");
            return Optional.empty();
        }
    }

    /**
     * A full date ({@code 2026-11-20}); a problem at {@code path.name} otherwise, worded as the
     * care mappers did: one message where {@link #date} tells a bad form from a day that does not exist.
     */
    static Optional<LocalDate> fullDate(FhirElement at, String name, String value) {
        Optional<LocalDate> date = parseFullDate(value);
        if (date.isEmpty()) {
            at.problem(name, "DATE", "must be a full date yyyy-mm-dd");
        }
        return date;
    }

    /** The full date {@code YYYY-MM-DD} in {@code name}; a problem naming {@code rule} if missing or not one. */
    static Optional<LocalDate> requiredDate(FhirElement element, String name, String rule) {
        Optional<String> text = element.requiredText(name, rule);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<LocalDate> date = parseFullDate(text.get());
        if (date.isEmpty()) {
            element.problem(name, rule, "must be a full date (YYYY-MM-DD)");
        }
        return date;
    }

    private static Optional<LocalDate> parseFullDate(String value) {
        try {
            if (value.length() == 10) {
                return Optional.of(LocalDate.parse(value));
            }
        } catch (DateTimeParseException e) {
            // the caller reports it
        }
        return Optional.empty();
    }

    /**
     * Builds a domain value, turning any SDK exception of its constructor (invalid input or a
     * broken rule) into a problem at {@code at.name} with the exception's rule. The messages of
     * these exceptions never quote the value.
     */
    static <T> Optional<T> build(FhirElement at, String name, Supplier<T> build) {
        try {
            return Optional.ofNullable(build.get());
        } catch (PersonalCareException e) {
            at.problem(name, e.rule(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Reads each element with {@code read}; empty if any of them failed. */
    static <T> Optional<List<T>> each(List<FhirElement> elements, Function<FhirElement, Optional<T>> read) {
        List<T> out = new ArrayList<>();
        boolean ok = true;
        for (FhirElement e : elements) {
            Optional<T> value = read.apply(e);
            if (value.isPresent()) {
                out.add(value.get());
            } else {
                ok = false;
            }
        }
        return ok ? Optional.of(out) : Optional.empty();
    }
}
