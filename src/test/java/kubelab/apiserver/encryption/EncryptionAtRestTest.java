package kubelab.apiserver.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import kubelab.api.Scheme;
import kubelab.api.core.Secret;
import kubelab.apiserver.ApiServer;
import kubelab.store.MemoryStore;
import kubelab.time.SimulatedLoop;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Secrets encrypted at rest, seen from both sides: through the API server, which returns them
 * decoded, and in the store underneath, which holds only ciphertext.
 */
class EncryptionAtRestTest {
    static final String PASSWORD = "correct-horse-battery-staple";
    static final String KEY = "/registry/secrets/default/db";

    final MemoryStore memory = new MemoryStore();

    static String key(String name, String sixteenChars) {
        String secret = Base64.getEncoder().encodeToString((sixteenChars + sixteenChars).getBytes(StandardCharsets.UTF_8));
        return "            - name: " + name + "\n              secret: " + secret + "\n";
    }

    /** A configuration for secrets with an aesgcm provider holding these keys, then the rest. */
    static EncryptionConfiguration aesgcm(String keys, String after) {
        return EncryptionConfiguration.parse("""
                apiVersion: apiserver.config.k8s.io/v1
                kind: EncryptionConfiguration
                resources:
                  - resources: [secrets]
                    providers:
                      - aesgcm:
                          keys:
                %s%s""".formatted(keys, after), "encryption-config.yaml");
    }

    static final String KEY1 = key("key1", "0123456789abcdef");
    static final String KEY2 = key("key2", "fedcba9876543210");
    static final String IDENTITY = "      - identity: {}\n";

    ApiServer apiServer(EncryptionConfiguration config) {
        return new ApiServer(EncryptingStore.wrap(memory, config), Scheme.standard(), new SimulatedLoop(1));
    }

    static Secret secret(String name, String password) {
        return Secret.of("default", name, "Opaque", Map.of("password", password));
    }

    String stored(String key) {
        return memory.get(key).orElseThrow().valueAsString();
    }

