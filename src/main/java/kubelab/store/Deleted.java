package kubelab.store;

/**
 * What a delete answers: the key's last value and the revision the deletion got (the API server
 * reports a deleted object at that revision).
 *
 * <p>Real Kubernetes: etcd's {@code DeleteRangeResponse} ({@code header.revision} and {@code prev_kvs}).
 */
public record Deleted(KeyValue prevKv, long revision) {
}
