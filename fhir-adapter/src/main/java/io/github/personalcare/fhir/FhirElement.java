package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.personalcare.lang.InvalidInputException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A JSON element being read, with its JSON path, reporting into an {@link ImportContext}. Every
 * accessor checks the JSON type and reports a problem at the element's path instead of throwing,
 * so a mapper can read on and report every problem of a document at once.
 */
public final class FhirElement {
    private final JsonNode node;
    private final ImportContext context;
    // The path is built only when asked for (a problem, a warning, an ignored element): a
    // document's elements are read far more often than reported on. Either path is set, or parent
    // and name (and index, or -1).
    private String path;
    private final FhirElement parent;
    private final String name;
    private final int index;

    private FhirElement(JsonNode node, String path, ImportContext context) {
        this.node = node;
        this.path = path;
        this.context = context;
        this.parent = null;
        this.name = null;
        this.index = -1;
    }

    private FhirElement(JsonNode node, FhirElement parent, String name, int index) {
        this.node = node;
        this.context = parent.context;
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    /**
     * The root of a resource, checked to be a JSON object whose {@code resourceType} is
     * {@code expectedType}; empty (with a problem reported) otherwise.
     *
     * @param json         the resource's JSON
     * @param context      the import's context; its base path is the resource's path
     * @param expectedType the FHIR resource type, such as {@code "Patient"}
     * @return the root element, or empty
     */
    public static Optional<FhirElement> resource(JsonNode json, ImportContext context, String expectedType) {
        String path = context.basePath();
        if (json == null || !json.isObject()) {
            context.problem(path, "STRUCTURE", "must be a JSON object");
            return Optional.empty();
        }
        JsonNode type = json.get("resourceType");
        if (type == null || !type.isTextual()) {
            context.problem(path + ".resourceType", "REQUIRED", "is required");
            return Optional.empty();
        }
        if (!type.asText().equals(expectedType)) {
            context.problem(path + ".resourceType", "RESOURCE_TYPE", "must be " + expectedType);
            return Optional.empty();
        }
        return Optional.of(new FhirElement(json, path, context));
    }

    /**
     * An element for {@code json} at {@code context}'s base path that need not be a resource (a
     * Bundle entry read on its own).
     */
    static FhirElement at(JsonNode json, ImportContext context) {
        return new FhirElement(json, context.basePath(), context);
    }

    /** This element's path and context over other JSON (a copy of a resource with its id filled in). */
    FhirElement replacedBy(JsonNode json) {
        return new FhirElement(json, path(), context);
    }

    /** {@return the JSON path of this element} */
    public String path() {
        if (path == null) {
            String child = parent.path() + "." + name;
            path = index < 0 ? child : child + "[" + index + "]";
        }
        return path;
    }

    /** {@return the context problems are reported to} */
    public ImportContext context() {
        return context;
    }

    /** {@return the underlying JSON, for read-only use} */
    public JsonNode json() {
        return node;
    }

    /**
     * The child object {@code name}, if present; a problem if present but not an object.
     *
     * @param name the element's name
     * @return the child, or empty if absent or not an object
     */
    public Optional<FhirElement> object(String name) {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            return Optional.empty();
        }
        if (!child.isObject()) {
            context.problem(path() + "." + name, "STRUCTURE", "must be a JSON object");
            return Optional.empty();
        }
        return Optional.of(new FhirElement(child, this, name, -1));
    }

