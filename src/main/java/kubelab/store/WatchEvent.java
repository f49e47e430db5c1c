package kubelab.store;

/**
 * One change seen by a watch: a PUT (create or update) or a DELETE, the key's new state and, when
 * there was one, its state just before.
 *
 * <p>For a DELETE, {@code kv} has the key, an empty value and the revision of the deletion;
 * {@code prevKv} holds the last value.
 *
 * <p>Real Kubernetes: etcd's {@code mvccpb.Event} with {@code prev_kv}.
 */
public record WatchEvent(Type type, KeyValue kv, KeyValue prevKv) {

    public enum Type { PUT, DELETE }

    /** The revision at which this change happened. */
    public long revision() {
        return kv.modRevision();
    }

    /** True for a PUT that created the key. */
    public boolean isCreate() {
        return type == Type.PUT && kv.createRevision() == kv.modRevision();
    }
}
