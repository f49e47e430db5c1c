package kubelab.apiserver.cacher;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The watch cache's index on one field (for pods, {@code spec.nodeName}): for each value, the
 * keys of the objects that have it, in key order. A list or a watch that pins the field reads
 * one node's pods out of 150,000 without looking at the others.
 *
 * <p>Not thread-safe: its {@link Cacher} holds its lock around every call.
 *
 * <p>Real Kubernetes: the {@code IndexerFuncs} of the cacher ({@code pod.NodeNameIndexFunc}).
 */
final class KeysByField {
    private final String field;
    private final Map<String, NavigableSet<String>> keys = new HashMap<>();

    /** @param field the field indexed, or null for a kind with no index (then this holds nothing) */
    KeysByField(String field) {
        this.field = field;
    }

    /** True if this index can answer {@code filter}: it pins the indexed field to a value. */
    boolean answers(Filter filter) {
        return field != null && filter.indexValue() != null;
    }

    /** The keys of the objects whose field has {@code value}, in key order. */
    NavigableSet<String> keysWith(String value) {
        return keys.getOrDefault(value, Collections.emptyNavigableSet());
    }

    /** Moves a key between values when its object's field changes (null: created, or deleted). */
    void move(String key, Cached<?> before, Cached<?> after) {
        if (field == null) {
            return;
        }
        String a = before == null ? null : before.fields().get(field);
        String b = after == null ? null : after.fields().get(field);
        if (a != null && !a.equals(b)) {
            NavigableSet<String> old = keys.get(a);
            if (old != null && old.remove(key) && old.isEmpty()) {
                keys.remove(a);
            }
        }
        if (b != null) {
            keys.computeIfAbsent(b, v -> new TreeSet<>()).add(key);
        }
    }

    void clear() {
        keys.clear();
    }
}
