package kubelab.apiserver.registry.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import kubelab.api.serialization.Json;

/**
 * Defaulting on an object's JSON tree, where every field is named as a manifest names it: read the
 * record as a tree, fill what is unset, read it back. A default is set only where the field is
 * absent or null, so a value the user wrote always wins.
 *
 * <p>Real Kubernetes: the generated {@code SetObjectDefaults_*} functions, which call the
 * hand-written {@code SetDefaults_*} of {@code pkg/apis/<group>/v1/defaults.go} on every nested
 * struct of a decoded object.
 */
public final class JsonDefaults {
    private JsonDefaults() {
    }

    /** {@code object} with {@code defaults} applied to its JSON tree. */
    public static <T> T apply(T object, Class<T> type, Consumer<ObjectNode> defaults) {
        ObjectNode tree = (ObjectNode) Json.toTree(object);
        defaults.accept(tree);
        return Json.fromTree(tree, type);
    }

    /** The object at {@code field}, created empty if absent (Go's non-pointer structs always exist). */
    public static ObjectNode object(ObjectNode parent, String field) {
        JsonNode child = parent.get(field);
        if (child instanceof ObjectNode o) {
            return o;
        }
        return parent.putObject(field);
    }

    /** The object at {@code field}, or null if there is none. */
    public static ObjectNode objectOrNull(ObjectNode parent, String field) {
        return parent.get(field) instanceof ObjectNode o ? o : null;
    }

    /** The elements of the array at {@code field} that are objects; empty if there is none. */
    public static Iterable<ObjectNode> objects(ObjectNode parent, String field) {
        List<ObjectNode> out = new ArrayList<>();
        if (parent != null && parent.get(field) instanceof ArrayNode array) {
            for (JsonNode n : array) {
                if (n instanceof ObjectNode o) {
                    out.add(o);
                }
            }
        }
        return out;
    }

    /** True if the field is absent or null. */
    public static boolean unset(ObjectNode node, String field) {
        return !node.hasNonNull(field);
    }

    /** True if the field is absent, null or the empty string. */
    public static boolean blank(ObjectNode node, String field) {
        return !node.hasNonNull(field) || node.get(field).asText().isEmpty();
    }

    /** Sets a string field that is absent, null or empty (Go cannot tell an empty string from unset). */
    public static void putIfAbsent(ObjectNode node, String field, String value) {
        if (blank(node, field)) {
            node.put(field, value);
        }
    }

    public static void putIfAbsent(ObjectNode node, String field, int value) {
        if (unset(node, field)) {
            node.put(field, value);
        }
    }

    public static void putIfAbsent(ObjectNode node, String field, boolean value) {
        if (unset(node, field)) {
            node.put(field, value);
        }
    }

    /** True if the field holds a non-empty object (a map with at least one key). */
    public static boolean nonEmptyObject(ObjectNode node, String field) {
        return node.get(field) instanceof ObjectNode o && !o.isEmpty();
    }
}
