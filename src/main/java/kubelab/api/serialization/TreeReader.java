package kubelab.api.serialization;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON or YAML value from a parser into a tree, doing the few things Jackson's own
 * {@code readTree} does not do the way Kubernetes needs:
 *
 * <ol>
 *   <li>numbers stay exact ({@code 0.1} is a decimal, not a double), so a quantity written as a
 *       bare number keeps its digits and KYAML and block YAML give equal trees;</li>
 *   <li>a repeated key is remembered as {@code duplicate field "metadata.name"} and the last value
 *       wins, as in Go's decoder;</li>
 *   <li>YAML anchors, aliases ({@code *name}) and merge keys ({@code <<: *name}) are resolved,
 *       which Jackson's YAML parser leaves as the alias' name;</li>
 *   <li>the start line of each element of a top-level {@code items} list is kept, so the objects
 *       of a {@code List} can be reported by line.</li>
 * </ol>
 *
 * <p>One instance reads one value; not thread-safe (create one per value).
 *
 * <p>Real Kubernetes: {@code sigs.k8s.io/yaml} (YAML to JSON) and {@code sigs.k8s.io/json}
 * (duplicate detection).
 */
final class TreeReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String MERGE_KEY = "<<";

    private final List<String> duplicates = new ArrayList<>();
    private final Map<String, JsonNode> anchors = new HashMap<>();
    private final List<Integer> itemLines = new ArrayList<>();

    /** Reads the value at the parser's current token (which must have been advanced to). */
    JsonNode read(JsonParser p) throws IOException {
        return value(p, 0);
    }

    /** The {@code duplicate field "..."} warnings found, in document order. */
    List<String> duplicates() {
        return duplicates;
    }

    /** The start line of each element of a root object's {@code items} array, in order. */
    List<Integer> itemLines() {
        return itemLines;
    }

    private JsonNode value(JsonParser p, int depth) throws IOException {
        Object anchor = p.canReadObjectId() ? p.getObjectId() : null; // a YAML anchor (&name)
        JsonNode node = switch (p.currentToken()) {
            case START_OBJECT -> object(p, depth);
            case START_ARRAY -> array(p, depth);
            case VALUE_STRING -> isAlias(p) ? alias(p) : NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> integer(p);
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            case VALUE_EMBEDDED_OBJECT -> embedded(p.getEmbeddedObject());
            default -> throw new IllegalStateException("unexpected token " + p.currentToken());
        };
        if (anchor != null) {
            anchors.put(anchor.toString(), node);
        }
        return node;
    }

    /** Small integers as int or long nodes, big ones exact, so trees compare equal whatever the source. */
    private static JsonNode integer(JsonParser p) throws IOException {
        return switch (p.getNumberType()) {
            case INT -> NODES.numberNode(p.getIntValue());
            case LONG -> NODES.numberNode(p.getLongValue());
            default -> NODES.numberNode(p.getBigIntegerValue());
        };
    }

    private static boolean isAlias(JsonParser p) {
        return p instanceof YAMLParser y && y.isCurrentAlias();
    }

    private JsonNode alias(JsonParser p) throws IOException {
        JsonNode target = anchors.get(p.getText());
        if (target == null) {
            throw new TreeException("found undefined alias '" + p.getText() + "'", p);
        }
        return target.deepCopy();
    }

    private static JsonNode embedded(Object value) {
        // YAML !!binary arrives as bytes; JSON carries bytes as base64 text.
        return value instanceof byte[] bytes ? NODES.textNode(Base64.getEncoder().encodeToString(bytes))
                : NODES.pojoNode(value);
    }

    private JsonNode object(JsonParser p, int depth) throws IOException {
        ObjectNode node = NODES.objectNode();
        List<JsonNode> merges = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (MERGE_KEY.equals(name) && p instanceof YAMLParser) {
                merges.add(value(p, depth + 1));
                continue;
            }
            boolean items = depth == 0 && "items".equals(name) && p.currentToken() == JsonToken.START_ARRAY;
            JsonNode child = items ? itemsArray(p, depth) : value(p, depth + 1);
            if (node.has(name)) {
                duplicates.add("duplicate field \"" + path(p.getParsingContext(), name) + "\"");
            }
            node.set(name, child);
        }
        // YAML merge keys: explicit keys win, then the first merged mapping that has the key.
        for (JsonNode merge : merges) {
            for (JsonNode source : merge.isArray() ? merge : List.of(merge)) {
                if (!source.isObject()) {
                    throw new TreeException("map merge requires map or sequence of maps as the value", p);
                }
                for (Map.Entry<String, JsonNode> e : source.properties()) {
                    if (!node.has(e.getKey())) {
                        node.set(e.getKey(), e.getValue().deepCopy());
                    }
                }
            }
        }
        return node;
    }

    private JsonNode array(JsonParser p, int depth) throws IOException {
        ArrayNode node = NODES.arrayNode();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            node.add(value(p, depth + 1));
        }
        return node;
    }

    private JsonNode itemsArray(JsonParser p, int depth) throws IOException {
        ArrayNode node = NODES.arrayNode();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            itemLines.add(p.currentTokenLocation().getLineNr());
            node.add(value(p, depth + 1));
        }
        return node;
    }

    /**
     * The path of a field in Kubernetes' notation, {@code spec.containers[0].image}, from the
     * parser's context chain: field names joined by dots, array positions in brackets.
     *
     * @param holder the context of the object that holds the field
     * @param field  the field's name
     */
    static String path(JsonStreamContext holder, String field) {
        Deque<String> segments = new ArrayDeque<>();
        segments.push(field);
        for (JsonStreamContext c = holder.getParent(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                segments.push("[" + c.getCurrentIndex() + "]");
            } else if (c.getCurrentName() != null) {
                segments.push(c.getCurrentName());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String s : segments) {
            if (sb.length() > 0 && !s.startsWith("[")) {
                sb.append('.');
            }
            sb.append(s);
        }
        return sb.toString();
    }

    /** Jackson's description of a syntax error, without the "[Source: ...]" it may cite another place with. */
    static String problem(JsonProcessingException e) {
        return e.getOriginalMessage().replaceAll("\\[Source: [^;]*; line: (\\d+), column: (\\d+)]", "line $1, column $2");
    }

    /** A structural YAML problem found while building the tree, with its location. */
    static final class TreeException extends IOException {
        final int line;
        final int column;

        TreeException(String message, JsonParser p) {
            super(message);
            this.line = p.currentTokenLocation().getLineNr();
            this.column = p.currentTokenLocation().getColumnNr();
        }
    }
}
