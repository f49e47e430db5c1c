package kubelab.apiserver.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import kubelab.api.serialization.Json;

/**
 * JSON merge patch (RFC 7386): the patch is a partial document; its members replace the target's,
 * {@code null} deletes a member, objects merge recursively, and anything else (a list, a string, a
 * whole non-object patch) replaces what was there. {@code kubectl patch --type merge} sends one.
 *
 * <p>Lists are replaced whole: a merge patch cannot say "change this one container", which is why
 * Kubernetes invented the {@link StrategicMergePatch strategic merge patch}.
 *
 * <p>Real Kubernetes: {@code jsonpatch.MergePatch} of {@code github.com/evanphx/json-patch}, called
 * from {@code k8s.io/apiserver/pkg/endpoints/handlers/patch.go} for
 * {@code application/merge-patch+json}.
 */
public final class JsonMergePatch {
    private JsonMergePatch() {
    }

    /**
     * The target with the patch merged in. Neither argument is modified; the result shares no nodes
     * with them. A Java null is read as JSON {@code null}. Never throws: every JSON value is a valid
     * merge patch. Cost: O(size of target + size of patch).
     */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (patch == null || patch.isNull()) {
            return NullNode.getInstance();
        }
        // The RFC's first rule: a patch that is not an object replaces the target whole.
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject()
                ? ((ObjectNode) target).deepCopy()
                : Json.mapper().createObjectNode();
        mergeInto(result, (ObjectNode) patch);
        return result;
    }

    /** Merges the patch into a node this class owns (a copy), so it may change it in place. */
    private static void mergeInto(ObjectNode result, ObjectNode patch) {
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            String name = member.getKey();
            JsonNode value = member.getValue();
            if (value.isNull()) {
                result.remove(name);
            } else if (value.isObject()) {
                JsonNode current = result.get(name);
                // A non-object member is replaced by an empty object before merging, per the RFC.
                ObjectNode merged = current != null && current.isObject()
                        ? (ObjectNode) current
                        : Json.mapper().createObjectNode();
                mergeInto(merged, (ObjectNode) value);
                result.set(name, merged);
            } else {
                result.set(name, value.deepCopy());
            }
        }
    }
}
