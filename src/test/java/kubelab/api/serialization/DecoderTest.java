package kubelab.api.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import kubelab.api.serialization.TestKinds.ConfigMap;
import kubelab.api.serialization.TestKinds.Lease;
import kubelab.api.serialization.TestKinds.LeaseSpec;
import kubelab.api.serialization.TestKinds.Pod;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("chapter1")
class DecoderTest {

    /** YAML is easier to read in a test; the decoder sees the same tree either way. */
    private static JsonNode yaml(String text) {
        return ManifestReader.read("test.yaml", text).get(0).tree();
    }

    private static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - name: nginx
                image: nginx:1.14.2
                ports:
                - containerPort: 80
              - name: sidecar
                image: busybox
            """;

    @Test
    @DisplayName("a well-formed object decodes without warnings")
    void cleanDecode() {
        Decoded<Pod> d = Decoder.decode(yaml(POD), Pod.class);
        assertThat(d.isClean()).isTrue();
        assertThat(d.value().metadata().name()).isEqualTo("web");
        assertThat(d.value().spec().containers().get(0).ports().get(0).containerPort()).isEqualTo(80);
    }

    @Test
    @DisplayName("an unknown field is a warning naming its path, not a silent drop")
    void unknownFieldIsAWarning() {
        String doc = POD.replace("    image: busybox\n", "    image: busybox\n    imagePullPolicyy: Always\n");
        Decoded<Pod> d = Decoder.decode(yaml(doc), Pod.class);
        assertThat(d.warnings()).containsExactly("unknown field \"spec.containers[1].imagePullPolicyy\"");
        assertThat(d.value().spec().containers().get(1).image()).isEqualTo("busybox");
    }

    @Test
    @DisplayName("an unknown object or list is skipped whole, and the fields after it still decode")
    void unknownSubtreeIsSkipped() {
        String doc = """
                apiVersion: v1
                kind: Pod
                metadata: {name: web, region: eu}
                spec:
                  livenessProbe: {exec: {command: [cat, /tmp/healthy]}}
                  volumes: [{name: data, emptyDir: {}}]
                  containers: [{name: a, image: nginx, ports: [{containerPort: 80, hostPort: 8080}]}]
                  restartPolicy: Never
                """;
        Decoded<Pod> d = Decoder.decode(yaml(doc), Pod.class);
        assertThat(d.warnings()).containsExactly(
                "unknown field \"metadata.region\"",
                "unknown field \"spec.livenessProbe\"",
                "unknown field \"spec.volumes\"",
                "unknown field \"spec.containers[0].ports[0].hostPort\"");
        assertThat(d.value().spec().restartPolicy()).isEqualTo("Never");
        assertThat(d.value().spec().containers().get(0).ports().get(0).containerPort()).isEqualTo(80);
    }

    @Test
    @DisplayName("apiVersion and kind at the top are never unknown, even where a record derives them")
    void typeMetaIsKnown() {
        Decoded<ConfigMap> d = Decoder.decode(yaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\nfoo: 1\n"),
                ConfigMap.class);
        assertThat(d.warnings()).containsExactly("unknown field \"foo\"");
        assertThat(d.value().data()).containsEntry("a", "b");
    }

    @Test
    @DisplayName("a repeated field in JSON is a duplicate-field warning, and the last value wins")
    void duplicateField() {
        byte[] json = """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"a","name":"b"},
                 "spec":{"containers":[{"name":"c","image":"x","image":"y","imagePullPolicyy":"Always"}]}}
                """.getBytes(StandardCharsets.UTF_8);
        Decoded<Pod> d = Decoder.decode(json, Pod.class);
        assertThat(d.warnings()).containsExactly(
                "duplicate field \"metadata.name\"",
                "duplicate field \"spec.containers[0].image\"",
                "unknown field \"spec.containers[0].imagePullPolicyy\"");
        assertThat(d.value().metadata().name()).isEqualTo("b");
        assertThat(d.value().spec().containers().get(0).image()).isEqualTo("y");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a value of the wrong JSON type is an error naming its path")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "containerPort: eighty|spec.containers[0].ports[0].containerPort: expected an integer, got \"eighty\"",
        "containerPort: '80'|spec.containers[0].ports[0].containerPort: expected an integer, got \"80\"",
        "containerPort: 80.5|spec.containers[0].ports[0].containerPort: expected an integer, got 80.5",
        "containerPort: [80]|spec.containers[0].ports[0].containerPort: expected an integer, got a list",
        "containerPort: 80, name: 8080|spec.containers[0].ports[0].name: expected a string, got 8080",
        "containerPort: 80, name: true|spec.containers[0].ports[0].name: expected a string, got true",
        "containerPort: 99999999999|spec.containers[0].ports[0].containerPort: expected a 32-bit integer, got 99999999999",
    })
    void typeMismatch(String port, String message) {
        String doc = "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    ports:\n    - {" + port + "}\n";
        assertThatThrownBy(() -> Decoder.decode(yaml(doc), Pod.class))
                .isInstanceOf(DecodeException.class)
                .hasMessage(message);
    }

    @Test
    @DisplayName("a ConfigMap value written as a bare number is rejected, as Kubernetes rejects it")
    void numberIsNotAString() {
        assertThatThrownBy(() -> Decoder.decode(yaml("apiVersion: v1\nkind: ConfigMap\ndata:\n  port: 8080\n"), ConfigMap.class))
                .isInstanceOf(DecodeException.class)
                .hasMessage("data.port: expected a string, got 8080")
                .satisfies(e -> assertThat(((DecodeException) e).path()).isEqualTo("data.port"));
    }

    @Test
    @DisplayName("booleans and objects are not converted from other JSON types either")
    void noOtherCoercions() {
        assertThatThrownBy(() -> Decoder.decode(yaml("apiVersion: v1\nkind: Pod\nspec: {hostNetwork: 'true'}\n"), Pod.class))
                .hasMessage("spec.hostNetwork: expected a boolean, got \"true\"");
        assertThatThrownBy(() -> Decoder.decode(yaml("apiVersion: v1\nkind: Pod\nspec: [a]\n"), Pod.class))
                .hasMessage("spec: expected an object, got a list");
        assertThatThrownBy(() -> Decoder.decode(yaml("apiVersion: v1\nkind: Pod\nspec: {terminationGracePeriodSeconds: ''}\n"), Pod.class))
                .hasMessageStartingWith("spec.terminationGracePeriodSeconds: expected an integer");
    }

    @Test
    @DisplayName("a quantity accepts a string or a bare number, and a malformed one names its field")
    void quantities() {
        String doc = "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    resources:\n      limits: {cpu: %s, memory: 128Mi}\n";
        Decoded<Pod> d = Decoder.decode(yaml(doc.formatted("0.5")), Pod.class);
        assertThat(d.value().spec().containers().get(0).resources().limits().get("cpu")).hasToString("500m");
        assertThat(Decoder.decode(yaml(doc.formatted("'2'")), Pod.class).value().spec().containers().get(0)
                .resources().limits().get("cpu")).hasToString("2");
        assertThatThrownBy(() -> Decoder.decode(yaml(doc.formatted("1.5.5")), Pod.class))
                .isInstanceOf(DecodeException.class)
                .hasMessage("spec.containers[0].resources.limits.cpu: quantities must match the regular expression "
                        + "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    }

    @Test
    @DisplayName("malformed JSON bytes are a DecodeException with line and column")
    void malformedJson() {
        assertThatThrownBy(() -> Decoder.decode("{\"a\": }".getBytes(StandardCharsets.UTF_8), Pod.class))
                .isInstanceOf(DecodeException.class)
                .hasMessageStartingWith("invalid JSON at line 1, column 7: ");
        assertThatThrownBy(() -> Decoder.decode("{} {}".getBytes(StandardCharsets.UTF_8), Pod.class))
                .hasMessageContaining("more data after the top-level value");
    }

    @Test
    @DisplayName("concurrent decodes keep their warnings apart")
    void threadSafe() {
        List<List<String>> results = IntStream.range(0, 200).parallel()
                .mapToObj(i -> Decoder.decode(yaml("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nfield" + i + ": x\n"),
                        Pod.class).warnings())
                .toList();
        for (int i = 0; i < results.size(); i++) {
            assertThat(results.get(i)).containsExactly("unknown field \"field" + i + "\"");
        }
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("times read as RFC 3339 with any offset and fraction")
    @CsvSource({
        "2026-01-01T00:00:00Z, 2026-01-01T00:00:00Z",
        "2026-01-01T02:00:00+02:00, 2026-01-01T00:00:00Z",
        "2026-01-01T00:00:00.123456Z, 2026-01-01T00:00:00.123456Z",
        "2025-12-31T22:30:00.5-01:30, 2026-01-01T00:00:00.5Z",
    })
    void readsRfc3339(String text, String instant) {
        String doc = "metadata: {name: l}\nspec: {observedTime: '" + text + "'}\n";
        assertThat(Decoder.decode(yaml(doc), Lease.class).value().spec().observedTime()).isEqualTo(Instant.parse(instant));
    }

    @Test
    @DisplayName("a time that is not RFC 3339 is an error naming its field")
    void badTime() {
        assertThatThrownBy(() -> Decoder.decode(yaml("metadata: {name: l}\nspec: {observedTime: yesterday}\n"), Lease.class))
                .hasMessage("spec.observedTime: expected an RFC 3339 time, got \"yesterday\"");
    }

    @Test
    @DisplayName("a MicroTime field prints six fractional digits; other times print whole seconds")
    void microTime() {
        Instant t = Instant.parse("2026-01-01T00:00:00.123456789Z");
        String json = Json.toJson(new LeaseSpec("node-1", t, t));
        assertThat(json).isEqualTo("{\"holderIdentity\":\"node-1\",\"renewTime\":\"2026-01-01T00:00:00.123456Z\","
                + "\"observedTime\":\"2026-01-01T00:00:00Z\"}");
        assertThat(Json.toJson(new LeaseSpec(null, Instant.parse("2026-01-01T00:00:00Z"), null)))
                .isEqualTo("{\"renewTime\":\"2026-01-01T00:00:00.000000Z\"}");
        LeaseSpec back = Json.fromBytes(json.getBytes(StandardCharsets.UTF_8), LeaseSpec.class);
        assertThat(back.renewTime()).isEqualTo(Instant.parse("2026-01-01T00:00:00.123456Z"));
    }
}
