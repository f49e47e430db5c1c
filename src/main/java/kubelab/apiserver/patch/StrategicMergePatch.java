package kubelab.apiserver.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kubelab.api.meta.PatchStrategy;
import kubelab.api.serialization.Json;
import kubelab.apiserver.patch.PatchException.Kind;

/**
 * Kubernetes' strategic merge patch: a JSON merge patch that knows, from the object's Java type,
 * which lists to merge item by item instead of replacing them. It is what {@code kubectl patch}
 * sends by default and what {@code kubectl apply} sends for built-in kinds.
 *
 * <p>The rules, field by field (the type's {@link PatchStrategy} annotations decide):
 * <ul>
 *   <li>Objects merge recursively; {@code null} deletes a field; a scalar replaces.</li>
 *   <li>A list with strategy {@code merge} and a merge key (containers by {@code name}, ports by
 *       {@code containerPort}) merges item by item: a patch item with a known key merges into that
 *       item, a new one is added ({@link ElementOrder} says where). An item
 *       {@code {"$patch": "delete", "name": "x"}} removes item x; an item {@code {"$patch": "replace"}}
 *       makes the other patch items the whole list.</li>
 *   <li>A list of scalars with strategy {@code merge} (finalizers) is a set: the patch's values are
 *       added; {@code $deleteFromPrimitiveList/<field>: [..]} removes values.</li>
 *   <li>Any other list is replaced whole, as in a JSON merge patch.</li>
 *   <li>{@code $setElementOrder/<field>: [..]} gives the order of the merged list.</li>
 *   <li>{@code $retainKeys: [..]} in an object clears the fields it does not list (how a volume
 *       switches from {@code emptyDir} to {@code hostPath}, or a Deployment from
 *       {@code RollingUpdate} to {@code Recreate}).</li>
 *   <li>{@code $patch: replace} in an object replaces it instead of merging; {@code $patch: delete}
 *       empties it (Kubernetes keeps the field as {@code {}}; use {@code null} to remove a field).</li>
 * </ul>
 * Fields the type does not know merge like a JSON merge patch. Directives never reach the result.
 *
 * <p>Where this differs from Kubernetes, on purpose: a patch value for a field the object lacks is
 * merged into nothing rather than copied, so {@code $patch: replace} there keeps its content and no
 * directive or {@code null} leaks into the result; {@code $deleteFromPrimitiveList} always deletes.
 *
 * <p>Real Kubernetes: {@code strategicpatch.StrategicMergeMapPatch} in
 * {@code k8s.io/apimachinery/pkg/util/strategicpatch}, called from
 * {@code k8s.io/apiserver/pkg/endpoints/handlers/patch.go} for
 * {@code application/strategic-merge-patch+json}.
 */
public final class StrategicMergePatch {
    static final String DIRECTIVE = "$patch";
    static final String RETAIN_KEYS = "$retainKeys";
    static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList";
    static final String SET_ELEMENT_ORDER = "$setElementOrder";

    private StrategicMergePatch() {
    }

    /**
     * The original with the patch merged in, following the patch strategies of {@code type} (the
     * record the object decodes to, such as {@code Pod.class}). Neither tree is modified.
     * Cost: O(size of original x size of patch) at worst, from matching list items by key.
     *
     * @param original the stored object as a JSON object (a Java null or JSON null reads as {})
     * @param patch    the patch, a JSON object
     * @param type     the record type whose {@link PatchStrategy} annotations drive the merge
     * @throws PatchException if the patch is malformed or does not apply (see its Kind)
     */
    public static JsonNode apply(JsonNode original, JsonNode patch, Class<?> type) {
        if (patch == null || !patch.isObject()) {
            throw new PatchException(Kind.MALFORMED, null, "invalid JSON document");
        }
        if (original != null && !original.isNull() && !original.isObject()) {
            throw new IllegalArgumentException("the original must be a JSON object, not " + original.getNodeType());
        }
        // Private copies: the merge edits both as it goes (it consumes the patch's directives).
        ObjectNode start = original != null && original.isObject() ? ((ObjectNode) original).deepCopy() : newObject();
        ObjectNode work = ((ObjectNode) patch).deepCopy();
        ObjectNode merged = mergeMap(start, work, PatchSchema.of(type), "");
        return merged == null ? newObject() : merged;
    }

