/**
 * Encryption at rest: Secrets (and any other resource the configuration lists) are stored
 * encrypted, whatever the store underneath.
 *
 * <p>What lives here: {@link kubelab.apiserver.encryption.EncryptionConfiguration}, the
 * {@code encryption-config.yaml} file in kube-apiserver's format; a
 * {@link kubelab.apiserver.encryption.PrefixTransformer} per configured entry, which writes with
 * the first provider and reads by the {@code k8s:enc:aesgcm:v1:<key>:} prefix; and
 * {@link kubelab.apiserver.encryption.EncryptingStore}, a {@link kubelab.store.Store} decorator that
 * applies the transformers to values on their way in and out.
 *
 * <p>Who talks to it: the serve command wraps the API server's store once at start-up; above it the
 * API server sees plain JSON, below it the store (memory, write-ahead log, etcd) sees ciphertext.
 *
 * <p>Why it is shaped this way: encryption sits at the one place every value passes, between the
 * API server and the store, so no registry or backend needs to know about it, and the store
 * contract suite proves the decorator changes nothing else.
 *
 * <p>Real Kubernetes: {@code k8s.io/apiserver/pkg/storage/value} (transformers, {@code encrypt/aes})
 * and {@code pkg/server/options/encryptionconfig}.
 */
package kubelab.apiserver.encryption;