    /**
     * The elements of the array {@code name} (empty if absent); a problem if not an array of objects.
     *
     * @param name the array's name
     * @return the objects of the array, leaving out any that are not objects
     */
    public List<FhirElement> objects(String name) {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            return List.of();
        }
        if (!child.isArray()) {
            context.problem(path() + "." + name, "STRUCTURE", "must be a JSON array");
            return List.of();
        }
        List<FhirElement> out = new ArrayList<>(child.size());
        for (int i = 0; i < child.size(); i++) {
            JsonNode item = child.get(i);
            if (!item.isObject()) {
                context.problem(path() + "." + name + "[" + i + "]", "STRUCTURE", "must be a JSON object");
            } else {
                out.add(new FhirElement(item, this, name, i));
            }
        }
        return out;
    }

    /** The object at {@code index} of the array {@code name}, known to be one (no check). */
    FhirElement item(String name, int index) {
        return new FhirElement(node.get(name).get(index), this, name, index);
    }

    /**
     * The strings of the array {@code name} (empty if absent); a problem for any item that is not a string.
     *
     * @param name the array's name
     * @return the strings of the array, leaving out any that are not strings
     */
    public List<String> texts(String name) {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            return List.of();
        }
        if (!child.isArray()) {
            context.problem(path() + "." + name, "STRUCTURE", "must be a JSON array");
            return List.of();
        }
        List<String> out = new ArrayList<>(child.size());
        for (int i = 0; i < child.size(); i++) {
            if (!child.get(i).isTextual()) {
                context.problem(path() + "." + name + "[" + i + "]", "STRUCTURE", "must be a string");
            } else {
                out.add(child.get(i).asText());
            }
        }
        return out;
    }

    /**
     * The string {@code name}, if present; a problem if present but not a string.
     *
     * @param name the element's name
     * @return the string, or empty if absent or not a string
     */
    public Optional<String> text(String name) {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            return Optional.empty();
        }
        if (!child.isTextual()) {
            context.problem(path() + "." + name, "STRUCTURE", "must be a string");
            return Optional.empty();
        }
        return Optional.of(child.asText());
    }

    /**
     * The string {@code name}; a problem naming {@code rule} if it is missing.
     *
     * @param name the element's name
     * @param rule the rule reported when it is missing
     * @return the string, or empty if missing or not a string
     */
    public Optional<String> requiredText(String name, String rule) {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            context.problem(path() + "." + name, rule, "is required");
            return Optional.empty();
        }
        if (!child.isTextual()) {
            context.problem(path() + "." + name, "STRUCTURE", "must be a string");
            return Optional.empty();
        }
        return Optional.of(child.asText());
    }

    /**
     * The boolean {@code name}, if present; a problem if present but not a boolean.
     *
     * @param name the element's name
     * @return the boolean, or empty if absent or not a boolean
     */
    public Optional<Boolean> bool(String name) {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            return Optional.empty();
        }
        if (!child.isBoolean()) {
            context.problem(path() + "." + name, "STRUCTURE", "must be true or false");
            return Optional.empty();
        }
        return Optional.of(child.asBoolean());
    }

    /**
     * The whole number {@code name}, if present; a problem if present but not an integer.
     *
     * @param name the element's name
     * @return the number, or empty if absent or not a whole number that fits in a {@code long}
     */
    public Optional<Long> integer(String name) {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            return Optional.empty();
        }
        if (!child.isIntegralNumber() || !child.canConvertToLong()) {
            context.problem(path() + "." + name, "STRUCTURE", "must be a whole number");
            return Optional.empty();
        }
        return Optional.of(child.asLong());
    }

    /**
     * {@return whether {@code name} is present and not null}
     *
     * @param name the element's name
     */
    public boolean has(String name) {
        JsonNode child = node.get(name);
        return child != null && !child.isNull();
    }

    /**
     * Reports a problem at {@code path.name}.
     *
     * @param name    the element's name, or null for this element itself
     * @param rule    the rule broken: an R-number or a short code
     * @param message what is wrong, without the value
     */
    public void problem(String name, String rule, String message) {
        context.problem(name == null ? path() : path() + "." + name, rule, message);
    }

    /**
     * Reports a warning at {@code path.name}: the import goes on.
     *
     * @param name    the element's name, or null for this element itself
     * @param rule    a short code, one per distinct problem
     * @param message what was not kept or how it was read, without the value
     */
    public void warning(String name, String rule, String message) {
        context.warning(name == null ? path() : path() + "." + name, rule, message);
    }

    /**
     * Builds a domain value from what was read; an {@link InvalidInputException} from its
     * constructor becomes a problem at {@code path.name} with the exception's rule (its message
     * never holds the value).
     *
     * @param <T>   the domain type
     * @param name  the element the value is read from, for the problem's path
     * @param build builds the value
     * @return the value, or empty if it could not be built
     * @throws NullPointerException if {@code build} is null
     */
    public <T> Optional<T> convert(String name, Supplier<T> build) {
        Objects.requireNonNull(build, "build");
        try {
            return Optional.ofNullable(build.get());
        } catch (InvalidInputException e) {
            problem(name, e.rule(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Reports every top-level element not in {@code known} as left out (see {@link ImportContext#ignored}).
     *
     * @param known the element names the mapper reads
     */
    public void ignoreAllBut(Set<String> known) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name) && !generatedNarrative(name)) {
                context.ignored(path() + "." + name);
            }
        }
    }

    // A resource's generated narrative is by definition derived from its data, so nothing is lost
    // by not importing it; any other narrative (additional, extensions) may say more and is reported.
    private boolean generatedNarrative(String name) {
        return "text".equals(name) && node.has("resourceType")
                && "generated".equals(node.path("text").path("status").asText());
    }
}
