package kubelab.apiserver.encryption;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kubelab.apiserver.encryption.EncryptionConfiguration.AesGcm;
import kubelab.apiserver.encryption.EncryptionConfiguration.Identity;
import kubelab.apiserver.encryption.EncryptionConfiguration.Key;
import kubelab.apiserver.encryption.EncryptionConfiguration.Provider;

/**
 * The value transformer of one entry of an {@link EncryptionConfiguration}: its providers, in
 * order. Every encrypted value starts with a readable prefix that says who can decrypt it,
 * {@code k8s:enc:aesgcm:v1:<key name>:}, followed by the nonce and the ciphertext.
 *
 * <ol>
 *   <li>A write uses the first provider: {@code aesgcm} encrypts with its first key and puts that
 *       key's prefix in front; {@code identity} stores the plain value.</li>
 *   <li>A read looks at the prefix: {@code k8s:enc:aesgcm:v1:key1:} is decrypted with the key named
 *       {@code key1}, whichever position it has now. A value with no {@code k8s:enc:} prefix is
 *       plain, and is read only if an {@code identity} provider is listed.</li>
 * </ol>
 * Because reads follow the prefix and writes follow the order, keys can be rotated without a moment
 * in which some value cannot be read.
 *
 * <p>Real Kubernetes: {@code value.NewPrefixTransformers} in {@code k8s.io/apiserver/pkg/storage/value},
 * built per resource by {@code k8s.io/apiserver/pkg/server/options/encryptionconfig}.
 */
public final class PrefixTransformer implements ValueTransformer {
    /** What every encrypted value starts with; a plain JSON value starts with '{'. */
    public static final String ENCRYPTED = "k8s:enc:";
    static final String AESGCM_V1 = ENCRYPTED + "aesgcm:v1:";

    private final String resources;
    private final Provider writer;
    private final byte[] writePrefix;
    private final AesGcmTransformer writeKey;
    private final Map<String, AesGcmTransformer> readKeys = new LinkedHashMap<>();
    private final boolean readsPlain;

    /**
     * @param resources the resources it serves, for error messages ({@code secrets})
     * @param providers in the file's order; at least one
     */
    public PrefixTransformer(String resources, List<Provider> providers) {
        if (providers.isEmpty()) {
            throw new IllegalArgumentException("a transformer needs at least one provider");
        }
        this.resources = resources;
        this.writer = providers.get(0);
        boolean identity = false;
        for (Provider provider : providers) {
            if (provider instanceof AesGcm aes) {
                for (Key key : aes.keys()) {
                    // The same key name in two aesgcm providers: the first listed decrypts, as in Kubernetes.
                    readKeys.putIfAbsent(key.name(), new AesGcmTransformer(key.name(), key.secret()));
                }
            } else if (provider instanceof Identity) {
                identity = true;
            }
        }
        this.readsPlain = identity;
        if (writer instanceof AesGcm aes) {
            if (aes.keys().isEmpty()) {
                throw new IllegalArgumentException("the aesgcm provider that encrypts " + resources + " has no keys");
            }
            String first = aes.keys().get(0).name();
            this.writeKey = readKeys.get(first);
            this.writePrefix = bytes(AESGCM_V1 + first + ":");
        } else {
            this.writeKey = null;
            this.writePrefix = new byte[0];
        }
    }

    // tag::prefix-transformer[]
    @Override
    public byte[] toStorage(byte[] plain, String storageKey) {
        if (writeKey == null) {
            return plain.clone();
        }
        byte[] sealed = writeKey.encrypt(plain, storageKey);
        byte[] stored = Arrays.copyOf(writePrefix, writePrefix.length + sealed.length);
        System.arraycopy(sealed, 0, stored, writePrefix.length, sealed.length);
        return stored;
    }
    // end::prefix-transformer[]

    @Override
    public byte[] fromStorage(byte[] stored, String storageKey) {
        if (!startsWith(stored, ENCRYPTED)) {
            if (readsPlain) {
                return stored.clone();
            }
            throw new DecryptionException(storageKey, "it is stored unencrypted (no " + ENCRYPTED
                    + " prefix), and the encryption configuration for " + resources
                    + " lists no identity provider to read plain values");
        }
        if (!startsWith(stored, AESGCM_V1)) {
            throw new DecryptionException(storageKey, "it was written by provider " + describePrefix(stored)
                    + ", which the encryption configuration for " + resources + " does not list");
        }
        int end = indexOf(stored, (byte) ':', AESGCM_V1.length());
        if (end < 0) {
            throw new DecryptionException(storageKey, "its " + AESGCM_V1 + " prefix names no key");
        }
        String keyName = new String(stored, AESGCM_V1.length(), end - AESGCM_V1.length(), StandardCharsets.UTF_8);
        AesGcmTransformer key = readKeys.get(keyName);
        if (key == null) {
            throw new DecryptionException(storageKey, "it was encrypted with aesgcm key \"" + keyName
                    + "\", which the encryption configuration for " + resources + " no longer lists"
                    + (readKeys.isEmpty() ? "" : " (it lists " + String.join(", ", readKeys.keySet()) + ")"));
        }
        return key.decrypt(stored, end + 1, storageKey);
    }

    @Override
    public boolean isStale(byte[] stored) {
        if (writeKey == null) {
            return startsWith(stored, ENCRYPTED);
        }
        return !startsWith(stored, writePrefix);
    }

    @Override
    public String toString() {
        return "PrefixTransformer[" + resources + ", writes with " + writer.name()
                + (writeKey != null ? " key " + writeKey.name() : "") + "]";
    }

    /** {@code aescbc:v1} from {@code k8s:enc:aescbc:v1:key1:...}, for messages. */
    private static String describePrefix(byte[] stored) {
        int from = ENCRYPTED.length();
        int colon = indexOf(stored, (byte) ':', from);
        int next = colon < 0 ? -1 : indexOf(stored, (byte) ':', colon + 1);
        int end = next >= 0 ? next : colon >= 0 ? colon : Math.min(stored.length, from + 16);
        return new String(stored, from, end - from, StandardCharsets.UTF_8);
    }

    private static boolean startsWith(byte[] value, String prefix) {
        return startsWith(value, bytes(prefix));
    }

    private static boolean startsWith(byte[] value, byte[] prefix) {
        return value.length >= prefix.length && Arrays.equals(value, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static int indexOf(byte[] value, byte b, int from) {
        // Key names are short; do not scan far into the binary ciphertext.
        for (int i = from; i < Math.min(value.length, from + 256); i++) {
            if (value[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
