package kubelab.apiserver.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import kubelab.apiserver.encryption.EncryptionConfiguration.AesGcm;
import kubelab.apiserver.encryption.EncryptionConfiguration.Identity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading encryption-config.yaml: the real format, and a message naming file and field for each mistake. */
class EncryptionConfigurationTest {
    static final String K32 = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    static final String K16 = "c2VjcmV0IGlzIHNlY3VyZQ==";

    static final String GOOD = """
            apiVersion: apiserver.config.k8s.io/v1
            kind: EncryptionConfiguration
            resources:
              - resources:
                  - secrets
                  - configmaps
                providers:
                  - aesgcm:
                      keys:
                        - name: key2
                          secret: %s
                        - name: key1
                          secret: %s
                  - identity: {}
              - resources: [deployments.apps]
                providers:
                  - identity: {}
            """.formatted(K32, K16);

    @Test
    @DisplayName("a good file gives each entry its resources and providers, in the file's order")
    void parsesGoodFile() {
        EncryptionConfiguration config = EncryptionConfiguration.parse(GOOD, "encryption-config.yaml");

        assertThat(config.resources()).hasSize(2);
        var first = config.resources().get(0);
        assertThat(first.resources()).containsExactly("secrets", "configmaps");
        assertThat(first.providers()).hasSize(2);
        AesGcm aes = (AesGcm) first.providers().get(0);
        assertThat(aes.keys()).extracting(EncryptionConfiguration.Key::name).containsExactly("key2", "key1");
        assertThat(aes.keys().get(0).secret()).hasSize(32);
        assertThat(aes.keys().get(1).secret()).hasSize(16);
        assertThat(aes.keys().get(0).toString()).doesNotContain(K32).isEqualTo("Key[key2, 256 bits]");
        assertThat(first.providers().get(1)).isInstanceOf(Identity.class);
        assertThat(config.resources().get(1).resources()).containsExactly("deployments.apps");
    }

    @Test
    @DisplayName("resource names map onto the key layout: secrets to /registry/secrets/, deployments.apps to /registry/deployments/")
    void resourcesMapToPrefixes() {
        EncryptingStore store = EncryptingStore.wrap(new kubelab.store.MemoryStore(),
                EncryptionConfiguration.parse(GOOD, "encryption-config.yaml"));

        assertThat(EncryptingStore.storagePrefix("secrets")).isEqualTo("/registry/secrets/");
        assertThat(EncryptingStore.storagePrefix("deployments.apps")).isEqualTo("/registry/deployments/");
        assertThat(store.transformerFor("/registry/secrets/default/db")).isPresent();
        assertThat(store.transformerFor("/registry/configmaps/default/app")).isPresent();
        assertThat(store.transformerFor("/registry/deployments/default/web")).isPresent();
        assertThat(store.transformerFor("/registry/secretsx/default/db")).isEmpty();
        assertThat(store.transformerFor("/registry/pods/default/web")).isEmpty();
        assertThat(store.transformerFor("/elsewhere/secrets/default/db")).isEmpty();
    }

