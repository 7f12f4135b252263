package io.github.personalcare.fhir;

import io.github.personalcare.lang.InvalidInputException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The codes of one domain enum in one FHIR code system, written once and used both ways: the
 * writer asks {@link #code}, the reader asks {@link #fromCode}, so the two cannot drift.
 *
 * <p>Each constant has at most one code it writes. Most tables are bijections: every constant has
 * its own code, and no code is used twice ({@link #of(Class, Map)}). Where FHIR is coarser than the
 * domain, a constant may write the code of another one or a code that reads as nothing (a
 * {@code writeOnly} entry, for instance two-week wait written as {@code urgent}); where an import
 * is lenient, extra spellings read as a constant ({@link #readingAlso}) but are never written.
 * Any other overlap is a programming error, refused when the table is built (at class
 * initialisation of its holder), so a table that is not what it claims never reaches an export.
 *
 * <p>Immutable and thread-safe.
 *
 * @param <E> the domain enum
 */
final class CodeTable<E extends Enum<E>> {
    private final Class<E> type;
    private final Map<E, String> written;
    private final Map<String, E> read;
    private final Set<E> writeOnly;

    private CodeTable(Class<E> type, Map<E, String> written, Map<String, E> read, Set<E> writeOnly) {
        this.type = type;
        this.written = Collections.unmodifiableMap(written);
        this.read = Collections.unmodifiableMap(read);
        this.writeOnly = Collections.unmodifiableSet(writeOnly);
    }

    /**
     * A bijection: every constant of {@code type} has its own code, read back as itself.
     *
     * @throws IllegalArgumentException if a constant has no code or a code is used twice
     */
    static <E extends Enum<E>> CodeTable<E> of(Class<E> type, Map<E, String> codes) {
        return of(type, codes, Map.of());
    }

    /**
     * Every constant has a code: its own ({@code codes}, read back as itself), or, for the
     * constants FHIR does not tell apart, a code it only writes ({@code writeOnly}).
     *
     * @throws IllegalArgumentException if a constant has no code or two, or a readable code is used twice
     */
    static <E extends Enum<E>> CodeTable<E> of(Class<E> type, Map<E, String> codes, Map<E, String> writeOnly) {
        CodeTable<E> table = partial(type, codes, writeOnly);
        Set<E> missing = EnumSet.allOf(type);
        missing.removeAll(table.written.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(type.getSimpleName() + " has no code for " + missing);
        }
        return table;
    }

    /**
     * Like {@link #of(Class, Map, Map)}, but constants in neither map have no code in this system.
     *
     * @throws IllegalArgumentException if a constant has two codes or a readable code is used twice
     */
    static <E extends Enum<E>> CodeTable<E> partial(Class<E> type, Map<E, String> codes, Map<E, String> writeOnly) {
        Map<E, String> written = new EnumMap<>(type);
        Map<String, E> read = new HashMap<>();
        codes.forEach((constant, code) -> {
            written.put(constant, code);
            E before = read.put(code, constant);
            if (before != null) {
                throw new IllegalArgumentException(type.getSimpleName() + " code " + code + " is used by "
                        + before + " and " + constant);
            }
        });
        writeOnly.forEach((constant, code) -> {
            if (written.put(constant, code) != null) {
                throw new IllegalArgumentException(type.getSimpleName() + "." + constant + " has two codes");
            }
        });
        Set<E> onlyWritten = writeOnly.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(writeOnly.keySet());
        return new CodeTable<>(type, written, read, onlyWritten);
    }

    /**
     * This table, also reading each of {@code aliases} (spellings other systems send) as the
     * constant given; an alias is never written.
     *
     * @throws IllegalArgumentException if an alias is already a code of this table
     */
    CodeTable<E> readingAlso(Map<String, E> aliases) {
        Map<String, E> more = new HashMap<>(read);
        aliases.forEach((alias, constant) -> {
            if (more.put(alias, constant) != null) {
                throw new IllegalArgumentException(type.getSimpleName() + " alias " + alias + " is already a code");
            }
        });
        return new CodeTable<>(type, written, more, writeOnly);
    }

    /**
     * The code {@code constant} is written as.
     *
     * @throws IllegalArgumentException if it has none in this system (a partial table)
     */
    String code(E constant) {
        String code = written.get(constant);
        if (code == null) {
            throw new IllegalArgumentException(type.getSimpleName() + "." + constant + " has no code");
        }
        return code;
    }

    /** The code {@code constant} is written as, or empty where this system has none for it. */
    Optional<String> codeIfAny(E constant) {
        return Optional.ofNullable(written.get(constant));
    }

    /** The constant {@code code} reads as, or empty for a code (or alias) this table does not read. */
    Optional<E> fromCode(String code) {
        return Optional.ofNullable(code == null ? null : read.get(code));
    }

    /**
     * The constant {@code code} reads as, for use inside {@link FhirElement#convert}.
     *
     * @throws InvalidInputException naming {@code field} and {@code rule} with {@code message} if it reads as none
     */
    E read(String code, String field, String rule, String message) {
        return fromCode(code).orElseThrow(() -> new InvalidInputException(field, rule, message));
    }

    /** The constants whose code reads back as another constant or as nothing. */
    Set<E> writeOnly() {
        return writeOnly;
    }

    /** The enum this table codes. */
    Class<E> type() {
        return type;
    }
}
