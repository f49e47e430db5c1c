package kubelab.api.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import kubelab.api.serialization.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Secret {@code data} and ConfigMap {@code binaryData} are base64 text on the wire; the records keep
 * that text exactly and decode it on request.
 */
@Tag("chapter1")
class SecretAndConfigMapTest {

    @Test
    @DisplayName("the documentation's Secret keeps its base64 text exactly and decodes to my-app and 39528$vdg7Jb")
    void documentationSecret() {
        JsonNode manifest = ExampleManifests.ofKind("v1", "Secret").stream()
                .filter(d -> d.file().equals("pods/inject/secret.yaml")).findFirst().orElseThrow().tree();

        Secret secret = ExampleManifests.assertRoundTrips(manifest, Secret.class);

        assertThat(secret.data()).containsEntry("username", "bXktYXBw").containsEntry("password", "Mzk1MjgkdmRnN0pi");
        assertThat(secret.stringValue("username")).isEqualTo("my-app");
        assertThat(secret.stringValue("password")).isEqualTo("39528$vdg7Jb");
        assertThat(secret.stringValue("missing")).isNull();
    }

    @Test
    @DisplayName("Secret bytes that are not UTF-8 text, such as CR LF, come back byte for byte")
    void binaryBytes() {
        Secret secret = Json.fromTree(ExampleManifests.yaml("""
                apiVersion: v1
                kind: Secret
                metadata: {name: dotfile-secret}
                data:
                  .secret-file: dmFsdWUtMg0KDQo=
                """), Secret.class);

        assertThat(secret.bytes(".secret-file")).isEqualTo("value-2\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(Json.toTree(secret).path("data").path(".secret-file").asText()).isEqualTo("dmFsdWUtMg0KDQo=");
    }

    @Test
    @DisplayName("a Secret value that is not base64 fails to decode, as the API server rejects it")
    void notBase64() {
        JsonNode manifest = ExampleManifests.yaml("""
                apiVersion: v1
                kind: Secret
                metadata: {name: bad}
                data: {password: "not base64!"}
                """);

        assertThatThrownBy(() -> Json.fromTree(manifest, Secret.class))
                .hasStackTraceContaining("data[password]: illegal base64 data");
    }

    @Test
    @DisplayName("Secret.of base64-encodes text values, as kubectl create secret generic --from-literal does")
    void ofEncodes() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("username", "my-app");
        values.put("password", "39528$vdg7Jb");

        Secret secret = Secret.of("default", "test-secret", SecretType.OPAQUE, values);

        assertThat(Json.toYaml(secret)).isEqualTo("""
                apiVersion: v1
                kind: Secret
                metadata:
                  name: test-secret
                  namespace: default
                data:
                  username: bXktYXBw
                  password: Mzk1MjgkdmRnN0pi
                type: Opaque
                """);
    }

    @Test
    @DisplayName("stringData is merged into data as base64, winning over a data value of the same key, then dropped")
    void stringDataMerged() {
        Secret secret = Json.fromTree(ExampleManifests.yaml("""
                apiVersion: v1
                kind: Secret
                metadata: {name: mixed}
                data: {username: YWRtaW4=, password: b2xk}
                stringData: {password: new}
                """), Secret.class);

        Secret stored = secret.withStringDataMerged();

        assertThat(stored.stringData()).isEmpty();
        assertThat(stored.stringValue("username")).isEqualTo("admin");
        assertThat(stored.stringValue("password")).isEqualTo("new");
        assertThat(secret.stringValue("password")).as("the original is unchanged").isEqualTo("old");
    }

    @Test
    @DisplayName("two Secrets with the same data are equal, because values are kept as text, not byte arrays")
    void valueEquality() {
        Secret a = Secret.of("ns", "s", null, Map.of("k", "v"));
        Secret b = Json.fromBytes(Json.toBytes(a), Secret.class);

        assertThat(b).isEqualTo(a).hasSameHashCodeAs(a);
    }

    @Test
    @DisplayName("a ConfigMap keeps text in data and base64 in binaryData, and decodes the binary value")
    void configMapBinaryData() {
        ConfigMap cm = ExampleManifests.assertRoundTrips(ExampleManifests.yaml("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: mixed, namespace: default}
                immutable: true
                data: {greeting: hello}
                binaryData: {blob: AAEC/w==}
                """), ConfigMap.class);

        assertThat(cm.isImmutable()).isTrue();
        assertThat(cm.data()).containsExactly(Map.entry("greeting", "hello"));
        assertThat(cm.binaryValue("blob")).containsExactly(0, 1, 2, 255);
    }

    @Test
    @DisplayName("ConfigMap.of prints as the documentation's configmaps.yaml, keys in the given order")
    void configMapPrints() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("special.how", "very");
        data.put("special.type", "charm");

        assertThat(Json.toYaml(ConfigMap.of("default", "special-config", data))).isEqualTo("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: special-config
                  namespace: default
                data:
                  special.how: very
                  special.type: charm
                """);
    }
}
