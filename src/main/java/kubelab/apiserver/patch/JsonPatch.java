package kubelab.apiserver.patch;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubelab.apiserver.patch.PatchException.Kind;

/**
 * JSON patch (RFC 6902): a list of operations ({@code add}, {@code remove}, {@code replace},
 * {@code move}, {@code copy}, {@code test}), each aimed at a JSON pointer such as
 * {@code /spec/containers/0/image} ({@code ~1} stands for {@code /} and {@code ~0} for {@code ~} in
 * a name, {@code -} for the end of an array). {@code kubectl patch --type json} sends one; it is the
 * only format that can address a list item by position or make a change conditional ({@code test}).
 *
 * <p>The patch is atomic: operations apply in order to a private copy, and the first one that fails
 * throws a {@link PatchException} ({@link Kind#NOT_APPLICABLE}, answered as 422) with the words of the
 * library Kubernetes uses, such as {@code testing value /spec/replicas failed: test failed}; the
 * caller's tree is never touched. Unlike that library, negative array indices are refused, as the
 * RFC requires.
 *
 * <p>Real Kubernetes: {@code github.com/evanphx/json-patch} (v4), called from
 * {@code k8s.io/apiserver/pkg/endpoints/handlers/patch.go} for {@code application/json-patch+json}.
 */
public final class JsonPatch {
    private JsonPatch() {
    }

