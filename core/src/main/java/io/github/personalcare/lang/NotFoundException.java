package io.github.personalcare.lang;

/**
 * No record of the given kind has the given internal id (or the caller may not learn that it
 * exists). The id is internal and not personal, so the message carries it.
 */
public class NotFoundException extends PersonalCareException {
    private final String kind;
    private final String id;

    /**
     * @param kind what was looked for ({@code "CarePlan"})
     * @param id   its internal id
     */
    public NotFoundException(String kind, String id) {
        super("NOT_FOUND", kind + " " + id + " not found");
        this.kind = kind;
        this.id = id;
    }

    /** What was looked for. */
    public String kind() {
        return kind;
    }

    /** The internal id that was looked for. */
    public String id() {
        return id;
    }
}
