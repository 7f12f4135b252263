package io.github.personalcare.fhir;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;

/**
 * Writes FHIR JSON straight from the tree to the destination with Jackson's streaming generator,
 * in UTF-8 with the element order the mappers build, so equal records give byte-identical
 * documents.
 *
 * <p>{@linkplain Style#COMPACT Compact} (no white space) is the default: it is what goes over the
 * wire and what a machine reads. {@linkplain Style#PRETTY Pretty} is for files people read (the
 * demo's {@code --fhir-out}, examples in the documentation): two-space indents, {@code \n} line
 * ends, {@code "name" : value}; its bytes are those this class wrote before it streamed, except
 * that a lone surrogate in text (not a character, and so never in a valid record) is now escaped
 * in UTF-8 output (a backslash, {@code u} and four hex digits) rather than replaced by {@code ?}.
 */
public final class FhirWriter {
    /** The layout of the written document; the content and element order are the same in both. */
    public enum Style {
        /** No white space between tokens: the smallest document, for transport and storage. */
        COMPACT,
        /** Two-space indents, {@code \n} line ends and {@code "name" : value}, for people to read. */
        PRETTY
    }

    private static final JsonFactory FACTORY = JsonFactory.builder()
            // A character outside the Basic Multilingual Plane (an emoji in free text) as its four
            // UTF-8 bytes, not as an escaped surrogate pair: the bytes a String writer gives.
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            // The caller owns the stream: we write and flush it, they close it.
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private FhirWriter() {
    }

    /**
     * {@return the document as compact text}
     *
     * @param resource the resource or Bundle
     * @throws NullPointerException     if {@code resource} is null
     * @throws IllegalArgumentException if the tree holds a node that is not JSON (a POJO node)
     */
    public static String toJson(JsonNode resource) {
        return toJson(resource, Style.COMPACT);
    }

    /**
     * {@return the document as text in the given style}
     *
     * @param resource the resource or Bundle
     * @param style    compact or pretty
     * @throws NullPointerException     if {@code resource} or {@code style} is null
     * @throws IllegalArgumentException if the tree holds a node that is not JSON (a POJO node)
     */
    public static String toJson(JsonNode resource, Style style) {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(style, "style");
        StringWriter out = new StringWriter(4096);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(resource, g, style);
        } catch (IOException e) {
            // A StringWriter does not fail.
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * {@return the document as compact UTF-8 bytes, as a request body is sent}
     *
     * @param resource the resource or Bundle
     * @throws NullPointerException     if {@code resource} is null
     * @throws IllegalArgumentException if the tree holds a node that is not JSON (a POJO node)
     */
    public static byte[] toBytes(JsonNode resource) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            write(resource, out, Style.COMPACT);
        } catch (IOException e) {
            // A ByteArrayOutputStream does not fail.
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Writes the compact document to the stream as UTF-8, then flushes it (the stream is not closed).
     *
     * @param resource the resource or Bundle
     * @param out      where the UTF-8 bytes go
     * @throws IOException              if the stream fails
     * @throws NullPointerException     if {@code resource} or {@code out} is null
     * @throws IllegalArgumentException if the tree holds a node that is not JSON (a POJO node)
     */
    public static void write(JsonNode resource, OutputStream out) throws IOException {
        write(resource, out, Style.COMPACT);
    }

    /**
     * Writes the document in the given style to the stream as UTF-8, then flushes it (the stream is
     * not closed). Nothing is buffered beyond the generator's own buffer.
     *
     * @param resource the resource or Bundle
     * @param out      where the UTF-8 bytes go
     * @param style    compact or pretty
     * @throws IOException              if the stream fails
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the tree holds a node that is not JSON (a POJO node)
     */
    public static void write(JsonNode resource, OutputStream out, Style style) throws IOException {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(style, "style");
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            write(resource, g, style);
        }
    }

    private static void write(JsonNode resource, JsonGenerator g, Style style) throws IOException {
        if (style == Style.PRETTY) {
            g.setPrettyPrinter(PRETTY.createInstance());
        }
        value(resource, g);
    }

    // The tree walked directly (no databind serializers): the calls Jackson's own node
    // serializers make, so the bytes are the same.
    private static void value(JsonNode node, JsonGenerator g) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT:
                g.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    g.writeFieldName(field.getKey());
                    value(field.getValue(), g);
                }
                g.writeEndObject();
                return;
            case ARRAY:
                g.writeStartArray();
                for (int i = 0, n = node.size(); i < n; i++) {
                    value(node.get(i), g);
                }
                g.writeEndArray();
                return;
            case STRING:
                g.writeString(node.textValue());
                return;
            case NUMBER:
                number(node, g);
                return;
            case BOOLEAN:
                g.writeBoolean(node.booleanValue());
                return;
            case NULL:
                g.writeNull();
                return;
            case BINARY:
                g.writeBinary(node.binaryValue());
                return;
            default:
                throw new IllegalArgumentException("a FHIR JSON tree holds only JSON values, not " + node.getNodeType());
        }
    }

    private static void number(JsonNode node, JsonGenerator g) throws IOException {
        switch (node.numberType()) {
            case INT:
                g.writeNumber(node.intValue());
                return;
            case LONG:
                g.writeNumber(node.longValue());
                return;
            case BIG_INTEGER:
                g.writeNumber(node.bigIntegerValue());
                return;
            case FLOAT:
                g.writeNumber(node.floatValue());
                return;
            case DOUBLE:
                g.writeNumber(node.doubleValue());
                return;
            default:
                // Exact, scale and trailing zeros kept ("12.50"), as DecimalNode writes it.
                g.writeNumber(node.decimalValue());
        }
    }
}
