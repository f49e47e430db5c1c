package kubelab.apiserver.cacher;

import java.util.ArrayDeque;
import kubelab.apiserver.ApiException;

/**
 * The watch cache's memory of recent changes: the last {@code capacity} of them, from which a
 * watch can resume at any resourceVersion at or above the floor. Below the floor a client has
 * missed changes nobody remembers, and must list again (410 Expired). The floor rises as old
 * changes fall out, and with the store's compaction, but never above the cache's own revision:
 * a client that listed at that revision has missed nothing.
 *
 * <p>Not thread-safe: its {@link Cacher} holds its lock around every call.
 *
 * <p>Real Kubernetes: the cyclic buffer of {@code watchCache} in
 * {@code k8s.io/apiserver/pkg/storage/cacher/watch_cache.go}, sized there by time, here by count.
 */
final class ChangeWindow<T> {
    /** One change: the object before and after (null for created or deleted), at its revision. */
    record Change<T>(Cached<T> before, Cached<T> after, long revision) {
    }

    private final int capacity;
    private final ArrayDeque<Change<T>> changes = new ArrayDeque<>();
    private long floor;

    ChangeWindow(int capacity) {
        this.capacity = capacity;
    }

    /** Forgets every change: a watch may resume only from {@code revision} on (a fresh list's). */
    void reset(long revision) {
        changes.clear();
        floor = revision;
    }

    /** Remembers a change, letting the oldest go once the window is full. */
    void add(Change<T> change) {
        changes.addLast(change);
        while (changes.size() > capacity) {
            floor = changes.removeFirst().revision();
        }
    }

    /**
     * The changes after {@code fromRevision}, oldest first.
     *
     * @throws ApiException Expired (410) if the window no longer reaches back to it
     */
    Iterable<Change<T>> since(long fromRevision) {
        if (fromRevision < floor) {
            throw ApiException.expired("too old resource version: " + fromRevision + " (" + floor + ")");
        }
        return () -> changes.stream().filter(c -> c.revision() > fromRevision).iterator();
    }

    /** The store compacted up to {@code compacted}; {@code revision} is the cache's own newest. */
    void compacted(long compacted, long revision) {
        while (!changes.isEmpty() && changes.peekFirst().revision() <= compacted) {
            changes.removeFirst();
        }
        floor = Math.max(floor, Math.min(compacted, revision));
    }
}
