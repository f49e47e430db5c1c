package kubelab.apiserver.registry.core;

import static kubelab.apiserver.registry.ApiTestServer.causes;
import static kubelab.apiserver.registry.ApiTestServer.refused;
import static kubelab.apiserver.registry.ApiTestServer.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import kubelab.api.core.ConfigMap;
import kubelab.api.core.Secret;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.ListOptions;
import kubelab.apiserver.registry.ApiTestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class ConfigMapAndSecretStrategyTest {
    private final ApiTestServer server = new ApiTestServer();

    @Test
    @DisplayName("a ConfigMap key must be usable as a file name")
    void badKey() {
        ConfigMap cm = ConfigMap.of("default", "cfg", Map.of("app/config", "x"));

        ApiException e = refused(() -> server.create(cm));

        assertThat(causes(e)).containsExactly("data[app/config]: Invalid value: \"app/config\": a valid config key must "
                + "consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', "
                + "regex used for validation is '[-._a-zA-Z0-9]+')");
    }

    @Test
    @DisplayName("a key may not be in both data and binaryData")
    void duplicateKey() {
        ConfigMap cm = yaml("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: cfg, namespace: default}
                data: {logo: text}
                binaryData: {logo: aGVsbG8=}
                """, ConfigMap.class);

        ApiException e = refused(() -> server.create(cm));

        assertThat(causes(e)).containsExactly("data[logo]: Invalid value: \"logo\": duplicate of key present in binaryData");
    }

    @Test
    @DisplayName("a ConfigMap over 1 MiB is refused: it must fit in one etcd value")
    void tooBig() {
        ConfigMap cm = ConfigMap.of("default", "big", Map.of("a", "x".repeat(600_000), "b", "y".repeat(600_000)));

        ApiException e = refused(() -> server.create(cm));

        assertThat(e.getMessage()).isEqualTo("ConfigMap \"big\" is invalid: []: Too long: may not be more than 1048576 bytes");
        assertThat(server.create(ConfigMap.of("default", "fits", Map.of("a", "x".repeat(1_048_576)))).data())
                .containsKey("a");
    }

    @Test
    @DisplayName("an immutable ConfigMap's data cannot change, and it cannot be made mutable again")
    void immutable() {
        ConfigMap stored = server.create(yaml("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: frozen, namespace: default}
                data: {company_name: ACME}
                immutable: true
                """, ConfigMap.class));

        ApiException changed = refused(() -> server.api.update(stored.withData(Map.of("company_name", "Other"))));
        ApiException unfrozen = refused(() -> server.api.update(new ConfigMap(null, null, stored.metadata(), false,
                stored.data(), null)));
        ConfigMap relabelled = server.api.update(stored.withMetadata(stored.metadata().withLabel("team", "a")));

        assertThat(causes(changed)).containsExactly("data: Forbidden: field is immutable when `immutable` is set");
        assertThat(causes(unfrozen)).containsExactly("immutable: Forbidden: field is immutable when `immutable` is set");
        assertThat(relabelled.metadata().labels()).containsEntry("team", "a");
    }

    @Test
    @DisplayName("a Secret's stringData is stored as base64 data, and its type defaults to Opaque")
    void stringData() {
        Secret stored = server.create(yaml("""
                apiVersion: v1
                kind: Secret
                metadata: {name: creds, namespace: default}
                stringData:
                  username: admin
                """, Secret.class));

        assertThat(stored.data()).containsEntry("username", "YWRtaW4=");
        assertThat(stored.stringData()).isEmpty();
        assertThat(stored.type()).isEqualTo("Opaque");
        assertThat(server.api.get(Secret.class, "default", "creds").stringValue("username")).isEqualTo("admin");
    }

    @Test
    @DisplayName("a kubernetes.io/tls Secret must hold tls.crt and tls.key")
    void tlsKeys() {
        Secret secret = Secret.of("default", "tls", "kubernetes.io/tls", Map.of("tls.crt", "cert"));

        ApiException e = refused(() -> server.create(secret));

        assertThat(causes(e)).containsExactly("data[tls.key]: Required value");
    }

    @Test
    @DisplayName("a dockerconfigjson Secret must hold JSON, and the error does not echo it")
    void dockerConfigJson() {
        Secret secret = Secret.of("default", "pull", "kubernetes.io/dockerconfigjson", Map.of(".dockerconfigjson", "not json"));

        ApiException e = refused(() -> server.create(secret));

        assertThat(causes(e)).containsExactly("data[.dockerconfigjson]: Invalid value: \"<secret contents redacted>\": "
                + "invalid character 'o' in literal null (expecting 'u')");
    }

    @Test
    @DisplayName("a Secret's type cannot change")
    void typeImmutable() {
        Secret stored = server.create(Secret.of("default", "s", null, Map.of("username", "b")));
        Secret retyped = new Secret(null, null, stored.metadata(), null, stored.data(), null, "kubernetes.io/basic-auth");

        ApiException e = refused(() -> server.api.update(retyped));

        assertThat(causes(e)).containsExactly("type: Invalid value: \"kubernetes.io/basic-auth\": field is immutable");
    }

    @Test
    @DisplayName("Secrets can be selected by type")
    void fieldSelector() {
        server.create(Secret.of("default", "plain", null, Map.of("a", "b")));
        server.create(Secret.of("default", "login", "kubernetes.io/basic-auth", Map.of("username", "u")));

        var list = server.api.list(Secret.class, "default", ListOptions.ALL.withFieldSelector("type=kubernetes.io/basic-auth"));

        assertThat(list.items()).extracting(s -> s.metadata().name()).containsExactly("login");
    }
}
