package kubelab.apiserver.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubelab.api.meta.KubeObject;
import kubelab.api.serialization.Json;

/**
 * The few whole-object operations the registry does the same way for every kind, on JSON trees:
 * swap the status, compare everything but metadata and status. Working on the tree keeps the
 * registry free of per-kind code, as Kubernetes' generic store is.
 */
final class ObjectTrees {
    private ObjectTrees() {
    }

    /** {@code target} with its status replaced by {@code source}'s (removed if source has none). */
    static <T extends KubeObject> T withStatusOf(T target, KubeObject source, Class<T> type) {
        ObjectNode tree = (ObjectNode) Json.toTree(target);
        JsonNode status = source == null ? null : Json.toTree(source).get("status");
        if (status == null || status.isNull()) {
            tree.remove("status");
        } else {
            tree.set("status", status);
        }
        return Json.fromTree(tree, type);
    }

    /** True if the objects differ anywhere but metadata and status: the "spec" in the wide sense. */
    static boolean specChanged(KubeObject a, KubeObject b) {
        return !withoutMetaAndStatus(Json.toTree(a)).equals(withoutMetaAndStatus(Json.toTree(b)));
    }

    private static JsonNode withoutMetaAndStatus(JsonNode node) {
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        copy.remove("metadata");
        copy.remove("status");
        return copy;
    }
}
