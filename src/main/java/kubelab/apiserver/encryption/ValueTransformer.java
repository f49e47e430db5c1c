package kubelab.apiserver.encryption;

/**
 * Turns a resource's value into what the store keeps, and back. The storage key goes along, so an
 * encrypting transformer can bind the ciphertext to it: a value copied under another key must not
 * decrypt there.
 *
 * <p>Real Kubernetes: {@code k8s.io/apiserver/pkg/storage/value.Transformer}
 * ({@code TransformToStorage}, {@code TransformFromStorage}).
 */
public interface ValueTransformer {

    /** The bytes to store for {@code plain} under {@code storageKey}. */
    byte[] toStorage(byte[] plain, String storageKey);

    /**
     * The plain value of bytes read from {@code storageKey}.
     *
     * @throws DecryptionException if the bytes cannot be read with the configured providers and keys
     */
    byte[] fromStorage(byte[] stored, String storageKey);

    /**
     * True if stored bytes were not written the way a write would write them now (another
     * provider or an older key): rewriting the value brings it up to date.
     */
    boolean isStale(byte[] stored);
}
