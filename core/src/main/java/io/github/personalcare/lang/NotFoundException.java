package io.github.personalcare.lang;

/**
 * No record of the given kind has the given internal id (or the caller may not learn that it
 * exists). The id is internal and not personal, so the message carries it.
 */
public class NotFoundException extends PersonalCareException {
    /** What was looked for. */
    private final String kind;
    /** The internal id that was looked for. */
    private final String id;

    /**
     * Creates the exception; its message names the kind and the id.
     *
     * @param kind what was looked for ({@code "CarePlan"})
     * @param id   its internal id
     */
    public NotFoundException(String kind, String id) {
        super("NOT_FOUND", kind + " " + id + " not found");
        this.kind = kind;
        this.id = id;
    }

    /** {@return what was looked for, such as {@code "CarePlan"}} */
    public String kind() {
        return kind;
    }

    /** {@return the internal id that was looked for} */
    public String id() {
        return id;
    }
}
