package kubelab.apiserver.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import kubelab.apiserver.encryption.EncryptionConfiguration.AesGcm;
import kubelab.apiserver.encryption.EncryptionConfiguration.Identity;
import kubelab.apiserver.encryption.EncryptionConfiguration.Key;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One resource's transformer: the stored layout, AES key sizes, and which values a rewrite would change. */
class PrefixTransformerTest {
    static final String STORAGE_KEY = "/registry/secrets/default/db";
    static final byte[] PLAIN = "{\"kind\":\"Secret\"}".getBytes(StandardCharsets.UTF_8);

    static Key key(String name, int bytes) {
        byte[] secret = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            secret[i] = (byte) (name.hashCode() + i);
        }
        return new Key(name, secret);
    }

    @ParameterizedTest(name = "AES-{0}")
    @ValueSource(ints = {128, 192, 256})
    @DisplayName("a value is stored as prefix + 12-byte nonce + ciphertext + 16-byte tag, and reads back, for every AES key size")
    void storedLayout(int bits) {
        var transformer = new PrefixTransformer("secrets", List.of(new AesGcm(List.of(key("key1", bits / 8)))));

        byte[] stored = transformer.toStorage(PLAIN, STORAGE_KEY);

        String prefix = "k8s:enc:aesgcm:v1:key1:";
        assertThat(new String(stored, 0, prefix.length(), StandardCharsets.UTF_8)).isEqualTo(prefix);
        assertThat(stored).hasSize(prefix.length() + 12 + PLAIN.length + 16);
        assertThat(transformer.fromStorage(stored, STORAGE_KEY)).isEqualTo(PLAIN);
    }

    @Test
    @DisplayName("a value is stale when a write now would store it differently: another key first, or another provider")
    void staleness() {
        var key1First = new PrefixTransformer("secrets", List.of(new AesGcm(List.of(key("key1", 32), key("key2", 32))), new Identity()));
        var key2First = new PrefixTransformer("secrets", List.of(new AesGcm(List.of(key("key2", 32), key("key1", 32))), new Identity()));
        var identityFirst = new PrefixTransformer("secrets", List.of(new Identity(), new AesGcm(List.of(key("key1", 32)))));
        byte[] underKey1 = key1First.toStorage(PLAIN, STORAGE_KEY);

        assertThat(key1First.isStale(underKey1)).isFalse();
        assertThat(key2First.isStale(underKey1)).isTrue();
        assertThat(key2First.isStale(PLAIN)).isTrue();
        assertThat(identityFirst.isStale(underKey1)).isTrue();
        assertThat(identityFirst.isStale(PLAIN)).isFalse();
        assertThat(identityFirst.fromStorage(underKey1, STORAGE_KEY)).as("identity first still reads encrypted values").isEqualTo(PLAIN);
    }

    @Test
    @DisplayName("a value from a provider the configuration does not list is refused with the provider named")
    void unlistedProvider() {
        var transformer = new PrefixTransformer("secrets", List.of(new AesGcm(List.of(key("key1", 32))), new Identity()));
        byte[] fromAescbc = "k8s:enc:aescbc:v1:key1:xxxxxxxxxxxxxxxx".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> transformer.fromStorage(fromAescbc, STORAGE_KEY))
                .isInstanceOf(DecryptionException.class)
                .hasMessage("cannot decrypt /registry/secrets/default/db: it was written by provider aescbc:v1,"
                        + " which the encryption configuration for secrets does not list");
    }
}
