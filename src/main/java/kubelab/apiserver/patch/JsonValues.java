package kubelab.apiserver.patch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON value equality as RFC 6902 defines it for the {@code test} operation, which strategic merge
 * patch also needs for merge keys and sets of scalars: numbers compare by value ({@code 1} equals
 * {@code 1.0}), objects by members in any order, arrays element by element in order.
 *
 * <p>Jackson's own {@code equals} is stricter: an {@code IntNode} 80 is not a {@code LongNode} 80.
 *
 * <p>Real Kubernetes: {@code lazyNode.equal} in {@code github.com/evanphx/json-patch}; Go's {@code ==}
 * on decoded values in {@code strategicpatch}.
 */
final class JsonValues {
    private JsonValues() {
    }

    static boolean equal(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.getNodeType() != b.getNodeType()) {
            return false;
        }
        if (a.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> e : a.properties()) {
                if (!equal(e.getValue(), b.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            Iterator<JsonNode> i = a.elements();
            Iterator<JsonNode> j = b.elements();
            while (i.hasNext()) {
                if (!equal(i.next(), j.next())) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** The position of the first element of {@code list} equal to {@code value}, or -1. */
    static int indexOf(Iterable<JsonNode> list, JsonNode value) {
        int i = 0;
        for (JsonNode item : list) {
            if (equal(item, value)) {
                return i;
            }
            i++;
        }
        return -1;
    }
}
