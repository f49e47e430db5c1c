package kubelab.apiserver.patch;

import static kubelab.apiserver.patch.StrategicMergePatch.DIRECTIVE;
import static kubelab.apiserver.patch.StrategicMergePatch.SET_ELEMENT_ORDER;
import static kubelab.apiserver.patch.StrategicMergePatch.isText;
import static kubelab.apiserver.patch.StrategicMergePatch.unclassified;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import kubelab.apiserver.patch.PatchException.Kind;

/**
 * The list half of a {@link StrategicMergePatch}: lists merged item by item by merge key, lists of
 * scalars merged as sets, deletions from such sets, lists replaced whole, and the
 * {@code $setElementOrder} directive that orders a merged list.
 *
 * <p>Real Kubernetes: {@code mergeSlice}, {@code mergeSliceWithSpecialElements},
 * {@code mergeSliceWithoutSpecialElements}, {@code deleteFromSlice} and
 * {@code mergePatchIntoOriginal} in {@code k8s.io/apimachinery/pkg/util/strategicpatch}.
 */
final class StrategicListMerge {
    private StrategicListMerge() {
    }

    /** Merges a patch list into a field's list, by the field's strategy. */
    static ArrayNode mergeField(ArrayNode original, ArrayNode patch, PatchSchema.Member field, boolean deletion,
                                String path) {
        if (deletion) {
            return deleteValues(original, patch, path);
        }
        if (!field.meta().merge()) {
            return replaceWhole(patch, field.schema().element(), path);
        }
        return merge(original, patch, field.schema().element(), field.meta().mergeKey(), path);
    }

    /** {@code $deleteFromPrimitiveList/<field>}: the original's values minus the listed ones. */
    private static ArrayNode deleteValues(ArrayNode original, ArrayNode toDelete, String path) {
        ArrayNode result = StrategicMergePatch.newArray();
        for (JsonNode value : original) {
            if (value.isContainerNode()) {
                throw StrategicMergePatch.malformed(path, "invalid patch format of primitive list");
            }
            if (JsonValues.indexOf(toDelete, value) < 0) {
                result.add(value);
            }
        }
        return result;
    }

    /** A list without the merge strategy: the patch's list, with directives worked out of its items. */
    private static ArrayNode replaceWhole(ArrayNode patch, PatchSchema element, String path) {
        ArrayNode result = StrategicMergePatch.newArray();
        PatchSchema.Member item = new PatchSchema.Member(PatchMeta.NONE, element);
        for (int i = 0; i < patch.size(); i++) {
            JsonNode value = StrategicMergePatch.fresh(patch.get(i), item, path + "[" + i + "]");
            if (value != null) {
                result.add(value);
            }
        }
        return result;
    }

    /** A list with the merge strategy: by merge key for objects, as a set for scalars. */
    private static ArrayNode merge(ArrayNode original, ArrayNode patch, PatchSchema element, String mergeKey,
                                   String path) {
        if (original.isEmpty() && patch.isEmpty()) {
            return original;
        }
        boolean objects = elementType(original, patch, path) == JsonNodeType.OBJECT;
        String key = objects ? mergeKey : "";
        List<JsonNode> serverOrder;
        List<JsonNode> named;
        List<JsonNode> merged;
        if (!objects) {
            serverOrder = items(original);
            named = items(patch);
            merged = new ArrayList<>();
            for (JsonNode value : concat(serverOrder, named)) {
                if (JsonValues.indexOf(merged, value) < 0) {
                    merged.add(value);
                }
            }
        } else {
            if (mergeKey.isEmpty()) {
                throw unclassified(path, "cannot merge lists without merge key for " + path);
            }
            // 1. Special items first: deletions remove from the original, a replace drops it.
            List<JsonNode> base = items(original);
            named = new ArrayList<>();
            boolean replace = false;
            for (JsonNode item : patch) {
                JsonNode directive = item.get(DIRECTIVE);
                if (directive == null) {
                    named.add(item);
                } else if (isText(directive, "delete")) {
                    JsonNode value = requireKey(item, mergeKey, path);
                    base.removeIf(b -> JsonValues.equal(b.get(mergeKey), value));
                } else if (isText(directive, "replace")) {
                    replace = true;
                } else if (isText(directive, "merge")) {
                    throw unclassified(path, "merging lists cannot yet be specified in the patch");
                } else {
                    throw unclassified(path, StrategicMergePatch.badPatchType(directive, item));
                }
            }
            if (replace) {
                base = items(replaceWhole(array(named), element, path));
                named = List.of();
            }
            // 2. Plain items: merge into the item with the same key, or add a new one.
            serverOrder = List.copyOf(base);
            merged = new ArrayList<>(base);
            PatchSchema.Member item = new PatchSchema.Member(PatchMeta.NONE, element);
            for (JsonNode patchItem : named) {
                JsonNode value = requireKey(patchItem, mergeKey, path);
                int found = -1;
                for (int k = 0; k < merged.size() && found < 0; k++) {
                    found = JsonValues.equal(merged.get(k).get(mergeKey), value) ? k : -1;
                }
                String at = path + "[" + mergeKey + "=" + value.asText() + "]";
                if (found >= 0) {
                    merged.set(found, StrategicMergePatch.mergeMap((ObjectNode) merged.get(found),
                            (ObjectNode) patchItem, element, at));
                } else {
                    merged.add(StrategicMergePatch.fresh(patchItem, item, at));
                }
            }
        }
        // 3. Order: patch items in patch order, server-only items in server order, interleaved.
        return array(order(merged, named, serverOrder, key, path));
    }

