package kubelab.apiserver.encryption;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Which resources the API server encrypts before they reach the store, and with what: the file
 * kube-apiserver reads with {@code --encryption-provider-config}, in the same format.
 *
 * <pre>{@code
 * apiVersion: apiserver.config.k8s.io/v1
 * kind: EncryptionConfiguration
 * resources:
 *   - resources: [secrets]           # or configmaps, deployments.apps, ...
 *     providers:                     # the first one encrypts every write
 *       - aesgcm:
 *           keys:                    # the first key encrypts; every listed key decrypts
 *             - name: key1
 *               secret: <base64 of 16, 24 or 32 random bytes>
 *       - identity: {}               # reads values stored before encryption was on
 * }</pre>
 *
 * Each entry lists resources and an ordered list of providers. A write uses the first provider
 * (and, for {@code aesgcm}, its first key); a read picks the provider and key named in the stored
 * value's prefix. A resource no entry lists is stored as plain JSON.
 *
 * <p>Supported providers: {@code aesgcm} and {@code identity}. {@code aescbc}, {@code secretbox}
 * and {@code kms} are refused with a message saying so; wildcards ({@code *.*}, {@code *.apps})
 * are refused too: list each resource.
 *
 * <p>Real Kubernetes: {@code apiserver.config.k8s.io/v1 EncryptionConfiguration}, loaded by
 * {@code k8s.io/apiserver/pkg/server/options/encryptionconfig}.
 */
public record EncryptionConfiguration(List<ResourceConfiguration> resources) {

    /** The file name in a data directory. */
    public static final String FILE_NAME = "encryption-config.yaml";
    public static final String API_VERSION = "apiserver.config.k8s.io/v1";
    public static final String KIND = "EncryptionConfiguration";

    private static final int GENERATED_KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    public EncryptionConfiguration {
        resources = List.copyOf(resources);
    }

    /**
     * One entry of {@code resources}: these resources, with these providers in this order.
     *
     * @param resources resource names as the API names them: {@code secrets}, {@code deployments.apps}
     * @param providers at least one; the first encrypts writes
     */
    public record ResourceConfiguration(List<String> resources, List<Provider> providers) {
        public ResourceConfiguration {
            resources = List.copyOf(resources);
            providers = List.copyOf(providers);
        }
    }

    /** One item of {@code providers}. */
    public sealed interface Provider permits AesGcm, Identity {
        /** The provider's name as the file spells it. */
        String name();
    }

    /** AES in Galois/Counter Mode: authenticated encryption with a random 12-byte nonce per write. */
    public record AesGcm(List<Key> keys) implements Provider {
        public AesGcm {
            keys = List.copyOf(keys);
        }

        @Override
        public String name() {
            return "aesgcm";
        }
    }

    /** No encryption: writes plain values; reads values that carry no {@code k8s:enc:} prefix. */
    public record Identity() implements Provider {
        @Override
        public String name() {
            return "identity";
        }
    }

    /** A named key. Its secret bytes never appear in {@link #toString()}. */
    public record Key(String name, byte[] secret) {
        public Key {
            Objects.requireNonNull(name, "name");
            secret = secret.clone();
        }

        @Override
        public byte[] secret() {
            return secret.clone();
        }

        @Override
        public String toString() {
            return "Key[" + name + ", " + secret.length * 8 + " bits]";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.name.equals(name) && java.util.Arrays.equals(k.secret, secret);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }
    }

    /**
     * Reads a configuration from YAML text; {@code source} names it in errors (a file name).
     *
     * @throws EncryptionConfigurationException listing every problem found
     */
    public static EncryptionConfiguration parse(String text, String source) {
        return new EncryptionConfigParser(source).parse(text);
    }

    /**
     * Reads a configuration file.
     *
     * @throws IOException if it cannot be read
     * @throws EncryptionConfigurationException if it is not a valid configuration
     */
    public static EncryptionConfiguration load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Loads {@code dataDir/encryption-config.yaml}; if there is none, first writes one (mode
     * {@code rw-------}) that encrypts Secrets with {@code aesgcm} under a fresh random 32-byte key
     * named {@code key1}, with {@code identity} after it, so Secrets written before encryption was
     * on can still be read.
     *
     * @throws IOException if the file cannot be read or written
     * @throws EncryptionConfigurationException if an existing file is not a valid configuration
     */
    public static EncryptionConfiguration loadOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.notExists(file)) {
            byte[] key = new byte[GENERATED_KEY_BYTES];
            RANDOM.nextBytes(key);
            writeOwnerOnly(file, generatedFile(key));
        }
        return load(file);
    }

    /** The file {@link #loadOrCreate} writes, as a learner following the Kubernetes task would. */
    static String generatedFile(byte[] key) {
        return """
                # Encryption at rest for the API server (kube-apiserver --encryption-provider-config).
                # Secrets are stored as k8s:enc:aesgcm:v1:key1:<nonce><ciphertext>; identity reads
                # Secrets written before encryption was turned on.
                # To rotate: add key2 below key1 and restart; move key2 first and restart; rewrite
                # every Secret; then remove key1 and restart.
                apiVersion: %s
                kind: %s
                resources:
                  - resources:
                      - secrets
                    providers:
                      - aesgcm:
                          keys:
                            - name: key1
                              secret: %s
                      - identity: {}
                """.formatted(API_VERSION, KIND, Base64.getEncoder().encodeToString(key));
    }

    /** Writes a temporary file that is owner-only from its first byte, then renames it into place. */
    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(tmp); // e.g. Windows: the directory's ACL decides
        }
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file);
        }
    }
}