    @Test
    @DisplayName("the stored bytes of a Secret contain no plaintext value, only the aesgcm prefix and ciphertext")
    void storedBytesHoldNoPlaintext() {
        ApiServer api = apiServer(aesgcm(KEY1, ""));

        api.create(secret("db", PASSWORD));

        String stored = stored(KEY);
        assertThat(stored).startsWith("k8s:enc:aesgcm:v1:key1:")
                .doesNotContain(PASSWORD)
                .doesNotContain(Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8)))
                .doesNotContain("password").doesNotContain("\"kind\"");
    }

    @Test
    @DisplayName("the API returns an encrypted Secret decoded, by get and by list")
    void apiReturnsItDecoded() {
        ApiServer api = apiServer(aesgcm(KEY1, ""));
        api.create(secret("db", PASSWORD));

        assertThat(api.get(Secret.class, "default", "db").stringValue("password")).isEqualTo(PASSWORD);
        assertThat(api.list(Secret.class, "default").items()).singleElement()
                .satisfies(s -> assertThat(s.stringValue("password")).isEqualTo(PASSWORD));
    }

    @Test
    @DisplayName("two writes of the same Secret store different bytes: every write draws a fresh nonce")
    void everyWriteHasAFreshNonce() {
        EncryptingStore store = EncryptingStore.wrap(memory, aesgcm(KEY1, ""));
        byte[] value = "{\"data\":{}}".getBytes(StandardCharsets.UTF_8);

        store.create(KEY, value);
        String first = stored(KEY);
        store.update(KEY, value, memory.currentRevision());

        assertThat(stored(KEY)).isNotEqualTo(first);
        assertThat(store.get(KEY).orElseThrow().value()).isEqualTo(value);
    }

    @Test
    @DisplayName("with identity first, Secrets are stored as plain JSON")
    void identityFirstStoresPlaintext() {
        ApiServer api = apiServer(EncryptionConfiguration.parse("""
                apiVersion: apiserver.config.k8s.io/v1
                kind: EncryptionConfiguration
                resources:
                  - resources: [secrets]
                    providers:
                      - identity: {}
                      - aesgcm:
                          keys:
                %s""".formatted(KEY1), "encryption-config.yaml"));

        api.create(secret("db", PASSWORD));

        assertThat(stored(KEY)).startsWith("{").doesNotContain("k8s:enc:")
                .contains(Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8)));
        assertThat(api.get(Secret.class, "default", "db").stringValue("password")).isEqualTo(PASSWORD);
    }

    @Test
    @DisplayName("a value moved under another storage key does not decrypt: the key is authenticated with it")
    void movedValueDoesNotDecrypt() {
        EncryptingStore store = EncryptingStore.wrap(memory, aesgcm(KEY1, ""));
        store.create(KEY, "{\"data\":{}}".getBytes(StandardCharsets.UTF_8));

        memory.create("/registry/secrets/attacker/copy", memory.get(KEY).orElseThrow().value());

        assertThatThrownBy(() -> store.get("/registry/secrets/attacker/copy"))
                .isInstanceOf(DecryptionException.class)
                .hasMessageContaining("cannot decrypt /registry/secrets/attacker/copy")
                .hasMessageContaining("written under another storage key");
        assertThat(store.get(KEY)).isPresent();
    }

    @Test
    @DisplayName("a value changed by one byte in the store does not decrypt")
    void tamperedValueDoesNotDecrypt() {
        EncryptingStore store = EncryptingStore.wrap(memory, aesgcm(KEY1, ""));
        store.create(KEY, "{\"data\":{}}".getBytes(StandardCharsets.UTF_8));
        byte[] bytes = memory.get(KEY).orElseThrow().value();
        bytes[bytes.length - 1] ^= 1;
        memory.update(KEY, bytes, memory.currentRevision());

        assertThatThrownBy(() -> store.get(KEY)).isInstanceOf(DecryptionException.class)
                .hasMessageContaining("does not authenticate");
    }

    @Test
    @DisplayName("a value encrypted with a key the configuration no longer lists gives an error naming the key")
    void removedKeyGivesClearError() {
        apiServer(aesgcm(KEY1, "")).create(secret("db", PASSWORD));

        EncryptingStore withoutKey1 = EncryptingStore.wrap(memory, aesgcm(KEY2, ""));

        assertThatThrownBy(() -> withoutKey1.get(KEY)).isInstanceOf(DecryptionException.class)
                .hasMessage("cannot decrypt /registry/secrets/default/db: it was encrypted with aesgcm key \"key1\","
                        + " which the encryption configuration for secrets no longer lists (it lists key2)");
    }

    @Test
    @DisplayName("a plain value is refused when the configuration lists no identity provider to read it")
    void plainValueNeedsIdentity() {
        memory.create(KEY, "{\"kind\":\"Secret\"}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> EncryptingStore.wrap(memory, aesgcm(KEY1, "")).get(KEY))
                .isInstanceOf(DecryptionException.class)
                .hasMessageContaining("stored unencrypted").hasMessageContaining("no identity provider");
        assertThat(EncryptingStore.wrap(memory, aesgcm(KEY1, IDENTITY)).get(KEY).orElseThrow().valueAsString())
                .isEqualTo("{\"kind\":\"Secret\"}");
    }

    @Test
    @DisplayName("turning encryption on: Secrets written before stay readable through identity, and a rewrite encrypts them")
    void turningEncryptionOn() {
        apiServer(EncryptionConfiguration.parse("""
                apiVersion: apiserver.config.k8s.io/v1
                kind: EncryptionConfiguration
                resources:
                  - resources: [secrets]
                    providers:
                      - identity: {}
                """, "encryption-config.yaml")).create(secret("db", PASSWORD));
        assertThat(stored(KEY)).startsWith("{");

        EncryptingStore encrypting = EncryptingStore.wrap(memory, aesgcm(KEY1, IDENTITY));
        assertThat(encrypting.rewriteStale()).isEqualTo(1);

        assertThat(stored(KEY)).startsWith("k8s:enc:aesgcm:v1:key1:").doesNotContain("password");
        assertThat(encrypting.rewriteStale()).as("nothing stale is left").isZero();
        assertThat(new ApiServer(encrypting, Scheme.standard(), new SimulatedLoop(1))
                .get(Secret.class, "default", "db").stringValue("password")).isEqualTo(PASSWORD);
    }
}