    /**
     * The target with every operation applied, in order. Neither argument is modified.
     * Cost: O(operations x document size), since every operation may copy a value.
     *
     * @throws PatchException {@link Kind#MALFORMED} if the patch is not an array of objects,
     *                        {@link Kind#NOT_APPLICABLE} if an operation does not apply
     */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (patch == null || !patch.isArray()) {
            throw new PatchException(Kind.MALFORMED, null,
                    "a JSON patch must be an array of operations, not " + describe(patch));
        }
        for (JsonNode op : patch) {
            if (!op.isObject()) {
                throw new PatchException(Kind.MALFORMED, null,
                        "each JSON patch operation must be an object, not " + describe(op));
            }
        }
        // One private copy; every operation edits it in place, so a failure leaves the input as it was.
        JsonNode doc = target == null ? NullNode.getInstance() : target.deepCopy();
        for (JsonNode op : patch) {
            doc = applyOne(doc, op);
        }
        return doc;
    }

    private static JsonNode applyOne(JsonNode doc, JsonNode op) {
        JsonNode kindNode = op.get("op");
        String kind = kindNode != null && kindNode.isTextual() ? kindNode.textValue() : "unknown";
        return switch (kind) {
            case "add" -> add(doc, path(op, kind), value(op, kind), kind);
            case "remove" -> remove(doc, path(op, kind), kind);
            case "replace" -> replace(doc, path(op, kind), value(op, kind));
            case "move" -> move(doc, from(op, kind), path(op, kind));
            case "copy" -> copy(doc, from(op, kind), path(op, kind));
            case "test" -> test(doc, path(op, kind), value(op, kind));
            default -> throw fail("Unexpected kind: " + kind);
        };
    }

    private static JsonNode add(JsonNode doc, String path, JsonNode value, String verb) {
        if (path.isEmpty()) {
            return value.deepCopy();
        }
        Location at = locate(doc, path);
        if (at == null) {
            throw fail(verb + " operation does not apply: doc is missing path: \"" + path + "\": missing value");
        }
        if (at.parent() instanceof ObjectNode object) {
            object.set(at.token(), value.deepCopy());
        } else {
            ArrayNode array = (ArrayNode) at.parent();
            int index = "-".equals(at.token()) ? array.size() : index(at.token());
            if (index < 0 || index > array.size()) {
                throw fail("error in " + verb + " for path: '" + path + "': " + invalidIndex(at.token()));
            }
            array.insert(index, value.deepCopy());
        }
        return doc;
    }

    private static JsonNode remove(JsonNode doc, String path, String verb) {
        Location at = path.isEmpty() ? null : locate(doc, path);
        if (at == null) {
            throw fail(verb + " operation does not apply: doc is missing path: \"" + path + "\": missing value");
        }
        if (at.parent() instanceof ObjectNode object) {
            if (!object.has(at.token())) {
                throw fail("error in " + verb + " for path: '" + path + "': Unable to remove nonexistent key: "
                        + at.token() + ": missing value");
            }
            object.remove(at.token());
        } else {
            ArrayNode array = (ArrayNode) at.parent();
            int index = index(at.token());
            if (index < 0 || index >= array.size()) {
                throw fail("error in " + verb + " for path: '" + path + "': " + invalidIndex(at.token()));
            }
            array.remove(index);
        }
        return doc;
    }

    private static JsonNode replace(JsonNode doc, String path, JsonNode value) {
        if (path.isEmpty()) {
            return value.deepCopy();
        }
        Location at = locate(doc, path);
        if (at == null) {
            throw fail("replace operation does not apply: doc is missing path: " + path + ": missing value");
        }
        // Unlike add, replace needs the target to exist already.
        if (get(doc, path) == null) {
            throw fail("replace operation does not apply: doc is missing key: " + path + ": missing value");
        }
        if (at.parent() instanceof ObjectNode object) {
            object.set(at.token(), value.deepCopy());
        } else {
            ((ArrayNode) at.parent()).set(index(at.token()), value.deepCopy());
        }
        return doc;
    }

    private static JsonNode move(JsonNode doc, String from, String path) {
        JsonNode value = get(doc, from);
        if (value == null) {
            throw fail("move operation does not apply: doc is missing from path: " + from + ": missing value");
        }
        if (path.startsWith(from + "/")) {
            // RFC 6902, section 4.4: a location cannot be moved into one of its own children.
            throw fail("move operation does not apply: cannot move " + from + " into its own child " + path);
        }
        if (from.equals(path)) {
            return doc;
        }
        doc = remove(doc, from, "move");
        if (path.isEmpty() || locate(doc, path) != null) {
            return add(doc, path, value, "move");
        }
        throw fail("move operation does not apply: doc is missing destination path: " + path + ": missing value");
    }

    private static JsonNode copy(JsonNode doc, String from, String path) {
        JsonNode value = get(doc, from);
        if (value == null) {
            throw fail("copy operation does not apply: doc is missing from path: " + from + ": missing value");
        }
        if (path.isEmpty() || locate(doc, path) != null) {
            return add(doc, path, value, "copy");
        }
        throw fail("copy operation does not apply: doc is missing destination path: " + path + ": missing value");
    }

    private static JsonNode test(JsonNode doc, String path, JsonNode value) {
        JsonNode actual = get(doc, path);
        if (actual == null) {
            throw fail("test operation does not apply: is missing path: " + path + ": missing value");
        }
        if (!JsonValues.equal(actual, value)) {
            throw fail("testing value " + path + " failed: test failed");
        }
        return doc;
    }

    /** Where a pointer ends: the container holding the last step, and that step's (unescaped) name. */
    private record Location(JsonNode parent, String token) {
    }

    /** The container a non-empty pointer ends in, or null if it does not exist (or is a scalar). */
    private static Location locate(JsonNode doc, String path) {
        JsonPointer pointer = pointer(path);
        if (pointer == null) {
            return null;
        }
        JsonNode parent = doc.at(pointer.head());
        if (!parent.isContainerNode()) {
            return null;
        }
        return new Location(parent, pointer.last().getMatchingProperty());
    }

    /** The value a pointer names, or null if there is none ({@code -} names nothing). */
    private static JsonNode get(JsonNode doc, String path) {
        JsonPointer pointer = pointer(path);
        if (pointer == null) {
            return null;
        }
        JsonNode found = doc.at(pointer);
        return found.isMissingNode() ? null : found;
    }

    /** Jackson decodes {@code ~1} and {@code ~0}; a pointer not starting with {@code /} names nothing. */
    private static JsonPointer pointer(String path) {
        try {
            return JsonPointer.compile(path);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** An array index as RFC 6901 writes it: {@code 0}, or digits without a leading zero; else -1. */
    private static int index(String token) {
        if (token.isEmpty() || token.length() > 9 || (token.length() > 1 && token.charAt(0) == '0')) {
            return -1;
        }
        for (int i = 0; i < token.length(); i++) {
            if (!Character.isDigit(token.charAt(i))) {
                return -1;
            }
        }
        return Integer.parseInt(token);
    }

    private static String invalidIndex(String token) {
        return "Unable to access invalid index: " + token + ": invalid index referenced";
    }

    private static String path(JsonNode op, String kind) {
        return member(op, "path", kind);
    }

    private static String from(JsonNode op, String kind) {
        return member(op, "from", kind);
    }

    private static String member(JsonNode op, String name, String kind) {
        JsonNode node = op.get(name);
        if (node == null || !node.isTextual()) {
            throw fail(kind + " operation failed to decode " + name + ": missing value");
        }
        return node.textValue();
    }

    private static JsonNode value(JsonNode op, String kind) {
        JsonNode node = op.get("value");
        if (node == null) {
            throw fail(kind + " operation failed: missing value field");
        }
        return node;
    }

    private static PatchException fail(String detail) {
        return new PatchException(Kind.NOT_APPLICABLE, null, detail);
    }

    private static String describe(JsonNode node) {
        return node == null ? "nothing" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