    /**
     * Merges a patch object into an original object, in place.
     *
     * @param original the object to merge into, or null if the field is absent
     * @return the merged object, or null if the patch says the absent object stays absent
     */
    static ObjectNode mergeMap(ObjectNode original, ObjectNode patch, PatchSchema schema, String path) {
        JsonNode directive = patch.get(DIRECTIVE);
        if (directive != null) {
            if (isText(directive, "replace")) {
                patch.remove(DIRECTIVE);
                return mergeMap(null, patch, schema, path);
            }
            if (isText(directive, "delete")) {
                return original == null ? null : newObject();
            }
            throw unclassified(path, badPatchType(directive, patch));
        }
        ObjectNode result = original == null ? newObject() : original;
        // 1. $retainKeys clears fields before the merge; 2. $setElementOrder lists merge and sort
        //    together with their lists; 3. every other field merges by its own rule.
        applyRetainKeys(result, patch, path);
        StrategicListMerge.applySetElementOrder(result, patch, schema, path);
        for (String key : fieldNames(patch)) {
            JsonNode value = patch.get(key);
            boolean deletion = key.startsWith(DELETE_FROM_PRIMITIVE_LIST);
            String name = deletion
                    ? listName(key, DELETE_FROM_PRIMITIVE_LIST, "invalid patch format of primitive list", path)
                    : key;
            String at = child(path, name);
            if (value.isNull()) {
                result.remove(name);
                continue;
            }
            JsonNode current = result.get(name);
            PatchSchema.Member field = schema.field(name);
            JsonNode merged;
            if (!deletion && current != null && current.isObject() && value.isObject() && !field.meta().replace()) {
                merged = mergeMap((ObjectNode) current, (ObjectNode) value, field.schema(), at);
            } else if (current != null && current.isArray() && value.isArray()) {
                merged = StrategicListMerge.mergeField((ArrayNode) current, (ArrayNode) value, field, deletion, at);
            } else if (deletion) {
                continue; // nothing to delete from
            } else {
                // Absent, of another JSON type, or replaced by strategy: the patch's value, with its
                // directives worked out.
                merged = fresh(value, field, at);
            }
            if (merged == null) {
                result.remove(name);
            } else {
                result.set(name, merged);
            }
        }
        return result;
    }

    /** A value built from the patch alone, as if merged into nothing; null if it deletes itself. */
    static JsonNode fresh(JsonNode value, PatchSchema.Member field, String path) {
        if (value.isObject()) {
            return mergeMap(null, (ObjectNode) value, field.schema(), path);
        }
        if (value.isArray()) {
            return StrategicListMerge.mergeField(newArray(), (ArrayNode) value, field, false, path);
        }
        return value;
    }

    /**
     * {@code $retainKeys: [a, b]}: the patch may only set fields it lists, and fields of the original
     * it does not list are cleared before the merge.
     */
    private static void applyRetainKeys(ObjectNode result, ObjectNode patch, String path) {
        JsonNode retain = patch.remove(RETAIN_KEYS);
        if (retain == null) {
            return;
        }
        if (!retain.isArray()) {
            throw malformed(path, "invalid patch format of retainKeys");
        }
        Set<String> keep = new HashSet<>();
        retain.forEach(v -> {
            if (v.isTextual()) {
                keep.add(v.textValue());
            }
        });
        for (String key : fieldNames(patch)) {
            boolean directive = key.startsWith(DELETE_FROM_PRIMITIVE_LIST) || key.startsWith(SET_ELEMENT_ORDER);
            if (!directive && !patch.get(key).isNull() && !keep.contains(key)) {
                throw malformed(path, "invalid patch format of retainKeys");
            }
        }
        result.retain(keep);
    }

    /** {@code $setElementOrder/containers} names the list {@code containers}. */
    static String listName(String key, String prefix, String error, String path) {
        int slash = key.indexOf('/');
        if (slash < 0 || !key.substring(0, slash).equals(prefix)) {
            throw malformed(path, error);
        }
        return key.substring(slash + 1);
    }

    static List<String> fieldNames(ObjectNode node) {
        List<String> names = new ArrayList<>(node.size());
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    static boolean isText(JsonNode node, String text) {
        return node.isTextual() && node.textValue().equals(text);
    }

    static String badPatchType(JsonNode directive, JsonNode item) {
        return "unknown patch type: " + PatchException.goFormat(directive) + " in map: " + PatchException.goFormat(item);
    }

    static PatchException malformed(String path, String detail) {
        return new PatchException(Kind.MALFORMED, path, detail);
    }

    static PatchException unclassified(String path, String detail) {
        return new PatchException(Kind.UNCLASSIFIED, path, detail);
    }

    static ObjectNode newObject() {
        return Json.mapper().createObjectNode();
    }

    static ArrayNode newArray() {
        return Json.mapper().createArrayNode();
    }
}
