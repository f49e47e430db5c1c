package kubelab.api.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The two copies every API record makes in its constructor: a null list or map becomes empty, and
 * a given one becomes an unmodifiable copy that keeps the manifest's order. Also the lookup and
 * replace-or-append of a condition list keyed by {@code type}, which Pod and Node status share.
 *
 * <p>Real Kubernetes: none; Go's nil slices and maps read as empty, which this mimics.
 */
final class Copies {
    private Copies() {
    }

    static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    static <K, V> Map<K, V> map(Map<K, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** The item whose key is {@code key}, or null. */
    static <T> T find(List<T> items, Function<T, String> keyOf, String key) {
        for (T item : items) {
            if (keyOf.apply(item).equals(key)) {
                return item;
            }
        }
        return null;
    }

    /** A copy with {@code item} replacing the one with the same key in place, or appended. */
    static <T> List<T> upsert(List<T> items, T item, Function<T, String> keyOf) {
        String key = keyOf.apply(item);
        List<T> copy = new ArrayList<>(items);
        for (int i = 0; i < copy.size(); i++) {
            if (keyOf.apply(copy.get(i)).equals(key)) {
                copy.set(i, item);
                return copy;
            }
        }
        copy.add(item);
        return copy;
    }
}
