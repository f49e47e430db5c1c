package kubelab.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kubelab.api.meta.KubeObject;

/**
 * The queue between a {@link Reflector} (producer) and an informer (consumer): per object key, the
 * list of changes not yet processed, keys in first-changed-first-out order. Popping a key hands
 * over everything that happened to that object since it was last popped, so the consumer sees
 * every change once, in order, and an object changed ten times while the consumer was busy is
 * still popped once.
 *
 * <h2>Replace: how a relist finds deletions</h2>
 * After a relist the reflector calls {@link #replace}. Every listed object gets a
 * {@link Delta.Type#REPLACED} delta. Any object the consumer still knows (its cache, the
 * {@code knownObjects}) or still has queued, but that the list no longer contains, was deleted
 * while nobody was watching: it gets a {@link Delta.Type#DELETED} delta marked
 * {@code finalStateUnknown}. That is how a missed DELETE event is repaired.
 *
 * <h2>Synced</h2>
 * The queue {@link #hasSynced()} once the first replace has been called and every key it queued
 * has been popped: from then on, the consumer's cache reflects at least the first list.
 *
 * <p>Thread-safe; {@code onKeyQueued} is called each time a key enters the queue, so the consumer
 * can schedule a pop instead of polling.
 *
 * <p>Real Kubernetes: {@code cache.DeltaFIFO} in {@code client-go/tools/cache/delta_fifo.go}.
 */
public final class DeltaFIFO<T extends KubeObject> {
    private final Indexer<T> knownObjects;
    private final Runnable onKeyQueued;
    private final Map<String, List<Delta<T>>> items = new HashMap<>();
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private boolean populated;
    private int initialPopulationCount;

    /**
     * @param knownObjects the consumer's cache, consulted by {@link #replace} and {@link #delete}
     * @param onKeyQueued  called (under the queue's lock; keep it short) whenever a key is queued
     */
    public DeltaFIFO(Indexer<T> knownObjects, Runnable onKeyQueued) {
        this.knownObjects = knownObjects;
        this.onKeyQueued = onKeyQueued;
    }

    /** A popped key with all its deltas, oldest first. */
    public record Deltas<T>(String key, List<Delta<T>> deltas, boolean isInInitialList) {
        public Deltas {
            deltas = List.copyOf(deltas);
        }

        public Delta<T> newest() {
            return deltas.get(deltas.size() - 1);
        }
    }

    public synchronized void add(T obj) {
        queueAction(Delta.of(Delta.Type.ADDED, obj));
    }

    public synchronized void update(T obj) {
        queueAction(Delta.of(Delta.Type.UPDATED, obj));
    }

    /** Queues a deletion, unless the object is neither known nor queued (it is already gone). */
    public synchronized void delete(T obj) {
        String key = Cache.metaNamespaceKey(obj);
        if (knownObjects.getByKey(key).isEmpty() && !items.containsKey(key)) {
            return;
        }
        queueAction(Delta.of(Delta.Type.DELETED, obj));
    }

    /**
     * Takes in a fresh list: a REPLACED delta for each listed object, and a DELETED delta (final
     * state unknown) for each object known or queued but no longer listed.
     */
    public synchronized void replace(List<T> list, String resourceVersion) {
        Set<String> listed = new HashSet<>();
        for (T obj : list) {
            listed.add(Cache.metaNamespaceKey(obj));
            queueAction(Delta.of(Delta.Type.REPLACED, obj));
        }
        int queuedDeletions = 0;
        // 1. Queued objects the list no longer has: their watch deletion was missed.
        for (String key : new ArrayList<>(queue)) {
            Delta<T> newest = last(items.get(key));
            if (listed.contains(key) || newest.type() == Delta.Type.DELETED) {
                continue;
            }
            queueAction(new Delta<>(Delta.Type.DELETED, newest.object(), true));
            queuedDeletions++;
        }
        // 2. Cached objects the list no longer has, not already handled above.
        for (String key : knownObjects.listKeys()) {
            if (listed.contains(key) || items.containsKey(key)) {
                continue;
            }
            Optional<T> known = knownObjects.getByKey(key);
            if (known.isPresent()) {
                queueAction(new Delta<>(Delta.Type.DELETED, known.get(), true));
                queuedDeletions++;
            }
        }
        if (!populated) {
            populated = true;
            initialPopulationCount = list.size() + queuedDeletions;
        }
    }

    /** Removes the oldest key and returns its deltas; empty if nothing is queued. */
    public synchronized Optional<Deltas<T>> pop() {
        String key = queue.poll();
        if (key == null) {
            return Optional.empty();
        }
        List<Delta<T>> deltas = items.remove(key);
        boolean isInInitialList = !hasSynced();
        if (initialPopulationCount > 0) {
            initialPopulationCount--;
        }
        return Optional.of(new Deltas<>(key, deltas, isInInitialList));
    }

    /** True once the first {@link #replace} has been called and all it queued has been popped. */
    public synchronized boolean hasSynced() {
        return populated && initialPopulationCount == 0;
    }

    /** How many keys are queued. */
    public synchronized int len() {
        return queue.size();
    }

    /** The deltas queued for a key, oldest first (for tests and notebooks). */
    public synchronized List<Delta<T>> deltasFor(String key) {
        return List.copyOf(items.getOrDefault(key, List.of()));
    }

    private void queueAction(Delta<T> delta) {
        String key = Cache.metaNamespaceKey((KubeObject) delta.object());
        List<Delta<T>> deltas = items.get(key);
        boolean newKey = deltas == null;
        if (newKey) {
            deltas = new ArrayList<>();
            items.put(key, deltas);
        }
        deltas.add(delta);
        dedupDeletions(deltas);
        if (newKey) {
            queue.add(key);
            onKeyQueued.run();
        }
    }

    /**
     * Two deletions in a row say the same thing; keep one, preferring the one whose final state
     * is known.
     */
    private static <T> void dedupDeletions(List<Delta<T>> deltas) {
        int n = deltas.size();
        if (n < 2) {
            return;
        }
        Delta<T> older = deltas.get(n - 2);
        Delta<T> newer = deltas.get(n - 1);
        if (older.type() == Delta.Type.DELETED && newer.type() == Delta.Type.DELETED) {
            deltas.remove(newer.finalStateUnknown() ? n - 1 : n - 2);
        }
    }

    private static <T> Delta<T> last(List<Delta<T>> deltas) {
        return deltas.get(deltas.size() - 1);
    }
}
