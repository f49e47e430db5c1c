package kubelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kubelab.api.serialization.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubelab run}: manifests on a fresh simulated cluster, with the timeline and tables, or JSON. */
@Tag("chapter1")
@DisplayName("kubelab run")
class RunCommandTest {
    private static final Path EXAMPLES = Path.of(System.getProperty("kubelab.shared", "../shared"), "k8s-examples");

    @TempDir
    Path dir;

    @Test
    @DisplayName("prints what was applied, the Events in order with their virtual time, then kubectl's tables")
    void text() {
        CliRun run = CliRun.of("run", EXAMPLES.resolve("pods/simple-pod.yaml").toString());

        assertThat(run.exitCode()).as("%s", run).isZero();
        String out = run.out();
        assertThat(out).contains("Applied at 0s:\npod/nginx created\n");
        assertThat(out).containsSubsequence("Scheduled", "Pulling", "Pulled", "Created", "Started");
        assertThat(out).contains("Settled after ");
        assertThat(out).containsSubsequence("$ kubectl get nodes -o wide", "node-3",
                "$ kubectl get pods -A -o wide", "nginx   1/1     Running");
        assertThat(out).doesNotContain("$ kubectl get deployments"); // only kinds that are there
    }

    @Test
    @DisplayName("-o json is one document: every object, the Events in order, and each container's log")
    void json() {
        CliRun run = CliRun.of("run", "-o", "json", EXAMPLES.resolve("controllers/job.yaml").toString());

        assertThat(run.exitCode()).as("%s", run).isZero();
        JsonNode root = Json.mapper().valueToTree(Json.fromBytes(run.out().getBytes(), Object.class));
        List<String> keys = new ArrayList<>();
        root.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("objects", "events", "logs");
        assertThat(root.get("objects")).anySatisfy(o -> assertThat(o.get("kind").asText()).isEqualTo("Job"));
        assertThat(root.get("events").get(0).get("reason").asText()).isEqualTo("Starting"); // the first kubelet
        var logs = root.get("logs").fields().next();
        assertThat(logs.getKey()).matches("default/pi-[a-z0-9]{5}/pi");
        assertThat(logs.getValue().asText()).startsWith("3.14159");
    }

    @Test
    @DisplayName("Node objects in the files are the cluster's nodes; --nodes only counts when there are none")
    void nodesFromFiles() throws IOException {
        Path node = Files.writeString(dir.resolve("node.yaml"), """
                apiVersion: v1
                kind: Node
                metadata:
                  name: big
                  labels: {disktype: ssd}
                """);
        CliRun run = CliRun.of("run", "--nodes", "5", node.toString(), EXAMPLES.resolve("pods/pod-nginx.yaml").toString());

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.out()).contains("Successfully assigned default/nginx to big").doesNotContain("node-1");
    }

    @Test
    @DisplayName("a broken file stops the run before anything is applied, with validate's error")
    void brokenFile() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: [\n");
        CliRun run = CliRun.of("run", bad.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("error: " + bad).contains("nothing was run").doesNotContain("Events:");
    }

    @Test
    @DisplayName("an object the cluster refuses is shown as kubectl shows it, the run goes on, and the exit code is 1")
    void refusedObject() {
        CliRun run = CliRun.of("run", EXAMPLES.resolve("pods/resource/cpu-request-limit.yaml").toString(),
                EXAMPLES.resolve("pods/simple-pod.yaml").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("Error from server (NotFound): error when creating \"")
                .contains("namespaces \"cpu-example\" not found")
                .contains("pod/nginx created");
    }

    @Test
    @DisplayName("--for bounds the run: a crash loop is still running when the time is up")
    void forBoundsTheRun() throws IOException {
        Path crash = Files.writeString(dir.resolve("crash.yaml"), """
                apiVersion: v1
                kind: Pod
                metadata: {name: crash}
                spec:
                  containers:
                  - {name: app, image: busybox:1.36, command: [sh, -c, "exit 1"]}
                """);
        CliRun run = CliRun.of("run", "--for", "90s", crash.toString());

        assertThat(run.out()).contains("Still running after 1m30s of virtual time").contains("CrashLoopBackOff");
    }

    @Test
    @DisplayName("an unknown output format is a usage error")
    void badFormat() {
        CliRun run = CliRun.of("run", "-o", "yaml", EXAMPLES.resolve("pods/simple-pod.yaml").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown output format \"yaml\"");
    }
}
