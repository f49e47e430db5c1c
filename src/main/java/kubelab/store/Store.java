package kubelab.store;

import java.util.Optional;

/**
 * An etcd-like multi-version key/value store: the cluster's single source of truth. Only the API
 * server talks to it.
 *
 * <h2>The model</h2>
 * Every successful write (create, update, delete) gets the next value of one global, strictly
 * increasing <em>revision</em>. Each key remembers the revision that created it
 * ({@code createRevision}), the revision of its last change ({@code modRevision}) and how many
 * times it has been written since it was created ({@code version}). Past revisions can be read back
 * until they are compacted.
 *
 * <h2>Contract every implementation keeps</h2>
 * <ul>
 *   <li>Writes are linearizable: a write that returned is seen by every later read.</li>
 *   <li>{@link #create} succeeds only if the key is absent; {@link #update} and
 *       {@link #delete} with an expected modRevision succeed only if it still matches
 *       (compare-and-swap). On failure nothing changes.</li>
 *   <li>{@link #watch} delivers every change under a prefix with revision {@code >= fromRevision}
 *       exactly once, in revision order, to each watcher.</li>
 *   <li>Reading or watching at a revision at or below the compacted revision fails with
 *       {@link StoreException.Compacted}.</li>
 *   <li>Implementations are safe to call from many threads.</li>
 * </ul>
 * The contract suite in {@code src/test/java/kubelab/store/StoreContract.java} states each of these
 * as a test and runs against every implementation.
 *
 * <p>Real Kubernetes: etcd v3's KV, Watch and Maintenance services, as wrapped by
 * {@code k8s.io/apiserver/pkg/storage/etcd3}.
 */
public interface Store extends AutoCloseable {

    /** The revision of the latest write (0 for an empty store that has never been written). */
    long currentRevision();

    /** The revision up to which history has been compacted (0 if never compacted). */
    long compactedRevision();

    /** The latest value of a key, if present. */
    Optional<KeyValue> get(String key);

    /**
     * The value a key had at a past revision (0 for the latest).
     *
     * @throws StoreException.Compacted if {@code revision} is at or below the compacted revision
     * @throws StoreException.FutureRevision if {@code revision} is above the current revision
     */
    Optional<KeyValue> get(String key, long revision);

    /**
     * Keys under a prefix in key order, as they were at {@code revision} (0 for the latest).
     *
     * @param startKey start at this key, inclusive, for paging (null for the first key)
     * @param limit    at most this many keys (0 for no limit); {@link RangeResult#more()} says if
     *                 keys were left out
     */
    RangeResult range(String prefix, String startKey, long revision, int limit);

    /** All keys under a prefix at the latest revision. */
    default RangeResult range(String prefix) {
        return range(prefix, null, 0, 0);
    }

    /**
     * Creates a key that must not exist.
     *
     * @return the key as written, with its new revision
     * @throws StoreException.KeyExists if the key exists
     */
    KeyValue create(String key, byte[] value);

    /**
     * Replaces a key's value if its modRevision is still {@code expectedModRevision}.
     *
     * @throws StoreException.KeyNotFound if the key is absent
     * @throws StoreException.RevisionMismatch if the key changed since (carries the current value)
     */
    KeyValue update(String key, byte[] value, long expectedModRevision);

    /**
     * Deletes a key; if {@code expectedModRevision} is not 0, only if it still matches.
     *
     * @return the deleted key's last value and the revision of the deletion
     * @throws StoreException.KeyNotFound if the key is absent
     * @throws StoreException.RevisionMismatch if the key changed since
     */
    Deleted delete(String key, long expectedModRevision);

    /**
     * Watches every key under {@code prefix}. Events with revision {@code >= fromRevision} are
     * delivered in revision order; pass {@code currentRevision() + 1}, or 0 as in etcd, for
     * changes from now on. A {@code fromRevision} above {@code currentRevision() + 1} is allowed:
     * the watch waits for that revision. The listener is called from the store's own context
     * (possibly the writing thread), one event at a time; it must return quickly and must not call
     * back into the store.
     *
     * @throws StoreException.Compacted if {@code fromRevision} is at or below the compacted revision
     */
    StoreWatch watch(String prefix, long fromRevision, WatchListener listener);

    /**
     * Whether every watch hears of a write before the write returns, as with an in-process store
     * whose writing thread calls the listeners. Then a watch cache is never behind the store, and
     * may stamp a bookmark with the store's current revision. A remote store (a real etcd) sends
     * its events some time after the write's reply, so a cache there vouches only for the
     * revisions it has seen.
     */
    default boolean notifiesBeforeReturn() {
        return false;
    }

    /**
     * Drops history at and below {@code revision}: the latest value of every key is kept, older
     * versions and deleted keys are forgotten, and reads or watches there fail as compacted.
     * Watches already running are not affected.
     *
     * @throws IllegalArgumentException if {@code revision} is at or below the compacted revision, or
     *                                  above the current revision (etcd: "mvcc: required revision has
     *                                  been compacted", "mvcc: required revision is a future revision")
     */
    void compact(long revision);

    /**
     * Closes the store and ends every watch (their listeners' {@code onClose} is called). Later
     * calls throw {@link IllegalStateException}; closing twice is harmless.
     */
    @Override
    void close();
}
