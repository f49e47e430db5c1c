package kubelab.api.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import kubelab.api.meta.IntOrString;
import kubelab.api.serialization.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Kubernetes documentation's own manifests (block YAML and KYAML) decode into the core/v1
 * records and encode back to the same tree: no field is lost, renamed, defaulted or retyped.
 */
@Tag("chapter1")
class DocumentationManifestsTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("kubelab.shared", "../shared"), "k8s-examples");

    @ParameterizedTest(name = "{0}")
    @MethodSource("podDocuments")
    @DisplayName("every documentation Pod manifest decodes without losing a field")
    void podRoundTrip(JsonNode manifest) throws IOException {
        Pod pod = Json.mapper().treeToValue(manifest, Pod.class);

        assertThat(ExampleManifests.sameTree(onTheWire(pod), manifest))
                .as("re-encoded%n  was: %s%n  now: %s", manifest, onTheWire(pod)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("podTemplates")
    @DisplayName("every pod template in the documentation's workloads decodes without losing a field")
    void templateRoundTrip(JsonNode template) throws IOException {
        PodTemplateSpec decoded = Json.mapper().treeToValue(template, PodTemplateSpec.class);

        assertThat(ExampleManifests.sameTree(onTheWire(decoded), template))
                .as("re-encoded%n  was: %s%n  now: %s", template, onTheWire(decoded)).isTrue();
    }

    @Test
    @DisplayName("the documentation has Pod manifests and pod templates to check, in both YAML and KYAML")
    void examplesAreThere() {
        assertThat(podDocuments()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(podTemplates()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(podDocuments()).anyMatch(d -> d.getName().equals("pods/simple-pod.yaml"));
    }

    @Test
    @DisplayName("a KYAML manifest, with quoted strings and trailing commas, reads like block YAML")
    void kyaml() throws IOException {
        // pods/probe/http-liveness.yaml is KYAML: flow style, every string quoted, a comma after the last item.
        Pod pod = Json.mapper().treeToValue(documents("pods/probe/http-liveness.yaml").get(0), Pod.class);

        Container c = pod.spec().containers().get(0);
        assertThat(pod.metadata().labels()).containsEntry("test", "liveness");
        assertThat(c.args()).containsExactly("liveness");
        assertThat(c.livenessProbe().httpGet().port()).isEqualTo(IntOrString.of(8080));
        assertThat(c.livenessProbe().httpGet().httpHeaders()).containsExactly(new HTTPHeader("Custom-Header", "Awesome"));
        assertThat(c.livenessProbe().periodSeconds()).isEqualTo(3);
        assertThat(c.livenessProbe().failureThreshold()).as("left to the API server's defaulting").isNull();
    }

    @Test
    @DisplayName("a pod template's volumes decode to their typed sources: hostPath, emptyDir, configMap, secret")
    void typedSources() throws IOException {
        JsonNode daemonSet = documents("controllers/fluentd-daemonset-update.yaml").get(0);
        PodTemplateSpec t = Json.mapper().treeToValue(daemonSet.path("spec").path("template"), PodTemplateSpec.class);

        assertThat(t.spec().volumes()).extracting(Volume::sourceType).containsOnly("hostPath");
        assertThat(t.spec().volumes().get(0).hostPath().path()).isEqualTo("/var/log");
        assertThat(t.spec().tolerations()).extracting(Toleration::effect).containsOnly(TaintEffect.NO_SCHEDULE);
    }

    /**
     * The JSON an object is sent as, read back as a tree. Comparing this rather than
     * {@code Json.toTree} compares bytes, not Java node classes: a {@code Long} field holding 30
     * makes a LongNode in memory, while the YAML's 30 reads as an IntNode, yet both print "30".
     */
    static JsonNode onTheWire(Object value) throws IOException {
        return Json.mapper().readTree(Json.toBytes(value));
    }

    static List<Named<JsonNode>> podDocuments() {
        return all().stream().filter(d -> "Pod".equals(d.getPayload().path("kind").asText())).toList();
    }

    /** {@code spec.template} of every Deployment, ReplicaSet, DaemonSet, StatefulSet and Job. */
    static List<Named<JsonNode>> podTemplates() {
        List<Named<JsonNode>> templates = new ArrayList<>();
        for (Named<JsonNode> d : all()) {
            JsonNode template = d.getPayload().path("spec").path("template");
            if (template.isObject()) {
                templates.add(Named.of(d.getName() + " " + d.getPayload().path("kind").asText(), template));
            }
        }
        return templates;
    }

    private static List<Named<JsonNode>> all() {
        List<Named<JsonNode>> docs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                String name = EXAMPLES.relativize(file).toString().replace('\\', '/');
                for (JsonNode doc : documents(name)) {
                    docs.add(Named.of(name, doc));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    /** The documents of one file; a file may hold several, separated by {@code ---}. */
    private static List<JsonNode> documents(String name) {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = Json.yamlMapper().readerFor(JsonNode.class)
                .readValues(EXAMPLES.resolve(name).toFile())) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && doc.isObject()) {
                    docs.add(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
        return docs;
    }
}
