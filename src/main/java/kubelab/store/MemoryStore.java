package kubelab.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The embedded, in-memory {@link Store}: etcd's multi-version key space and watch, in one process.
 *
 * <h2>How it is built</h2>
 * <ul>
 *   <li>{@code keys}: a sorted map from key to its {@link KeyHistory}, so a range by prefix reads
 *       only the keys under the prefix, in key order.</li>
 *   <li>{@code log}: the version written at each retained revision, oldest first. Revision
 *       {@code r} is at index {@code r - compactedRevision - 1}, because every write makes exactly
 *       one revision. A watch replays from it; it shares its {@link KeyValue}s with the histories.</li>
 *   <li>{@code watchers}: the running {@link Watcher}s in a {@link WatcherIndex}, so a write costs
 *       O(log n + watches whose prefix matches the key), however many other watches run.</li>
 * </ul>
 *
 * <h2>Threads and watch delivery</h2>
 * One read-write lock: reads run side by side, writes one at a time. A write calls the listeners
 * of matching watches on the writing thread, under the write lock, before it returns. That keeps
 * events in revision order even with many writers, and means whoever watches (the API server's
 * watch cache) is up to date the moment a write returns. The price: listeners must be quick, must
 * not block on other threads that use the store, and must not write to the store (a write, watch,
 * compact or close from inside a listener throws {@link IllegalStateException}). A listener may
 * close its own watch, and may read.
 *
 * <p>A listener that throws (an exception or a failed assertion) does not reach the writer, whose
 * write has already happened, nor other watches: its watch is closed, the failure is logged, and
 * its {@link WatchListener#onClose} gets a {@link StoreException.Unavailable} naming the failure,
 * so the watcher can list and watch again as it would after any broken watch.
 *
 * <p>Memory: a key costs its history; history only shrinks when someone calls {@link #compact}
 * (the API server does so periodically, as Kubernetes compacts etcd every five minutes).
 *
 * <p>Real Kubernetes: etcd's {@code server/storage/mvcc} ({@code kvstore}, {@code watchable_store});
 * Kubernetes itself runs etcd as a separate, replicated server.
 */
public final class MemoryStore implements Store {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final NavigableMap<String, KeyHistory> keys = new TreeMap<>();
    private final ArrayList<KeyValue> log = new ArrayList<>();
    private final WatcherIndex<Watcher> watchers = new WatcherIndex<>();
    // All fields below are guarded by lock.
    private long revision;
    private long compacted;
    private long liveKeys;
    private long versions;
    private boolean delivering;
    private boolean closed;

    /**
     * A store holding exactly {@code live}, each key with its own revisions and version, at
     * {@code revision}, with history compacted up to it: what a snapshot of a store holds. A
     * durable store starts from one, then replays its log.
     */
    public static MemoryStore restored(java.util.Collection<KeyValue> live, long revision) {
        MemoryStore store = new MemoryStore();
        for (KeyValue kv : live) {
            if (kv.modRevision() > revision) {
                throw new IllegalArgumentException(kv.key() + " was written at revision " + kv.modRevision()
                        + ", after the snapshot's revision " + revision);
            }
            store.keys.computeIfAbsent(kv.key(), k -> new KeyHistory()).append(kv);
            store.liveKeys++;
            store.versions++;
        }
        store.revision = revision;
        store.compacted = revision;
        return store;
    }

    /** Listeners are called on the writing thread, before the write returns. */
    @Override
    public boolean notifiesBeforeReturn() {
        return true;
    }

    @Override
    public long currentRevision() {
        return read(() -> revision);
    }

    @Override
    public long compactedRevision() {
        return read(() -> compacted);
    }

    /** How many keys exist now (deleted keys not counted). */
    public long size() {
        return read(() -> liveKeys);
    }

    /** How many versions are retained, tombstones included; compaction brings it down towards {@link #size()}. */
    public long historySize() {
        return read(() -> versions);
    }

    /** How many watches are running. */
    public int watchCount() {
        return read(watchers::size);
    }

    @Override
    public Optional<KeyValue> get(String key) {
        return read(() -> Optional.ofNullable(latest(key)));
    }

    @Override
    public Optional<KeyValue> get(String key, long revision) {
        return read(() -> {
            KeyHistory history = keys.get(key);
            long at = readableRevision(revision);
            return Optional.ofNullable(history == null ? null : history.at(at));
        });
    }

    @Override
    public RangeResult range(String prefix, String startKey, long revision, int limit) {
        Objects.requireNonNull(prefix, "prefix");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return read(() -> {
            long at = readableRevision(revision);
            String from = startKey != null && startKey.compareTo(prefix) > 0 ? startKey : prefix;
            List<KeyValue> found = new ArrayList<>();
            boolean more = false;
            // tailMap from the prefix, stopping at the first key outside it: no key outside is read.
            for (var entry : keys.tailMap(from, true).entrySet()) {
                if (!entry.getKey().startsWith(prefix)) {
                    break;
                }
                KeyValue kv = entry.getValue().at(at);
                if (kv == null) {
                    continue; // deleted by then, or not yet created
                }
                if (limit > 0 && found.size() == limit) {
                    more = true;
                    break;
                }
                found.add(kv);
            }
            return new RangeResult(found, at, more);
        });
    }

    @Override
    public KeyValue create(String key, byte[] value) {
        checkKey(key);
        Objects.requireNonNull(value, "value");
        return write(() -> {
            if (latest(key) != null) {
                throw new StoreException.KeyExists(key);
            }
            long next = revision + 1;
            return commit(new KeyValue(key, value.clone(), next, next, 1), null);
        });
    }

    @Override
    public KeyValue update(String key, byte[] value, long expectedModRevision) {
        checkKey(key);
        Objects.requireNonNull(value, "value");
        return write(() -> {
            KeyValue current = current(key, expectedModRevision, true);
            KeyValue next = new KeyValue(key, value.clone(), current.createRevision(), revision + 1,
                    current.version() + 1);
            return commit(next, current);
        });
    }

    @Override
    public Deleted delete(String key, long expectedModRevision) {
        checkKey(key);
        return write(() -> {
            KeyValue current = current(key, expectedModRevision, expectedModRevision != 0);
            commit(KeyHistory.tombstone(key, revision + 1), current);
            return new Deleted(current, revision);
        });
    }

    @Override
    public StoreWatch watch(String prefix, long fromRevision, WatchListener listener) {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(listener, "listener");
        if (fromRevision < 0) {
            throw new IllegalArgumentException("fromRevision must not be negative: " + fromRevision);
        }
        return write(() -> {
            long from = fromRevision == 0 ? revision + 1 : fromRevision;
            if (from <= compacted) {
                throw new StoreException.Compacted(from, compacted);
            }
            Watcher watcher = new Watcher(prefix, from, listener, this::cancel);
            // Replay and registration happen under the write lock, so no write can fall between
            // the last replayed event and the first live one.
            replay(watcher);
            if (!watcher.closed) {
                watchers.add(prefix, watcher);
            }
            return watcher;
        });
    }

    @Override
    public void compact(long revision) {
        write(() -> {
            if (revision <= compacted) {
                throw new IllegalArgumentException("mvcc: required revision has been compacted (asked "
                        + revision + ", compacted revision " + compacted + ")");
            }
            if (revision > this.revision) {
                throw new IllegalArgumentException("mvcc: required revision is a future revision (asked "
                        + revision + ", current revision " + this.revision + ")");
            }
            // 1. Only keys written at the revisions being compacted have history to drop.
            List<KeyValue> dropped = log.subList(0, (int) (revision - compacted));
            Set<String> touched = new HashSet<>();
            dropped.forEach(kv -> touched.add(kv.key()));
            // 2. Each keeps its newest version at or below the revision, unless that is a tombstone.
            for (String key : touched) {
                KeyHistory history = keys.get(key);
                versions -= history.compact(revision);
                if (history.isEmpty()) {
                    keys.remove(key);
                }
            }
            // 3. Watches can no longer replay from here. Running watches do not need the log.
            dropped.clear();
            compacted = revision;
            return null;
        });
    }

    /** Closes every watch (each listener's onClose is told the store closed); closing twice is harmless. */
    @Override
    public void close() {
        Lock writeLock = lock.writeLock();
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            if (delivering) {
                throw new IllegalStateException("a watch listener must not close the store");
            }
            closed = true;
            for (Watcher watcher : watchers.all()) {
                watcher.end(new StoreException.Unavailable("store closed"));
            }
            watchers.clear();
            keys.clear();
            log.clear();
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Records a write: the new version goes into its key's history and the log, the revision moves
     * to it, and the matching watches see the event.
     */
    private KeyValue commit(KeyValue kv, KeyValue prev) {
        keys.computeIfAbsent(kv.key(), k -> new KeyHistory()).append(kv);
        log.add(kv);
        revision = kv.modRevision();
        versions++;
        boolean deleted = KeyHistory.isTombstone(kv);
        if (deleted) {
            liveKeys--;
        } else if (prev == null) {
            liveKeys++;
        }
        List<Watcher> targets = watchers.matching(kv.key());
        if (!targets.isEmpty()) {
            WatchEvent event = new WatchEvent(deleted ? WatchEvent.Type.DELETE : WatchEvent.Type.PUT, kv, prev);
            delivering = true;
            try {
                targets.forEach(watcher -> watcher.deliver(event));
            } finally {
                delivering = false;
            }
        }
        return kv;
    }

    /** Sends a new watch the retained events from its start revision on. */
    private void replay(Watcher watcher) {
        delivering = true;
        try {
            for (long r = Math.max(watcher.fromRevision, compacted + 1); r <= revision && !watcher.closed; r++) {
                KeyValue kv = log.get((int) (r - compacted - 1));
                if (kv.key().startsWith(watcher.prefix)) {
                    KeyValue prev = keys.get(kv.key()).before(r);
                    WatchEvent.Type type = KeyHistory.isTombstone(kv) ? WatchEvent.Type.DELETE : WatchEvent.Type.PUT;
                    watcher.deliver(new WatchEvent(type, kv, prev));
                }
            }
        } finally {
            delivering = false;
        }
    }

    /** The key's live value, which must exist and, if {@code compare}, have the expected modRevision. */
    private KeyValue current(String key, long expectedModRevision, boolean compare) {
        KeyValue current = latest(key);
        if (current == null) {
            throw new StoreException.KeyNotFound(key);
        }
        if (compare && current.modRevision() != expectedModRevision) {
            throw new StoreException.RevisionMismatch(key, expectedModRevision, current);
        }
        return current;
    }

    private KeyValue latest(String key) {
        KeyHistory history = keys.get(key);
        return history == null ? null : history.latest();
    }

    /** The revision a read asked for (0 for the latest), checked against the retained history. */
    private long readableRevision(long asked) {
        if (asked == 0) {
            return revision;
        }
        if (asked < 0) {
            throw new IllegalArgumentException("revision must not be negative: " + asked);
        }
        if (asked <= compacted) {
            throw new StoreException.Compacted(asked, compacted);
        }
        if (asked > revision) {
            throw new StoreException.FutureRevision(asked, revision);
        }
        return asked;
    }

    private static void checkKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key must not be empty");
        }
    }

    private <T> T read(Supplier<T> body) {
        Lock readLock = lock.readLock();
        readLock.lock();
        try {
            checkOpen();
            return body.get();
        } finally {
            readLock.unlock();
        }
    }

    private <T> T write(Supplier<T> body) {
        Lock writeLock = lock.writeLock();
        writeLock.lock();
        try {
            checkOpen();
            if (delivering) {
                // Same thread, inside a listener: a nested write would reach other watchers
                // before the event being delivered, out of revision order.
                throw new IllegalStateException("a watch listener must not write to the store");
            }
            return body.get();
        } finally {
            writeLock.unlock();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("store is closed");
        }
    }

    /**
     * Closes a watch for its owner. It takes the write lock, so once it returns on another thread
     * no delivery to the watch is under way or still to come.
     */
    private void cancel(Watcher watcher) {
        Lock writeLock = lock.writeLock();
        writeLock.lock();
        try {
            if (!watcher.closed) {
                watcher.closed = true;
                watchers.remove(watcher.prefix, watcher);
            }
        } finally {
            writeLock.unlock();
        }
    }
}
