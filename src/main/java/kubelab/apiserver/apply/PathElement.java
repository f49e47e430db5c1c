package kubelab.apiserver.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import kubelab.api.serialization.Json;

/**
 * One step of a path into an object: a field of a struct or a key of a map ({@code f:name}), the
 * item of an associative list named by its key fields ({@code k:{"name":"nginx"}}), the item of a
 * set by its value ({@code v:"foo"}), or a list item by position ({@code i:0}, used by no built-in
 * kind here but part of the format).
 *
 * <p>Elements order as structured-merge-diff orders them: fields, then keys, then values, then
 * indexes; within a kind by name, key, value or number. That order is the order of the
 * {@code FieldsV1} JSON, so the same set always prints the same bytes.
 *
 * <p>Real Kubernetes: {@code sigs.k8s.io/structured-merge-diff/fieldpath.PathElement}.
 */
public final class PathElement implements Comparable<PathElement> {

    /** The four kinds of step, in their sort order. */
    public enum Kind { FIELD, KEY, VALUE, INDEX }

    private final Kind kind;
    private final String fieldName;
    private final SortedMap<String, JsonNode> key;
    private final JsonNode value;
    private final int index;
    /** The FieldsV1 key, computed once: elements are compared and hashed by it all the time. */
    private final String text;

    private PathElement(Kind kind, String fieldName, SortedMap<String, JsonNode> key, JsonNode value, int index) {
        this.kind = kind;
        this.fieldName = fieldName;
        this.key = key == null ? null : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(key));
        this.value = value == null ? null : value.deepCopy();
        this.index = index;
        this.text = switch (kind) {
            case FIELD -> "f:" + fieldName;
            case KEY -> "k:" + keyJson(this.key);
            case VALUE -> "v:" + Json.toJson(value);
            case INDEX -> "i:" + index;
        };
    }

    public static PathElement field(String name) {
        return new PathElement(Kind.FIELD, name, null, null, 0);
    }

    public static PathElement key(Map<String, JsonNode> keyFields) {
        return new PathElement(Kind.KEY, null, new TreeMap<>(keyFields), null, 0);
    }

    public static PathElement value(JsonNode value) {
        return new PathElement(Kind.VALUE, null, null, value, 0);
    }

    public static PathElement index(int index) {
        return new PathElement(Kind.INDEX, null, null, null, index);
    }

    public Kind kind() {
        return kind;
    }

    /** The field's name ({@link Kind#FIELD}), else null. */
    public String fieldName() {
        return fieldName;
    }

    /** The key fields by name ({@link Kind#KEY}), else null. */
    public SortedMap<String, JsonNode> key() {
        return key;
    }

    /** The element as a key of the {@code FieldsV1} trie: {@code f:replicas}, {@code k:{"name":"a"}}. */
    public String toFieldsV1Key() {
        return text;
    }

    /** Reads one key of a {@code FieldsV1} trie (anything but {@code "."}). */
    public static PathElement fromFieldsV1Key(String s) {
        if (s.length() < 2 || s.charAt(1) != ':') {
            throw new IllegalArgumentException("unexpected key in FieldsV1: " + s);
        }
        String rest = s.substring(2);
        try {
            return switch (s.charAt(0)) {
                case 'f' -> field(rest);
                case 'k' -> {
                    JsonNode node = Json.mapper().readTree(rest);
                    SortedMap<String, JsonNode> fields = new TreeMap<>();
                    node.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
                    yield key(fields);
                }
                case 'v' -> value(Json.mapper().readTree(rest));
                case 'i' -> index(Integer.parseInt(rest));
                default -> throw new IllegalArgumentException("unexpected key in FieldsV1: " + s);
            };
        } catch (JsonProcessingException | NumberFormatException e) {
            throw new IllegalArgumentException("unexpected key in FieldsV1: " + s, e);
        }
    }

    private static String keyJson(SortedMap<String, JsonNode> key) {
        ObjectNode node = Json.mapper().createObjectNode();
        key.forEach(node::set);
        return Json.toJson(node);
    }

    /** The element as a conflict message prints it: {@code .replicas}, {@code [name="nginx"]}, {@code [="foo"]}. */
    @Override
    public String toString() {
        return switch (kind) {
            case FIELD -> "." + fieldName;
            case KEY -> {
                StringBuilder b = new StringBuilder("[");
                key.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append(k).append('=').append(Json.toJson(v)));
                yield b.append(']').toString();
            }
            case VALUE -> "[=" + Json.toJson(value) + "]";
            case INDEX -> "[" + index + "]";
        };
    }

    @Override
    public int compareTo(PathElement o) {
        if (kind != o.kind) {
            return kind.compareTo(o.kind);
        }
        return kind == Kind.INDEX ? Integer.compare(index, o.index) : text.compareTo(o.text);
    }

    // Equality by the printed form, so 80 read as an int and as a long are one key.
    @Override
    public boolean equals(Object o) {
        return o instanceof PathElement p && kind == p.kind && text.equals(p.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
