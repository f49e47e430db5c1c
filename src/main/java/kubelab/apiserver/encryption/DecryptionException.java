package kubelab.apiserver.encryption;

/**
 * A stored value that cannot be turned back into plain text: it names the storage key and the
 * reason (the key that encrypted it is no longer configured, the value was moved under another
 * storage key or changed, or a plain value where no {@code identity} provider allows one). The API
 * server answers such a read with 500 Internal Error, as Kubernetes does.
 *
 * <p>Real Kubernetes: the errors of {@code k8s.io/apiserver/pkg/storage/value}'s prefix
 * transformers, surfaced by {@code storage/etcd3} as an internal error.
 */
public final class DecryptionException extends RuntimeException {
    private final String storageKey;

    DecryptionException(String storageKey, String reason) {
        super("cannot decrypt " + storageKey + ": " + reason, null, false, false);
        this.storageKey = storageKey;
    }

    /** The store key whose value could not be read. */
    public String storageKey() {
        return storageKey;
    }
}
