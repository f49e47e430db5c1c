package kubelab.apiserver.patch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order of a list after a strategic merge: items the patch names keep the patch's order (or the
 * order of its {@code $setElementOrder} list), items only the server had keep the server's order,
 * and the two are interleaved using the server's order where it knows both items.
 *
 * <p>The interleaving rule, as Kubernetes has it: walk both sorted lists; take the server-only item
 * first only if the server had it before the patch item; otherwise take the patch item. So an item
 * the server never had goes <em>before</em> the server-only items that follow it: patching
 * {@code [a, b]} with a new {@code c} (and no {@code $setElementOrder}) gives {@code [c, a, b]}, as
 * the "kubectl patch" task in the Kubernetes documentation shows for an added container. kubectl
 * apply always sends {@code $setElementOrder}, which pins the order it wants.
 *
 * <p>An item is identified by its merge-key value (objects in a merged list) or by its value
 * (scalars, and objects of a list without a merge key).
 *
 * <p>Real Kubernetes: {@code normalizeElementOrder} and {@code mergeSortedSlice} in
 * {@code k8s.io/apimachinery/pkg/util/strategicpatch}; the design proposal
 * "Preserve Order in Strategic Merge Patch".
 */
final class ElementOrder {
    private ElementOrder() {
    }

    /**
     * Orders a merged list.
     *
     * @param patchItems  merged items the patch (or its {@code $setElementOrder}) names
     * @param serverOnly  merged items only the server had
     * @param patchOrder  the order the patch gives: its list, or its {@code $setElementOrder} list
     * @param serverOrder the list as the server had it
     * @param mergeKey    the merge key, or empty to compare whole values
     */
    static List<JsonNode> normalize(List<JsonNode> patchItems, List<JsonNode> serverOnly,
                                    List<JsonNode> patchOrder, List<JsonNode> serverOrder, String mergeKey) {
        // 1. Each side sorted by its own order (stable: unknown items keep their place, at the end).
        List<JsonNode> right = sortedBy(patchItems, patchOrder, mergeKey);
        List<JsonNode> left = sortedBy(serverOnly, serverOrder, mergeKey);
        // 2. Interleave: a server-only item goes first only when the server had it before the patch item.
        List<JsonNode> result = new ArrayList<>(left.size() + right.size());
        int i = 0;
        int j = 0;
        while (i < left.size() || j < right.size()) {
            if (j >= right.size()) {
                result.add(left.get(i++));
            } else if (i >= left.size()) {
                result.add(right.get(j++));
            } else {
                int l = indexIn(serverOrder, left.get(i), mergeKey);
                int r = indexIn(serverOrder, right.get(j), mergeKey);
                result.add(l >= 0 && r >= 0 && l < r ? left.get(i++) : right.get(j++));
            }
        }
        return result;
    }

    /** What identifies an item: its merge-key value for an object in a keyed list, else the item. */
    static JsonNode identity(JsonNode item, String mergeKey) {
        return !mergeKey.isEmpty() && item.isObject() ? item.get(mergeKey) : item;
    }

    /** The position in {@code list} of the item with the same identity, or -1. */
    static int indexIn(List<JsonNode> list, JsonNode item, String mergeKey) {
        JsonNode id = identity(item, mergeKey);
        for (int k = 0; k < list.size(); k++) {
            if (JsonValues.equal(identity(list.get(k), mergeKey), id)) {
                return k;
            }
        }
        return -1;
    }

    private static List<JsonNode> sortedBy(List<JsonNode> items, List<JsonNode> order, String mergeKey) {
        List<JsonNode> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingInt(item -> {
            int k = indexIn(order, item, mergeKey);
            return k < 0 ? Integer.MAX_VALUE : k;
        }));
        return sorted;
    }
}
