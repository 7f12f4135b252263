package io.github.personalcare.fhir;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Jackson set up for FHIR JSON: bounded reading (size, depth, string and number length), strict
 * duplicate keys, no source content in locations, exact decimals. Parser failures become
 * {@link ImportProblem}s naming the JSON path and the line and column, never the parser's own
 * message (it can quote the document). Writing is {@link FhirWriter}'s.
 */
final class FhirJson {
    private final ObjectMapper mapper;
    private final FhirLimits limits;

    FhirJson(FhirLimits limits) {
        this.limits = limits;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxNestingDepth())
                        .maxStringLength(limits.maxStringLength())
                        .maxNumberLength(limits.maxNumberLength())
                        .maxDocumentLength(limits.maxBytes())
                        .build())
                // Explicit: locations must never carry document content (it was on before 2.16).
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                // FHIR JSON forbids repeated keys; a second "value" must not silently win. The tree
                // reader below refuses them itself, from the keys it keeps anyway, rather than the
                // parser keeping a second set of keys per object.
                .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // The caller owns the stream (an HTTP body, a file): we read it, they close it.
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
    }

    /**
     * Reads one JSON document within the limits.
     *
     * @throws FhirImportException with the path and line/column of the first fault
     */
    JsonNode read(InputStream in) {
        return read(in, null);
    }

    /**
     * Reads one JSON document already in memory within the limits, its size counted as UTF-8 bytes
     * (as a body of the same text would be) before any parsing. The text is read through a
     * {@link StringReader}, in the parser's small buffers: no copy of the whole document as bytes
     * (for text that is not Latin-1, {@code getBytes} sizes that copy at three bytes a character).
     *
     * @throws FhirImportException with the path and line/column of the first fault
     */
    JsonNode read(String document) {
        if (longerInUtf8Than(document, limits.maxBytes())) {
            throw tooLarge();
        }
        return read(null, document);
    }

    /** Whether {@code text} takes more than {@code max} bytes in UTF-8. */
    static boolean longerInUtf8Than(String text, long max) {
        // a character takes one to three bytes (a surrogate pair four for two): most documents
        // are decided by their length alone, without reading them
        int n = text.length();
        if ((long) n * 3 <= max) {
            return false;
        }
        if (n > max) {
            return true;
        }
        long bytes = 0;
        for (int i = 0; i < n && bytes <= max; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes > max;
    }

    private FhirImportException tooLarge() {
        return fail("$", "LIMIT", "body is larger than " + limits.maxBytes() + " bytes; reading stopped there");
    }

    private JsonNode read(InputStream in, String document) {
        JsonParser parser = null;
        try {
            parser = in != null
                    ? mapper.createParser(new CappedInputStream(in, limits.maxBytes()))
                    : mapper.createParser(new StringReader(document));
            if (parser.nextToken() == null) {
                throw fail("$", "JSON", "body is empty");
            }
            JsonNode node = new BoundedTree(parser, limits).value();
            if (parser.nextToken() != null) {
                throw fail("$", "JSON", "trailing content after the document" + at(parser));
            }
            return node;
        } catch (BoundedTree.TooMany e) {
            throw fail(path(parser), "LIMIT", e.getMessage() + at(parser));
        } catch (BoundedTree.RepeatedKey e) {
            throw fail(path(parser), "JSON", "a key appears twice in one object" + at(parser));
        } catch (CappedInputStream.TooLarge e) {
            throw tooLarge();
        } catch (StreamConstraintsException e) {
            throw fail(path(parser), "LIMIT", constraint(e) + at(parser));
        } catch (JsonEOFException e) {
            throw fail(path(parser), "JSON", "unexpected end of input" + at(parser));
        } catch (JsonProcessingException e) {
            throw fail(path(parser), "JSON", "malformed JSON" + at(parser));
        } catch (IOException e) {
            throw fail("$", "IO", "the body could not be read");
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException ignored) {
                    // Closing a parser over a failed stream: nothing more to report.
                }
            }
        }
    }

    /**
     * Builds the tree from the parser's tokens, counting the values kept and each array's elements,
     * so a document of millions of tiny values is refused at the first one beyond the limits, with
     * the memory of the values read so far. Numbers are kept as the mapper would keep them: integers
     * as int, long or big integer nodes, decimals exactly (scale kept).
     */
    private static final class BoundedTree {
        private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
        private final JsonParser parser;
        private final FhirLimits limits;
        private int values;

        BoundedTree(JsonParser parser, FhirLimits limits) {
            this.parser = parser;
            this.limits = limits;
        }

        /** Reads the value at the current token, leaving the parser on its last token. */
        JsonNode value() throws IOException {
            if (++values > limits.maxValues()) {
                throw new TooMany("the document holds more than " + limits.maxValues() + " values");
            }
            JsonToken token = parser.currentToken();
            switch (token) {
                case START_OBJECT: {
                    SmallObjectMap children = new SmallObjectMap();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        int at = children.addKey(parser.currentName());
                        if (at < 0) {
                            throw new RepeatedKey();
                        }
                        parser.nextToken();
                        children.setValueAt(at, value());
                    }
                    return new ObjectNode(NODES, children);
                }
                case START_ARRAY: {
                    // most FHIR arrays hold one or two elements: start small rather than at ten
                    ArrayNode array = new ArrayNode(NODES, new ArrayList<>(2));
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        if (array.size() == limits.maxArrayLength()) {
                            throw new TooMany("an array holds more than " + limits.maxArrayLength() + " elements");
                        }
                        array.add(value());
                    }
                    return array;
                }
                case VALUE_STRING:
                    return NODES.textNode(parser.getText());
                case VALUE_NUMBER_INT:
                    switch (parser.getNumberType()) {
                        case INT: return NODES.numberNode(parser.getIntValue());
                        case LONG: return NODES.numberNode(parser.getLongValue());
                        default: return NODES.numberNode(parser.getBigIntegerValue());
                    }
                case VALUE_NUMBER_FLOAT:
                    return DecimalNode.valueOf(parser.getDecimalValue()); // exact: scale and trailing zeros kept
                case VALUE_TRUE:
                    return NODES.booleanNode(true);
                case VALUE_FALSE:
                    return NODES.booleanNode(false);
                case VALUE_NULL:
                    return NODES.nullNode();
                default:
                    throw new JsonParseException(parser, "unexpected token");
            }
        }

        /** A key was repeated in one object (FHIR JSON forbids it); the key is in the path, never its values. */
        static final class RepeatedKey extends RuntimeException {
            private static final long serialVersionUID = 1L;

            RepeatedKey() {
                super(null, null, false, false);
            }
        }

        /** A value or array bound was passed; the message names the bound, never the content. */
        static final class TooMany extends RuntimeException {
            private static final long serialVersionUID = 1L;

            TooMany(String message) {
                super(message, null, false, false);
            }
        }
    }

    private static FhirImportException fail(String path, String rule, String message) {
        return new FhirImportException(List.of(new ImportProblem(path, rule, message)));
    }

    // Jackson's constraint messages name the limit, never the content; we still use our own words.
    private String constraint(StreamConstraintsException e) {
        String m = String.valueOf(e.getOriginalMessage());
        if (m.contains("Depth")) {
            return "nesting is deeper than " + limits.maxNestingDepth();
        }
        if (m.contains("String value length")) {
            return "a string is longer than " + limits.maxStringLength() + " characters";
        }
        if (m.contains("Number value length")) {
            return "a number is longer than " + limits.maxNumberLength() + " characters";
        }
        if (m.contains("Document length")) {
            return "body is larger than " + limits.maxBytes() + " bytes; reading stopped there";
        }
        return "a parser limit was exceeded";
    }

    private static String at(JsonParser parser) {
        if (parser == null) {
            return "";
        }
        JsonLocation l = parser.currentLocation();
        return " at line " + l.getLineNr() + ", column " + l.getColumnNr();
    }

    /** The JSON path of the parser's position, such as {@code $.entry[3].resource.name}. */
    static String path(JsonParser parser) {
        if (parser == null) {
            return "$";
        }
        StringBuilder out = new StringBuilder();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                out.insert(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                out.insert(0, "." + c.getCurrentName());
            }
        }
        return "$" + out;
    }
}
