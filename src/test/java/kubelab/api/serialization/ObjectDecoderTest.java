package kubelab.api.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import kubelab.api.serialization.TestKinds.ConfigMap;
import kubelab.api.serialization.TestKinds.Pod;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class ObjectDecoderTest {
    private static final Path EXAMPLES = Path.of(System.getProperty("kubelab.shared", "../shared"), "k8s-examples");
    private final ObjectDecoder decoder = new ObjectDecoder(TestKinds.scheme());

    @Test
    @DisplayName("a KYAML example decodes into the record its kind is registered with")
    void decodesExample() {
        List<DecodedObject> objects = decoder.decodeAll(ManifestReader.read(EXAMPLES.resolve("pods/simple-pod.yaml")));
        assertThat(objects).hasSize(1);
        Pod pod = (Pod) objects.get(0).object();
        assertThat(pod.metadata().name()).isEqualTo("nginx");
        assertThat(pod.spec().containers().get(0).image()).isEqualTo("nginx:1.14.2");
        assertThat(pod.spec().containers().get(0).ports().get(0).containerPort()).isEqualTo(80);
        assertThat(objects.get(0).warnings()).isEmpty();
    }

    @Test
    @DisplayName("each object of a file keeps its own warnings, tagged with file, document and line")
    void warningsPerObject() {
        String yaml = """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: a}
                data: {x: y}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: web, name: web2}
                spec:
                  containers:
                  - name: nginx
                    image: nginx
                    imagePullPolicyy: Always
                """;
        List<DecodedObject> objects = decoder.decodeAll(ManifestReader.read("app.yaml", yaml));
        assertThat(objects.get(0).object()).isInstanceOf(ConfigMap.class);
        assertThat(objects.get(0).warnings()).isEmpty();
        assertThat(objects.get(1).taggedWarnings()).containsExactly(
                "app.yaml (document 2, line 6): duplicate field \"metadata.name\"",
                "app.yaml (document 2, line 6): unknown field \"spec.containers[0].imagePullPolicyy\"");
    }

    @Test
    @DisplayName("an unknown kind is an error naming the file, the line and the kind, in kubectl's words")
    void unknownKind() {
        List<Manifest> ms = ManifestReader.read("pods/x.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Foo\n");
        assertThatThrownBy(() -> decoder.decodeAll(ms))
                .isInstanceOf(ManifestException.class)
                .hasMessage("pods/x.yaml (document 2, line 5): no matches for kind \"Foo\" in version \"v1\"");
        List<Manifest> wrongVersion = ManifestReader.read("d.yaml", "apiVersion: apps/v1\nkind: Pod\n");
        assertThatThrownBy(() -> decoder.decode(wrongVersion.get(0)))
                .hasMessage("d.yaml (document 1, line 1): no matches for kind \"Pod\" in version \"apps/v1\"");
    }

    @Test
    @DisplayName("a document without kind or apiVersion is an error quoting it, as Kubernetes does")
    void missingTypeMeta() {
        String yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n---\n\n# no kind here\napiVersion: v1\nmetadata: {name: x}\n";
        List<Manifest> ms = ManifestReader.read("pods/x.yaml", yaml);
        assertThatThrownBy(() -> decoder.decode(ms.get(1)))
                .hasMessage("pods/x.yaml (document 2, line 7): Object 'Kind' is missing in '{\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"x\"}}'");
        Manifest noVersion = ManifestReader.read("y.yaml", "kind: Pod\n").get(0);
        assertThatThrownBy(() -> decoder.decode(noVersion))
                .hasMessage("y.yaml (document 1, line 1): Object 'apiVersion' is missing in '{\"kind\":\"Pod\"}'");
    }

    @Test
    @DisplayName("a value that does not fit is reported as Kubernetes frames it, with the field's path")
    void typeError() {
        String yaml = "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    ports: [{containerPort: eighty}]\n";
        assertThatThrownBy(() -> decoder.decodeAll(ManifestReader.read("p.yaml", yaml)))
                .isInstanceOf(ManifestException.class)
                .hasMessage("p.yaml (document 1, line 1): Pod in version \"v1\" cannot be handled as a Pod: "
                        + "spec.containers[0].ports[0].containerPort: expected an integer, got \"eighty\"");
    }
}
