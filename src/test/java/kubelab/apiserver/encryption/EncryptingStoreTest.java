package kubelab.apiserver.encryption;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import kubelab.store.MemoryStore;
import kubelab.store.Store;
import kubelab.store.StoreContract;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The whole store contract, run through the encrypting decorator with {@code pods} encrypted (the
 * contract writes under {@code /registry/pods/}): every test passes only if encryption is
 * invisible from above.
 */
class EncryptingStoreTest extends StoreContract {
    static final String CONFIG = """
            apiVersion: apiserver.config.k8s.io/v1
            kind: EncryptionConfiguration
            resources:
              - resources: [pods, secrets]
                providers:
                  - aesgcm:
                      keys:
                        - name: key1
                          secret: MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=
            """;

    private MemoryStore memory;

    @Override
    protected Store newStore() {
        memory = new MemoryStore();
        return EncryptingStore.wrap(memory, EncryptionConfiguration.parse(CONFIG, "test-config.yaml"));
    }

    @Test
    @DisplayName("under the contract suite, the store underneath really holds ciphertext")
    void innerStoreHoldsCiphertext() {
        store.create("/registry/pods/default/web", "{\"kind\":\"Pod\"}".getBytes(StandardCharsets.UTF_8));
        store.create("/registry/services/default/web", "{\"kind\":\"Service\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(memory.get("/registry/pods/default/web").orElseThrow().valueAsString())
                .startsWith("k8s:enc:aesgcm:v1:key1:").doesNotContain("Pod");
        assertThat(memory.get("/registry/services/default/web").orElseThrow().valueAsString())
                .as("resources the configuration does not list pass through").isEqualTo("{\"kind\":\"Service\"}");
    }
}
