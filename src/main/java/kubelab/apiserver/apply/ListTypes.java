package kubelab.apiserver.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import kubelab.apiserver.patch.PatchMeta;
import kubelab.apiserver.patch.PatchSchema;

/**
 * How server-side apply treats each place of an object: a struct or map merges field by field, a
 * list is associative (items by their key fields), a set (scalars by value) or atomic (replaced
 * whole), and anything else is a scalar. Read from the same {@code patchStrategy} and
 * {@code patchMergeKey} annotations strategic merge patch uses, plus the few places where
 * Kubernetes' {@code +listType}/{@code +listMapKey}/{@code +structType} markers say more.
 *
 * <p>Real Kubernetes: the {@code x-kubernetes-list-type}, {@code x-kubernetes-list-map-keys} and
 * {@code x-kubernetes-map-type} extensions of the OpenAPI schema, which structured-merge-diff
 * reads through {@code schema.List} and {@code schema.Map}.
 */
final class ListTypes {
    private ListTypes() {
    }

    /** What a place is, for merging and for field sets. */
    enum Shape { SCALAR, STRUCT, MAP, ASSOCIATIVE, SET, ATOMIC }

    /**
     * Lists whose Kubernetes keys are more than the strategic merge key: a port is its number and
     * its protocol, so TCP 53 and UDP 53 are two items. Keyed by the item's class name.
     */
    private static final Map<String, List<String>> MULTI_KEYS = Map.of(
            "ContainerPort", List.of("containerPort", "protocol"),
            "ServicePort", List.of("port", "protocol"),
            "TopologySpreadConstraint", List.of("topologyKey", "whenUnsatisfiable"));

    /** Defaults of key fields, used when an item leaves one out (Kubernetes' schema has them too). */
    private static final Map<String, JsonNode> KEY_DEFAULTS = Map.of("protocol", TextNode.valueOf("TCP"));

    /** Structs marked {@code +structType=atomic}: owned and replaced as a whole. */
    private static final List<String> ATOMIC_STRUCTS = List.of("LabelSelector");

    static Shape shape(JsonNode lhs, JsonNode rhs, PatchSchema schema, PatchMeta meta) {
        JsonNode sample = rhs != null ? rhs : lhs;
        if (lhs != null && rhs != null && lhs.getNodeType() != rhs.getNodeType()) {
            return Shape.ATOMIC; // a value changed type: compare and replace it whole
        }
        Class<?> raw = schema.rawClass();
        if (sample.isObject()) {
            if (raw != null && ATOMIC_STRUCTS.contains(raw.getSimpleName())) {
                return Shape.ATOMIC;
            }
            return raw != null && raw.isRecord() ? Shape.STRUCT : Shape.MAP;
        }
        if (sample.isArray()) {
            if (!meta.merge()) {
                return Shape.ATOMIC;
            }
            return meta.mergeKey().isEmpty() ? Shape.SET : Shape.ASSOCIATIVE;
        }
        return Shape.SCALAR;
    }

    /** The key fields of an associative list's items. */
    static List<String> keys(PatchSchema listSchema, PatchMeta meta) {
        Class<?> item = listSchema.element().rawClass();
        List<String> multi = item == null ? null : MULTI_KEYS.get(item.getSimpleName());
        return multi != null ? multi : List.of(meta.mergeKey());
    }

    /** The item's key element, or an error if a key field is missing and has no default. */
    static PathElement keyOf(JsonNode item, List<String> keys) {
        if (!item.isObject()) {
            throw new ApplyException("associative list with keys has an element that is not a map: " + item);
        }
        Map<String, JsonNode> fields = new java.util.TreeMap<>();
        for (String k : keys) {
            JsonNode v = item.get(k);
            if (v == null || v.isNull()) {
                v = KEY_DEFAULTS.get(k);
            }
            if (v == null) {
                throw new ApplyException("associative list with keys has an element that omits key field \""
                        + k + "\" (and doesn't have default value)");
            }
            fields.put(k, v);
        }
        return PathElement.key(fields);
    }
}
