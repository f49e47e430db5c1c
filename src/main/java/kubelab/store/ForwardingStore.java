package kubelab.store;

import java.util.Optional;

/**
 * A store that hands every call to another store: the base of a store that changes only a few of
 * the calls (a hand-off of watch events, a test's store that breaks its watches), which then
 * overrides just those.
 *
 * <p>Real Kubernetes: none in the apiserver; Guava's {@code Forwarding*} classes are the pattern.
 */
public abstract class ForwardingStore implements Store {
    private final Store delegate;

    protected ForwardingStore(Store delegate) {
        this.delegate = delegate;
    }

    /** The store every call goes to. */
    protected Store delegate() {
        return delegate;
    }

    @Override
    public long currentRevision() {
        return delegate.currentRevision();
    }

    @Override
    public long compactedRevision() {
        return delegate.compactedRevision();
    }

    @Override
    public Optional<KeyValue> get(String key) {
        return delegate.get(key);
    }

    @Override
    public Optional<KeyValue> get(String key, long revision) {
        return delegate.get(key, revision);
    }

    @Override
    public RangeResult range(String prefix, String startKey, long revision, int limit) {
        return delegate.range(prefix, startKey, revision, limit);
    }

    @Override
    public KeyValue create(String key, byte[] value) {
        return delegate.create(key, value);
    }

    @Override
    public KeyValue update(String key, byte[] value, long expectedModRevision) {
        return delegate.update(key, value, expectedModRevision);
    }

    @Override
    public Deleted delete(String key, long expectedModRevision) {
        return delegate.delete(key, expectedModRevision);
    }

    @Override
    public StoreWatch watch(String prefix, long fromRevision, WatchListener listener) {
        return delegate.watch(prefix, fromRevision, listener);
    }

    @Override
    public boolean notifiesBeforeReturn() {
        return delegate.notifiesBeforeReturn();
    }

    @Override
    public void compact(long revision) {
        delegate.compact(revision);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