    /**
     * {@code $setElementOrder/<field>: [..]} next to (or without) the field's patch list: merge the
     * list, then order it: the directive's order first, then the patch's, then the server's.
     */
    static void applySetElementOrder(ObjectNode result, ObjectNode patch, PatchSchema schema, String path) {
        for (String key : StrategicMergePatch.fieldNames(patch)) {
            if (!key.startsWith(SET_ELEMENT_ORDER)) {
                continue;
            }
            JsonNode orderNode = patch.remove(key);
            String name = StrategicMergePatch.listName(key, SET_ELEMENT_ORDER,
                    "invalid patch format of setElementOrder list", path);
            String at = StrategicMergePatch.child(path, name);
            if (!orderNode.isArray()) {
                throw StrategicMergePatch.malformed(at, "invalid patch format of setElementOrder list");
            }
            JsonNode current = result.get(name);
            JsonNode patchList = patch.get(name);
            if (patchList != null && !patchList.isArray()) {
                continue; // null or a scalar: the field is deleted or replaced, nothing to order
            }
            boolean hasOriginal = current != null && current.isArray();
            if (!hasOriginal && patchList == null) {
                continue;
            }
            PatchSchema.Member field = schema.field(name);
            String mergeKey = field.meta().mergeKey();
            List<JsonNode> order = items(orderNode);
            if (!mergeKey.isEmpty()) {
                order.forEach(o -> requireKey(o, mergeKey, at));
            }
            ArrayNode original = hasOriginal ? (ArrayNode) current : StrategicMergePatch.newArray();
            List<JsonNode> serverOrder = items(original);
            ArrayNode merged = original;
            if (patchList != null) {
                checkOrderCovers(items(patchList), order, mergeKey, at);
                merged = mergeField(original, (ArrayNode) patchList, field, false, at);
            }
            result.set(name, array(order(items(merged), order, serverOrder, mergeKey, at)));
            patch.remove(name);
        }
    }

    /** Splits merged items into named (by the patch) and server-only ones, and orders them. */
    private static List<JsonNode> order(List<JsonNode> merged, List<JsonNode> named, List<JsonNode> serverOrder,
                                        String mergeKey, String path) {
        List<JsonNode> patchItems = new ArrayList<>();
        List<JsonNode> serverOnly = new ArrayList<>();
        for (JsonNode item : merged) {
            if (!mergeKey.isEmpty() && item.isObject()) {
                requireKey(item, mergeKey, path);
            }
            (ElementOrder.indexIn(named, item, mergeKey) >= 0 ? patchItems : serverOnly).add(item);
        }
        return ElementOrder.normalize(patchItems, serverOnly, named, serverOrder, mergeKey);
    }

    /**
     * The patch list's items (deletions aside) must appear in the {@code $setElementOrder} list, in
     * the same relative order; otherwise the two disagree about what the list should be.
     */
    private static void checkOrderCovers(List<JsonNode> patchItems, List<JsonNode> order, String mergeKey,
                                         String path) {
        List<JsonNode> kept = new ArrayList<>();
        for (JsonNode item : patchItems) {
            if (!item.has(DIRECTIVE)) {
                kept.add(mergeKey.isEmpty() ? item : requireKey(item, mergeKey, path));
            }
        }
        // Walk the order list once, ticking off the patch items as they come.
        int p = 0;
        for (int o = 0; o < order.size() && p < kept.size(); o++) {
            if (JsonValues.equal(kept.get(p), ElementOrder.identity(order.get(o), mergeKey))) {
                p++;
            }
        }
        if (p < kept.size()) {
            throw unclassified(path, "The order in patch list:\n" + PatchException.goFormat(array(patchItems))
                    + "\n doesn't match " + SET_ELEMENT_ORDER + " list:\n" + PatchException.goFormat(array(order)) + "\n");
        }
    }

    /**
     * The JSON type all items share. Kubernetes refuses lists of lists (422) and mixed lists.
     */
    private static JsonNodeType elementType(ArrayNode original, ArrayNode patch, String path) {
        JsonNodeType type = null;
        for (JsonNode item : concat(items(original), items(patch))) {
            if (item.isArray()) {
                throw new PatchException(Kind.NOT_APPLICABLE, path, "lists of lists are not supported");
            }
            if (type != null && type != item.getNodeType()) {
                throw unclassified(path, "list element types are not identical: ["
                        + PatchException.goFormat(original) + " " + PatchException.goFormat(patch) + "]");
            }
            type = item.getNodeType();
        }
        return type;
    }

    private static JsonNode requireKey(JsonNode item, String mergeKey, String path) {
        JsonNode value = item.isObject() ? item.get(mergeKey) : null;
        if (value == null) {
            throw unclassified(path, "map: " + PatchException.goFormat(item)
                    + " does not contain declared merge key: " + mergeKey);
        }
        return value;
    }

    private static List<JsonNode> items(JsonNode array) {
        List<JsonNode> list = new ArrayList<>(array.size());
        array.forEach(list::add);
        return list;
    }

    private static List<JsonNode> concat(List<JsonNode> a, List<JsonNode> b) {
        List<JsonNode> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static ArrayNode array(List<JsonNode> items) {
        ArrayNode array = StrategicMergePatch.newArray();
        items.forEach(array::add);
        return array;
    }
}
