package kubelab.api.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

@Tag("chapter1")
class ManifestReaderTest {
    private static final Path EXAMPLES = Path.of(System.getProperty("kubelab.shared", "../shared"), "k8s-examples");

    /** Files of the documentation examples holding more than one object; every other file holds one. */
    private static final Map<String, Integer> MULTI = Map.of(
            "application/web/web.yaml", 2,
            "configmap/configmaps.yaml", 2,
            "secret/dotfile-secret.yaml", 2,
            "pods/pod-rs.yaml", 2,
            "service/networking/nginx-secure-app.yaml", 2);

    static Stream<String> exampleFiles() throws IOException {
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json"))
                    .map(p -> EXAMPLES.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList().stream();
        }
    }

    private static List<Manifest> example(String relative) {
        return ManifestReader.read(EXAMPLES.resolve(relative));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ManifestReaderTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    @DisplayName("the documentation examples are all there: 53 manifest files")
    void examplesArePresent() throws IOException {
        assertThat(exampleFiles()).hasSize(53);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exampleFiles")
    @DisplayName("every documentation example reads, into the right number of objects with apiVersion and kind")
    void everyExampleReads(String file) {
        List<Manifest> manifests = example(file);
        assertThat(manifests).hasSize(MULTI.getOrDefault(file, 1));
        for (Manifest m : manifests) {
            assertThat(m.apiVersion()).isNotEmpty();
            assertThat(m.kind()).isNotEmpty();
            assertThat(m.name()).isNotEmpty();
            assertThat(m.warnings()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} document {1} is a {2} at line {3}")
    @DisplayName("multi-document files give each object its document number and starting line")
    @CsvSource({
        "application/web/web.yaml, 1, Service, 1",
        "application/web/web.yaml, 2, StatefulSet, 15",
        "configmap/configmaps.yaml, 2, ConfigMap, 10",
        "secret/dotfile-secret.yaml, 2, Pod, 8",
        "pods/pod-rs.yaml, 1, Pod, 2",
        "pods/pod-rs.yaml, 2, Pod, 19",
        "service/access/backend-deployment.yaml, 1, Deployment, 2",
    })
    void documentsAndLines(String file, int document, String kind, int line) {
        Manifest m = example(file).get(document - 1);
        assertThat(m.document()).isEqualTo(document);
        assertThat(m.kind()).isEqualTo(kind);
        assertThat(m.line()).isEqualTo(line);
        assertThat(m.where()).endsWith(file + " (document " + document + ", line " + line + ")");
    }

    @Test
    @DisplayName("KYAML with trailing commas reads like block YAML")
    void kyamlEqualsBlockYaml() throws IOException {
        JsonNode kyaml = ManifestReader.read("redis-kyaml.yaml", resource("redis-kyaml.yaml")).get(0).tree();
        JsonNode block = example("pods/storage/redis.yaml").get(0).tree();
        assertThat(kyaml).isEqualTo(block);
    }

    @Test
    @DisplayName("the block-YAML Deployment and its KYAML update differ only in the image")
    void deploymentPair() {
        ObjectNode block = (ObjectNode) example("application/deployment.yaml").get(0).tree();
        ObjectNode kyaml = (ObjectNode) example("application/deployment-update.yaml").get(0).tree();
        assertThat(kyaml).isNotEqualTo(block);
        ((ObjectNode) block.at("/spec/template/spec/containers/0")).put("image", "nginx:1.16.1");
        assertThat(kyaml).isEqualTo(block);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exampleFiles")
    @DisplayName("every example, printed as block YAML and read again, gives the same tree")
    void blockYamlRoundTrip(String file) throws IOException {
        for (Manifest m : example(file)) {
            String yaml = Json.yamlMapper().writeValueAsString(m.tree());
            assertThat(ManifestReader.read("again.yaml", yaml).get(0).tree()).isEqualTo(m.tree());
        }
    }

    @Test
    @DisplayName("a JSON List becomes one manifest per item, each with its own line")
    void jsonList() throws IOException {
        List<Manifest> ms = ManifestReader.read("pods-list.json", resource("pods-list.json"));
        assertThat(ms).extracting(Manifest::name).containsExactly("pod1", "pod2");
        assertThat(ms).extracting(Manifest::line).containsExactly(5, 11);
        assertThat(ms).extracting(Manifest::document).containsExactly(1, 1);
    }

    @Test
    @DisplayName("a JSON file may hold several objects one after another, as kubectl's decoder allows")
    void jsonStream() {
        String json = "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"a\"}}\n"
                + "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"b\"}}\n";
        assertThat(ManifestReader.read("ns.json", json)).extracting(Manifest::name, Manifest::document, Manifest::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", 1, 1), org.assertj.core.groups.Tuple.tuple("b", 2, 2));
    }

    @Test
    @DisplayName("KYAML without its leading --- starts like JSON and is still read, as kubectl falls back to YAML")
    void kyamlWithoutMarker() throws IOException {
        String text = resource("redis-kyaml.yaml").replaceAll("(?m)^(#.*|---)\n", "");
        assertThat(text).startsWith("{");
        assertThat(ManifestReader.read("redis.yaml", text).get(0).tree()).isEqualTo(example("pods/storage/redis.yaml").get(0).tree());
    }

    @Test
    @DisplayName("empty documents are skipped but still counted, and a document may end with ...")
    void emptyDocuments() {
        String yaml = "# a comment before anything\n---\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: dev}\n...\n---\n";
        List<Manifest> ms = ManifestReader.read("ns.yaml", yaml);
        assertThat(ms).hasSize(1);
        assertThat(ms.get(0).document()).isEqualTo(2);
        assertThat(ms.get(0).line()).isEqualTo(4);
        assertThat(ManifestReader.read("empty.yaml", "# nothing here\n")).isEmpty();
    }

    @Test
    @DisplayName("YAML is read as Kubernetes reads it: YAML 1.1 booleans and octal, anchors and merge keys")
    void yamlDialect() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata: {name: a}
                defaults: &d {readOnly: yes, mode: 0644}
                spec:
                  one: *d
                  two:
                    <<: *d
                    readOnly: false
                  quoted: '0644'
                """;
        JsonNode tree = ManifestReader.read("a.yaml", yaml).get(0).tree();
        assertThat(tree.at("/spec/one/readOnly").booleanValue()).isTrue();
        assertThat(tree.at("/spec/one/mode").intValue()).isEqualTo(420);
        assertThat(tree.at("/spec/two/readOnly").booleanValue()).isFalse();
        assertThat(tree.at("/spec/two/mode").intValue()).isEqualTo(420);
        assertThat(tree.at("/spec/quoted").textValue()).isEqualTo("0644");
    }

    @Test
    @DisplayName("numbers stay exact, so a quantity written as 0.1 keeps its digits")
    void exactNumbers() {
        JsonNode tree = ManifestReader.read("a.yaml", "apiVersion: v1\nkind: Pod\ncpu: 0.1\nbig: 123456789012345678901234\n")
                .get(0).tree();
        assertThat(tree.get("cpu").decimalValue()).isEqualByComparingTo("0.1");
        assertThat(tree.get("big").bigIntegerValue()).hasToString("123456789012345678901234");
    }

    @Test
    @DisplayName("a repeated key is a duplicate-field warning on the manifest, and the last value wins")
    void duplicateKey() {
        Manifest m = ManifestReader.read("d.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\n").get(0);
        assertThat(m.warnings()).containsExactly("duplicate field \"metadata.name\"");
        assertThat(m.name()).isEqualTo("b");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a YAML or JSON syntax error names the file, the line and the column")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "pods/bad.yaml|apiVersion: v1\\nkind: Pod\\nmetadata:\\n  name: a: b\\n|pods/bad.yaml:4:10: mapping values are not allowed here",
        "indent.yaml|a:\\n  b: c\\n d: e\\n|indent.yaml:3:2: expected <block end>, but found '<block mapping start>'",
        "tab.yaml|a:\\n\\tb: c\\n|tab.yaml:2:1: found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation)",
        "open.yaml|---\\n{\\n  a: \"x\",\\n  b: [1, 2,\\n|open.yaml:5:1: expected the node content, but found '<stream end>'",
        "alias.yaml|a: *nope\\n|alias.yaml:1:4: found undefined alias 'nope'",
        "bad.json|{\\n  \"a\": 1\\n  \"b\": 2\\n}|bad.json:3:3: Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries",
        "list.json|{\"a\": [1, 2}|list.json:1:12: Unexpected close marker '}': expected ']' (for Array starting at line 1, column 7)",
    })
    void syntaxErrors(String source, String text, String message) {
        String content = text.replace("\\n", "\n").replace("\\t", "\t");
        assertThatThrownBy(() -> ManifestReader.read(source, content))
                .isInstanceOf(ManifestException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(((ManifestException) e).line()).isPositive());
    }

    @Test
    @DisplayName("a document that is not an object is an error naming document and line")
    void notAnObject() {
        assertThatThrownBy(() -> ManifestReader.read("x.yaml", "apiVersion: v1\nkind: Pod\n---\n- a\n- b\n"))
                .hasMessage("x.yaml (document 2, line 4): a manifest must be an object, not a list");
        assertThatThrownBy(() -> ManifestReader.read("s.yaml", "just text\n"))
                .hasMessage("s.yaml (document 1, line 1): a manifest must be an object, not a string");
    }

    @Test
    @DisplayName("a missing file is reported as kubectl reports it")
    void missingFile() {
        assertThatThrownBy(() -> ManifestReader.read(Path.of("no/such.yaml")))
                .isInstanceOf(ManifestException.class)
                .hasMessage("the path \"no/such.yaml\" does not exist");
    }

    @Test
    @DisplayName("a directory means its manifest files in name order, and -R its subdirectories too")
    void directories() {
        List<Manifest> flat = ManifestReader.read(EXAMPLES.resolve("pods/probe"));
        assertThat(flat).extracting(Manifest::name).containsExactly("liveness-exec", "liveness-http", "goproxy");
        List<Manifest> top = ManifestReader.read(EXAMPLES.resolve("pods"));
        List<Manifest> all = ManifestReader.read(EXAMPLES.resolve("pods"), true);
        assertThat(all.size()).isGreaterThan(top.size());
        assertThat(all.stream().map(Manifest::source).collect(Collectors.toSet()))
                .anyMatch(s -> s.endsWith("pods/probe/http-liveness.yaml"));
    }
}
