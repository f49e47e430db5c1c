package kubelab.api.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two copies every API record makes in its constructor: a null list or map becomes empty, and
 * a given one becomes an unmodifiable copy that keeps the manifest's order.
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
}
