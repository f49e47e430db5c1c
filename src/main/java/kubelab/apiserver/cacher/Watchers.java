package kubelab.apiserver.cacher;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The open watches of one resource, filed for routing: a watch whose field selector pins the
 * indexed field (a kubelet's {@code spec.nodeName=node-7}) is filed under that value; every
 * other watch is unindexed. A change is offered to the unindexed watches and to those filed under
 * the object's old and new values, never to all. Not thread-safe: the {@link Cacher} holds its lock.
 *
 * <p>Real Kubernetes: {@code indexedWatchers} in {@code k8s.io/apiserver/pkg/storage/cacher}.
 */
final class Watchers<T> {
    private final String indexedField;
    private final Set<CacheWatcher<T>> unindexed = new LinkedHashSet<>();
    private final Map<String, Set<CacheWatcher<T>>> byValue = new HashMap<>();

    Watchers(String indexedField) {
        this.indexedField = indexedField;
    }

    void add(CacheWatcher<T> w) {
        if (indexedField != null && w.filter().indexValue() != null) {
            byValue.computeIfAbsent(w.filter().indexValue(), k -> new LinkedHashSet<>()).add(w);
        } else {
            unindexed.add(w);
        }
    }

    void remove(CacheWatcher<T> w) {
        if (unindexed.remove(w) || w.filter().indexValue() == null) {
            return;
        }
        Set<CacheWatcher<T>> set = byValue.get(w.filter().indexValue());
        if (set != null && set.remove(w) && set.isEmpty()) {
            byValue.remove(w.filter().indexValue());
        }
    }

    // tag::cacher-candidates[]
    /** The watches a change may concern: the unindexed ones, and those filed under its old or new value. */
    List<CacheWatcher<T>> candidates(Cached<T> before, Cached<T> after) {
        List<CacheWatcher<T>> out = new ArrayList<>(unindexed);
        if (indexedField != null && !byValue.isEmpty()) {
            String a = before == null ? null : before.fields().get(indexedField);
            String b = after == null ? null : after.fields().get(indexedField);
            if (a != null) {
                out.addAll(byValue.getOrDefault(a, Set.of()));
            }
            if (b != null && !b.equals(a)) {
                out.addAll(byValue.getOrDefault(b, Set.of()));
            }
        }
        return out;
    }
    // end::cacher-candidates[]

    /** Every open watch. */
    List<CacheWatcher<T>> all() {
        List<CacheWatcher<T>> all = new ArrayList<>(unindexed);
        byValue.values().forEach(all::addAll);
        return all;
    }
}
