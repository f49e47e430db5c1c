package kubelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubelab validate}: every object is dry-run against a fresh cluster, and the answer is one
 * line per object in kubectl's words, with the exit code a script can test.
 */
@Tag("chapter1")
class ValidateCommandTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("kubelab.shared", "../shared"), "k8s-examples");

    private static final String NGINX = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: nginx
            spec:
              containers:
              - name: nginx
                image: nginx:1.14.2
            """;

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private static CliRun validate(Path... files) {
        return CliRun.of(java.util.stream.Stream.concat(java.util.stream.Stream.of("validate"),
                java.util.stream.Stream.of(files).map(Path::toString)).toArray(String[]::new));
    }

    // ---- what is accepted -------------------------------------------------------------------

    @Test
    @DisplayName("every documentation manifest in ../shared/k8s-examples validates")
    void documentationManifests() {
        CliRun run = CliRun.of("validate", EXAMPLES.toString());

        List<String> lines = run.outLines();
        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(lines.subList(0, lines.size() - 1)).as("%s", run)
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).matches("[a-z0-9.]+/[a-z0-9.-]+ valid"));
        int objects = lines.size() - 1;
        assertThat(lines.get(lines.size() - 1)).isEqualTo(objects + " objects: " + objects + " valid, 0 invalid");
        assertThat(lines).contains("pod/nginx valid", "deployment.apps/nginx-deployment valid",
                "configmap/special-config valid", "ingress.networking.k8s.io/minimal-ingress valid");
        assertThat(run.err()).isEmpty();
    }

    @Test
    @DisplayName("a valid object is one line saying so, and the exit code is 0")
    void validPod() throws IOException {
        CliRun run = validate(write("nginx.yaml", NGINX));

        assertThat(run.outLines()).as("%s", run).containsExactly("pod/nginx valid", "1 object: 1 valid, 0 invalid");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    @DisplayName("an unknown field is a warning, not an error")
    void unknownFieldIsAWarning() throws IOException {
        CliRun run = validate(write("typo.yaml", NGINX.replace("  containers:", "  restartPolicyy: Never\n  containers:")));

        assertThat(run.outLines()).as("%s", run).containsExactly(
                "pod/nginx valid",
                "  warning: unknown field \"spec.restartPolicyy\"",
                "1 object: 1 valid, 0 invalid");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    @DisplayName("namespaces the files mention are taken as existing")
    void mentionedNamespaceExists() throws IOException {
        CliRun run = validate(write("pod.yaml", NGINX.replace("  name: nginx", "  name: nginx\n  namespace: cpu-example")));

        assertThat(run.outLines()).as("%s", run).containsExactly("pod/nginx valid", "1 object: 1 valid, 0 invalid");
    }

    @Test
    @DisplayName("a Namespace the files declare is validated first, so objects before it in the files still find it")
    void declaredNamespace() throws IOException {
        String pod = NGINX.replace("  name: nginx", "  name: nginx\n  namespace: team-a");
        CliRun run = validate(write("all.yaml", pod + "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-a\n"));

        assertThat(run.outLines()).as("%s", run).containsExactly(
                "pod/nginx valid", "namespace/team-a valid", "2 objects: 2 valid, 0 invalid");
    }

    @Test
    @DisplayName("objects in a declared Namespace that is itself invalid are refused as a cluster would refuse them")
    void invalidDeclaredNamespace() throws IOException {
        String namespace = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-a\n  labels:\n    \"team a\": x\n";
        String pod = NGINX.replace("  name: nginx", "  name: nginx\n  namespace: team-a");
        CliRun run = validate(write("all.yaml", namespace + "---\n" + pod));

        assertThat(run.outLines()).as("%s", run).startsWith("namespace/team-a invalid")
                .anyMatch(line -> line.startsWith("  error: metadata.labels: Invalid value: \"team a\""))
                .contains("pod/nginx invalid", "  error: namespaces \"team-a\" not found")
                .endsWith("2 objects: 0 valid, 2 invalid");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    @DisplayName("directories are read recursively, in name order, as kubectl apply -R reads them")
    void directoryOrder() throws IOException {
        write("b.yaml", NGINX.replace("name: nginx\n", "name: b\n"));
        write("a/z.yml", NGINX.replace("name: nginx\n", "name: a-z\n"));
        write("a-b.json", "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"a-b\"}}");
        write("notes.txt", "not a manifest");

        CliRun run = validate(dir);

        assertThat(run.outLines()).as("%s", run).containsExactly(
                "pod/a-z valid", "configmap/a-b valid", "pod/b valid", "3 objects: 3 valid, 0 invalid");
    }

    @Test
    @DisplayName("- reads the manifests from standard input")
    void standardInput() {
        CliRun run = CliRun.withInput(NGINX, "validate", "-");

        assertThat(run.outLines()).as("%s", run).containsExactly("pod/nginx valid", "1 object: 1 valid, 0 invalid");
    }

    @Test
    @DisplayName("a generated name is printed as the server would generate it, the same on every run")
    void generatedNameIsDeterministic() throws IOException {
        Path file = write("gen.yaml", NGINX.replace("  name: nginx", "  generateName: web-"));

        CliRun first = validate(file);
        CliRun second = validate(file);

        assertThat(first.outLines().get(0)).as("%s", first).matches("pod/web-[a-z0-9]{5} valid");
        assertThat(second.out()).isEqualTo(first.out());
    }

    // ---- what is refused --------------------------------------------------------------------

    @Test
    @DisplayName("an invalid name is refused, naming metadata.name and the rule")
    void invalidName() throws IOException {
        CliRun run = validate(write("bad.yaml", NGINX.replace("name: nginx\n", "name: Web_1\n")));

        assertThat(run.outLines()).as("%s", run).startsWith("pod/Web_1 invalid").anyMatch(line -> line.startsWith(
                "  error: metadata.name: Invalid value: \"Web_1\": a lowercase RFC 1123 subdomain must consist of"));
        assertThat(run.outLines()).last().isEqualTo("1 object: 0 valid, 1 invalid");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    @DisplayName("a pod with no containers is refused: spec.containers is required")
    void noContainers() throws IOException {
        CliRun run = validate(write("empty.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec:\n  containers: []\n"));

        assertThat(run.outLines()).as("%s", run).startsWith("pod/bad invalid").contains("  error: spec.containers: Required value");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    @DisplayName("two containers with the same name are refused, naming the second")
    void duplicateContainerNames() throws IOException {
        CliRun run = validate(write("dup.yaml", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: twins
                spec:
                  containers:
                  - name: web
                    image: nginx
                  - name: web
                    image: busybox
                """));

        assertThat(run.outLines()).as("%s", run).startsWith("pod/twins invalid")
                .contains("  error: spec.containers[1].name: Duplicate value: \"web\"");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    @DisplayName("a malformed quantity is refused while decoding, naming the field path")
    void badQuantity() throws IOException {
        Path file = write("cpu.yaml", NGINX + "    resources:\n      limits:\n        cpu: \"2 cores\"\n");

        CliRun run = validate(file);

        assertThat(run.outLines()).as("%s", run).hasSize(2);
        assertThat(run.outLines().get(0)).startsWith("error: " + file + " (document 1, line 1): Pod in version \"v1\" "
                + "cannot be handled as a Pod: spec.containers[0].resources.limits.cpu: ");
        assertThat(run.outLines().get(1)).isEqualTo("0 objects: 0 valid, 0 invalid, 1 file with errors");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    @DisplayName("an unknown kind is refused, naming the file, the document and its line")
    void unknownKind() throws IOException {
        Path file = write("foo.yaml", NGINX + "---\napiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n");

        CliRun run = validate(file);

        assertThat(run.outLines()).as("%s", run).containsExactly(
                "pod/nginx valid",
                "error: " + file + " (document 2, line 10): no matches for kind \"Foo\" in version \"v1\"",
                "1 object: 1 valid, 0 invalid, 1 file with errors");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    @DisplayName("broken YAML is refused naming file, line and column, and the other files still go on")
    void brokenYaml() throws IOException {
        Path broken = write("broken.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: a: b\n");
        Path good = write("good.yaml", NGINX);

        CliRun run = validate(broken, good);

        assertThat(run.outLines()).as("%s", run).hasSize(3);
        assertThat(run.outLines().get(0)).matches("error: " + java.util.regex.Pattern.quote(broken.toString())
                + ":5:\\d+: .+");
        assertThat(run.outLines().subList(1, 3)).containsExactly("pod/nginx valid", "1 object: 1 valid, 0 invalid, 1 file with errors");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    @DisplayName("a ConfigMap over 1 MiB is refused")
    void configMapOverOneMebibyte() throws IOException {
        String big = "x".repeat(1024 * 1024 + 1);
        Path file = write("big.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  blob: " + big + "\n");

        CliRun run = validate(file);

        assertThat(run.outLines()).as("exit %d, first line %s", run.exitCode(), run.outLines().get(0))
                .startsWith("configmap/big invalid");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    @DisplayName("a Deployment whose selector does not match its pod template is refused")
    void selectorMustMatchTemplate() throws IOException {
        CliRun run = validate(write("deploy.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  selector:
                    matchLabels:
                      app: web
                  template:
                    metadata:
                      labels:
                        app: api
                    spec:
                      containers:
                      - name: web
                        image: nginx
                """));

        assertThat(run.outLines()).as("%s", run).startsWith("deployment.apps/web invalid");
        assertThat(run.exitCode()).isEqualTo(1);
    }
}
