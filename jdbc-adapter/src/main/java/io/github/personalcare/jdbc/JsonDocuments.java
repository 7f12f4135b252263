package io.github.personalcare.jdbc;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import com.fasterxml.jackson.databind.jsontype.PolymorphicTypeValidator;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.audit.AuditEvent;
import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.spi.StorageException;

import java.lang.reflect.Modifier;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Maps aggregates, entries, audit events and domain events to JSON documents and back, generically:
 * records by their components, {@code Optional} as value-or-null, {@code java.time} values as
 * ISO-8601 text (exact to the nanosecond), and abstract or sealed types of the SDK with a
 * {@code "@type"} class id that is only accepted for classes under {@code io.github.personalcare.},
 * so a stored document can never make Jackson instantiate anything else. Thread-safe.
 *
 * <p>Text holding U+0000 is refused before anything is written: PostgreSQL text and jsonb cannot
 * store it, and the same data must be storable on both dialects.
 */
final class JsonDocuments {
    static final String SDK_PACKAGE = "io.github.personalcare.";

    private final ObjectMapper mapper;
    private final ConcurrentMap<Class<?>, ObjectWriter> writers = new ConcurrentHashMap<>();
    private final ConcurrentMap<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();
    /** Aggregates parsed from documents, by declared type and the document's exact text. */
    private final ConcurrentMap<Parsed, Object> parsed = new ConcurrentHashMap<>();
    /** Characters of the documents {@link #parsed} holds, roughly: the bound of its memory. */
    private final AtomicLong parsedChars = new AtomicLong();

    /** Most documents {@link #readAggregate} keeps parsed; emptied when reached. */
    static final int MAX_PARSED = 2_048;
    /** Most characters of documents {@link #readAggregate} keeps parsed (about 8 MB of text); emptied when reached. */
    static final long MAX_PARSED_CHARS = 8L << 20;
    /** Longer documents are parsed every time, never kept. */
    static final int MAX_KEPT_DOCUMENT = 256 << 10;

    private record Parsed(Class<?> declared, String json) {
    }

    JsonDocuments() {
        PolymorphicTypeValidator sdkOnly = BasicPolymorphicTypeValidator.builder()
                .allowIfSubType(SDK_PACKAGE)
                .build();
        mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                // Documents outlive code: a component removed from a record must not make old rows unreadable.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // Records are stored by their components only, never by derived methods such as isOverdue().
                .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .setDefaultTyping(new SdkAbstractTyping(sdkOnly))
                .build();
    }

    /** Adds "@type" to values whose declared type is an abstract or sealed type of the SDK. */
    private static final class SdkAbstractTyping extends ObjectMapper.DefaultTypeResolverBuilder {
        private static final long serialVersionUID = 1L;

        SdkAbstractTyping(PolymorphicTypeValidator validator) {
            super(ObjectMapper.DefaultTyping.NON_FINAL, validator);
            init(JsonTypeInfo.Id.CLASS, null);
            inclusion(JsonTypeInfo.As.PROPERTY);
            typeProperty("@type");
        }

        @Override
        public boolean useForType(JavaType t) {
            JavaType type = t;
            while (type.isArrayType() || type.isReferenceType()) {
                type = type.getContentType();
            }
            Class<?> raw = type.getRawClass();
            return !type.isContainerType()
                    && raw.getName().startsWith(SDK_PACKAGE)
                    && (raw.isInterface() || Modifier.isAbstract(raw.getModifiers()))
                    && !raw.isEnum();
        }
    }

    /**
     * The value as a JSON document of its declared type.
     *
     * @param what names the value in an error, such as the aggregate type name
     * @throws InvalidInputException if any text in it holds U+0000 (rule {@code TEXT})
     */
    <T> String write(Class<T> declared, T value, String what) {
        String json;
        try {
            json = writers.computeIfAbsent(declared, mapper::writerFor).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // Jackson's message may quote the value: keep only the kind of failure.
            throw new StorageException("DOCUMENT", what + " could not be written as JSON");
        }
        String problem = textProblem(json);
        if (problem != null) {
            throw new InvalidInputException(what, "TEXT", problem);
        }
        return json;
    }

    /** Reads a document written by {@link #write} for the same declared type. */
    <T> T read(Class<T> declared, String json, String what) {
        try {
            return readers.computeIfAbsent(declared, mapper::readerFor).readValue(json);
        } catch (JsonProcessingException e) {
            throw new StorageException("DOCUMENT", what + " could not be read from its stored JSON document");
        }
    }

    /**
     * Reads an aggregate document as {@link #read} does, answering a document read before with the
     * same text with the value parsed then. Parsing is a pure function of the declared type and the
     * text, and the SDK's aggregates are immutable (the in-memory storage shares its instances
     * between transactions the same way), so the answer is the one a fresh parse gives; a changed
     * document is a different text and is parsed anew. Unchanged documents read by every command on
     * a patient (the patient, the care team, consents, the agreed care plan) were a fifth to a third
     * of a spend's client CPU (issue 13). Bounded by {@link #MAX_PARSED} documents and
     * {@link #MAX_PARSED_CHARS} characters: when either is reached the whole memo is dropped.
     */
    <T> T readAggregate(Class<T> declared, String json, String what) {
        if (json.length() > MAX_KEPT_DOCUMENT) {
            return read(declared, json, what);
        }
        Parsed key = new Parsed(declared, json);
        Object known = parsed.get(key);
        if (known != null) {
            return declared.cast(known);
        }
        T value = read(declared, json, what);
        keep(key, value);
        return value;
    }

    /**
     * Remembers {@code value} as what {@link #readAggregate} gives for {@code json}: the document
     * just stored for it, as the database gives it back. Written and read back, an aggregate is
     * equal to the one written (the storage contract), so this is the answer a parse would give.
     */
    <T> void remember(Class<T> declared, String json, T value) {
        if (json == null || json.length() > MAX_KEPT_DOCUMENT) {
            return;
        }
        keep(new Parsed(declared, json), value);
    }

    private void keep(Parsed key, Object value) {
        if (parsed.size() >= MAX_PARSED || parsedChars.addAndGet(key.json().length()) > MAX_PARSED_CHARS) {
            parsed.clear();
            parsedChars.set(key.json().length());
        }
        parsed.put(key, value);
    }

    String writeEvent(DomainEvent event) {
        return write(DomainEvent.class, event, "outbox event");
    }

    DomainEvent readEvent(String json) {
        return read(DomainEvent.class, json, "outbox event");
    }

    String writeAudit(AuditEvent event) {
        return write(AuditEvent.class, event, "audit event");
    }

    AuditEvent readAudit(String json) {
        return read(AuditEvent.class, json, "audit event");
    }

    /**
     * What makes the JSON text unstorable, or null: an escaped NUL (backslash, u, 0000; escaped
     * backslashes are skipped) or an unpaired surrogate, which a driver would silently replace.
     */
    static String textProblem(String json) {
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == 0 || (c == '\\' && json.startsWith("u0000", i + 1))) {
                return NUL;
            }
            if (c == '\\') {
                i++;
            } else if (Character.isHighSurrogate(c) && i + 1 < json.length() && Character.isLowSurrogate(json.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return UNPAIRED;
            }
        }
        return null;
    }

    /** Like {@link #textProblem} for plain text going into a column. */
    static String plainTextProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return NUL;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return UNPAIRED;
            }
        }
        return null;
    }

    private static final String NUL = "text must not contain NUL characters (U+0000)";
    private static final String UNPAIRED = "text must be valid Unicode (an unpaired surrogate was found)";
}