    static Stream<Arguments> mistakes() {
        String head = "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\n";
        String one = head + "resources:\n  - resources: [secrets]\n    providers:\n";
        return Stream.of(
                Arguments.of("a short key", one + "      - aesgcm:\n          keys:\n            - name: key1\n              secret: c2hvcnQ=\n",
                        "encryption-config.yaml: resources[0].providers[0].aesgcm.keys[0].secret: must be base64 of 16, 24 or 32 bytes (it decodes to 5 bytes)"),
                Arguments.of("a secret that is not base64", one + "      - aesgcm:\n          keys:\n            - name: key1\n              secret: not*base64\n",
                        "encryption-config.yaml: resources[0].providers[0].aesgcm.keys[0].secret: must be base64 of 16, 24 or 32 bytes (it is not valid base64)"),
                Arguments.of("a key without a name", one + "      - aesgcm:\n          keys:\n            - secret: " + K32 + "\n",
                        "encryption-config.yaml: resources[0].providers[0].aesgcm.keys[0].name: is required"),
                Arguments.of("a key name with a colon", one + "      - aesgcm:\n          keys:\n            - name: a:b\n              secret: " + K32 + "\n",
                        "encryption-config.yaml: resources[0].providers[0].aesgcm.keys[0].name: must not contain ':', which ends the key name in a stored value's prefix"),
                Arguments.of("a key name twice", one + "      - aesgcm:\n          keys:\n            - name: k\n              secret: " + K32
                                + "\n            - name: k\n              secret: " + K16 + "\n",
                        "encryption-config.yaml: resources[0].providers[0].aesgcm.keys[1].name: key \"k\" is listed twice in this provider"),
                Arguments.of("an aesgcm provider with no keys", one + "      - aesgcm:\n          keys: []\n",
                        "encryption-config.yaml: resources[0].providers[0].aesgcm.keys: must not be empty"),
                Arguments.of("aescbc", one + "      - aescbc:\n          keys:\n            - name: key1\n              secret: " + K32 + "\n",
                        "encryption-config.yaml: resources[0].providers[0].aescbc: provider \"aescbc\" is not supported here; kubelab supports aesgcm and identity"),
                Arguments.of("secretbox", one + "      - identity: {}\n      - secretbox:\n          keys: []\n",
                        "encryption-config.yaml: resources[0].providers[1].secretbox: provider \"secretbox\" is not supported here; kubelab supports aesgcm and identity"),
                Arguments.of("kms", one + "      - kms:\n          apiVersion: v2\n          name: vault\n",
                        "encryption-config.yaml: resources[0].providers[0].kms: provider \"kms\" is not supported here; kubelab supports aesgcm and identity"),
                Arguments.of("two providers in one item", one + "      - identity: {}\n        aesgcm:\n          keys: []\n",
                        "encryption-config.yaml: resources[0].providers[0]: names identity and aesgcm: give one provider per list item"),
                Arguments.of("identity with settings", one + "      - identity:\n          keys: []\n",
                        "encryption-config.yaml: resources[0].providers[0].identity: takes no settings: write identity: {}"),
                Arguments.of("no providers", head + "resources:\n  - resources: [secrets]\n",
                        "encryption-config.yaml: resources[0].providers: is required"),
                Arguments.of("a misspelt field", head + "resources:\n  - resources: [secrets]\n    provider:\n      - identity: {}\n",
                        "encryption-config.yaml: resources[0].provider: unknown field (expected resources, providers)"),
                Arguments.of("a wildcard", head + "resources:\n  - resources: ['*.*']\n    providers:\n      - identity: {}\n",
                        "encryption-config.yaml: resources[0].resources[0]: wildcards such as \"*.*\" are not supported here: list each resource"),
                Arguments.of("a resource listed twice", head + "resources:\n  - resources: [secrets]\n    providers:\n      - identity: {}\n"
                                + "  - resources: [configmaps, secrets]\n    providers:\n      - identity: {}\n",
                        "encryption-config.yaml: resources[1].resources[1]: \"secrets\" is already listed at resources[0].resources[0]; each resource may be listed once"),
                Arguments.of("a resource that is not a name", head + "resources:\n  - resources: [Secrets]\n    providers:\n      - identity: {}\n",
                        "encryption-config.yaml: resources[0].resources[0]: \"Secrets\" is not a resource name: use the lowercase plural, with its group if it has one (secrets, deployments.apps)"),
                Arguments.of("the old apiVersion", "apiVersion: v1\nkind: EncryptionConfig\nresources:\n  - resources: [secrets]\n    providers:\n      - identity: {}\n",
                        "encryption-config.yaml: apiVersion: must be apiserver.config.k8s.io/v1, not v1"),
                Arguments.of("no resources", head,
                        "encryption-config.yaml: resources: is required"),
                Arguments.of("not YAML", "resources: [secrets\n",
                        "encryption-config.yaml:1: not valid YAML: while parsing a flow sequence; expected ',' or ']', but got <stream end>"),
                Arguments.of("a list instead of a mapping", "- secrets\n",
                        "encryption-config.yaml: must be a YAML mapping with apiVersion, kind and resources"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    @DisplayName("each mistake is reported with the file and the path of the field")
    void reportsMistakes(String name, String yaml, String message) {
        var error = catchThrowableOfType(EncryptionConfigurationException.class,
                () -> EncryptionConfiguration.parse(yaml, "encryption-config.yaml"));

        assertThat(error).as(name).isNotNull();
        assertThat(error.problems()).anySatisfy(problem -> assertThat(problem).startsWith(message));
    }

    @Test
    @DisplayName("all problems of a file are reported at once, one a line")
    void reportsAllProblems() {
        var error = catchThrowableOfType(EncryptionConfigurationException.class, () -> EncryptionConfiguration.parse("""
                apiVersion: apiserver.config.k8s.io/v1
                kind: EncryptionConfig
                resources:
                  - resources: [secrets]
                    providers:
                      - aescbc: {}
                """, "enc.yaml"));

        assertThat(error.problems()).containsExactly(
                "enc.yaml: kind: must be EncryptionConfiguration, not EncryptionConfig",
                "enc.yaml: resources[0].providers[0].aescbc: provider \"aescbc\" is not supported here; kubelab supports aesgcm and identity");
        assertThat(error).hasMessage(String.join("\n", error.problems()));
    }

    @Test
    @DisplayName("with no file in the data directory, one is written owner-only with a fresh 32-byte key1, and read back the next time")
    void loadOrCreateWritesAFreshKey(@TempDir Path dir) throws Exception {
        EncryptionConfiguration created = EncryptionConfiguration.loadOrCreate(dir);

        Path file = dir.resolve("encryption-config.yaml");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains("kind: EncryptionConfiguration", "- name: key1", "- identity: {}");
        AesGcm aes = (AesGcm) created.resources().get(0).providers().get(0);
        assertThat(created.resources().get(0).resources()).containsExactly("secrets");
        assertThat(aes.keys()).singleElement().satisfies(key -> {
            assertThat(key.name()).isEqualTo("key1");
            assertThat(key.secret()).hasSize(32);
        });

        EncryptionConfiguration again = EncryptionConfiguration.loadOrCreate(dir);
        assertThat(again).isEqualTo(created);
        Path other = Files.createDirectory(dir.resolve("other"));
        assertThat(EncryptionConfiguration.loadOrCreate(other)).as("each data directory gets its own key").isNotEqualTo(created);
    }

    @Test
    @DisplayName("a bad file in the data directory is reported with its path, not replaced")
    void badFileIsNotReplaced(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("encryption-config.yaml");
        Files.writeString(file, "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources: []\n");

        var error = catchThrowableOfType(EncryptionConfigurationException.class, () -> EncryptionConfiguration.loadOrCreate(dir));

        assertThat(error).hasMessage(file + ": resources: must not be empty");
        assertThat(Files.readString(file)).endsWith("resources: []\n");
    }
}
