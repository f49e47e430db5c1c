package kubelab.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import kubelab.api.serialization.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real kubectl, 1.32 and 1.20, against {@code kubelab serve} over HTTPS with the kubeconfig it
 * writes. kubectl 1.20 comes from Debian's kubernetes-client, which {@code ./kubelab test} unpacks
 * into {@code target/tools}; a kubectl that is not there is reported as skipped.
 */
@Tag("chapter1")
@DisplayName("The real kubectl against kubelab serve")
class KubectlEndToEndTest {

    /** One kubectl binary and the namespace its scenarios use. */
    record Kubectl(String version, Path binary) {
        String namespace() {
            return "kubectl-" + version.replace(".", "-");
        }

        @Override
        public String toString() {
            return "kubectl " + version;
        }
    }

    @TempDir
    static Path dir;
    static ServeFixture serve;

    static Stream<Kubectl> kubectls() {
        List<Kubectl> all = new ArrayList<>();
        all.add(new Kubectl("1.32", Path.of("/usr/bin/kubectl")));
        all.add(new Kubectl("1.20", Path.of("target/tools/kubectl-1.20/usr/bin/kubectl").toAbsolutePath()));
        return all.stream();
    }

    @BeforeAll
    static void start() throws Exception {
        serve = new ServeFixture(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        if (serve != null) {
            serve.close();
        }
    }

    static ServeFixture.Result run(Kubectl k, String... args) throws Exception {
        return runWithInput(k, null, args);
    }

    static ServeFixture.Result runWithInput(Kubectl k, String stdin, String... args) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(k.binary()), k.binary() + " is not installed");
        return serve.kubectl(k.binary(), stdin, args);
    }

    /** Runs kubectl and expects it to succeed. */
    static String ok(Kubectl k, String... args) throws Exception {
        ServeFixture.Result r = run(k, args);
        assertThat(r.exit()).as("kubectl %s\n%s", String.join(" ", args), r).isZero();
        return r.out();
    }

    static void namespace(Kubectl k) throws Exception {
        ServeFixture.Result r = run(k, "get", "namespace", k.namespace());
        if (r.exit() != 0) {
            ok(k, "create", "namespace", k.namespace());
        }
    }

    /** Applies a one-container busybox pod running {@code sh -c script} and waits until it is Ready. */
    static void startPod(Kubectl k, String name, String restartPolicy, String script) throws Exception {
        String pod = """
                apiVersion: v1
                kind: Pod
                metadata: {name: %s}
                spec:
                  restartPolicy: %s
                  containers:
                  - name: %s
                    image: busybox
                    command: ["sh", "-c", "%s"]
                """.formatted(name, restartPolicy, name, script);
        runWithInput(k, pod, "apply", "-n", k.namespace(), "-f", "-");
        ok(k, "wait", "-n", k.namespace(), "--for=condition=Ready", "pod/" + name, "--timeout=90s");
    }

    static String deployment(String name, String image, int replicas) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %s
                  labels: {app: %s}
                spec:
                  replicas: %d
                  selector:
                    matchLabels: {app: %s}
                  template:
                    metadata:
                      labels: {app: %s}
                    spec:
                      containers:
                      - name: nginx
                        image: %s
                        ports:
                        - containerPort: 80
                """.formatted(name, name, replicas, name, name, image);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kubectls")
    @DisplayName("a Deployment is applied, rolled out, scaled, rolled to a new image, undone, and deleted with its pods")
    void deploymentLifecycle(Kubectl k) throws Exception {
        namespace(k);
        String ns = k.namespace();
        ServeFixture.Result applied = runWithInput(k, deployment("web", "nginx:1.14.2", 2), "apply", "-n", ns, "-f", "-");
        assertThat(applied.out()).as("%s", applied).isEqualTo("deployment.apps/web created\n");
        assertThat(ok(k, "rollout", "status", "-n", ns, "deployment/web", "--timeout=90s"))
                .contains("successfully rolled out");

        assertThat(ok(k, "scale", "-n", ns, "deployment/web", "--replicas=3")).isEqualTo("deployment.apps/web scaled\n");
        assertThat(ok(k, "rollout", "status", "-n", ns, "deployment/web", "--timeout=90s")).contains("successfully rolled out");
        assertThat(ok(k, "get", "pods", "-n", ns, "-l", "app=web", "--no-headers")).hasLineCount(3);

        ServeFixture.Result reapplied = runWithInput(k, deployment("web", "nginx:1.16.1", 3), "apply", "-n", ns, "-f", "-");
        assertThat(reapplied.out()).as("%s", reapplied).isEqualTo("deployment.apps/web configured\n");
        assertThat(ok(k, "rollout", "status", "-n", ns, "deployment/web", "--timeout=90s")).contains("successfully rolled out");
        assertThat(ok(k, "rollout", "undo", "-n", ns, "deployment/web")).isEqualTo("deployment.apps/web rolled back\n");
        assertThat(ok(k, "rollout", "status", "-n", ns, "deployment/web", "--timeout=90s")).contains("successfully rolled out");
        assertThat(ok(k, "get", "deployment", "web", "-n", ns, "-o", "jsonpath={.spec.template.spec.containers[0].image}"))
                .isEqualTo("nginx:1.14.2");

        List<String> pods = ok(k, "get", "pods", "-n", ns, "-l", "app=web", "-o", "name").lines().toList();
        assertThat(ok(k, "delete", "-n", ns, "deployment", "web")).isEqualTo("deployment.apps \"web\" deleted\n");
        List<String> wait = new ArrayList<>(List.of("wait", "-n", ns, "--for=delete", "--timeout=90s"));
        wait.addAll(pods);
        // The garbage collector deletes the ReplicaSet, which deletes its pods. (kubectl 1.20 says
        // "no matching resources found" when they are all gone already; 1.32 succeeds.)
        ServeFixture.Result waited = run(k, wait.toArray(String[]::new));
        assertThat(waited.exit() == 0 || waited.err().contains("no matching resources found")).as("%s", waited).isTrue();
        assertThat(ok(k, "get", "pods", "-n", ns, "-l", "app=web", "-o", "name")).isEmpty();
        assertThat(ok(k, "get", "replicasets", "-n", ns, "-l", "app=web", "-o", "name")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kubectls")
    @DisplayName("get prints kubectl's tables (-o wide too), and -o json and -o yaml print the stored object")
    void get(Kubectl k) throws Exception {
        namespace(k);
        String ns = k.namespace();
        runWithInput(k, deployment("shown", "nginx", 1), "apply", "-n", ns, "-f", "-");
        ok(k, "rollout", "status", "-n", ns, "deployment/shown", "--timeout=90s");
        String pods = ok(k, "get", "pods", "-n", ns, "-l", "app=shown");
        assertThat(pods.lines().findFirst().orElseThrow()).matches("NAME +READY +STATUS +RESTARTS +AGE");
        assertThat(pods).contains("1/1").contains("Running");
        String wide = ok(k, "get", "pods", "-n", ns, "-l", "app=shown", "-o", "wide");
        assertThat(wide.lines().findFirst().orElseThrow()).startsWith("NAME").contains("IP", "NODE", "NOMINATED NODE");
        assertThat(ok(k, "get", "deployments", "-n", ns).lines().findFirst().orElseThrow())
                .matches("NAME +READY +UP-TO-DATE +AVAILABLE +AGE");
        assertThat(ok(k, "get", "nodes").lines().findFirst().orElseThrow()).matches("NAME +STATUS +ROLES +AGE +VERSION");
        JsonNode json = Json.fromBytes(ok(k, "get", "deployment", "shown", "-n", ns, "-o", "json").getBytes(), JsonNode.class);
        assertThat(json.path("kind").asText()).isEqualTo("Deployment");
        assertThat(json.path("status").path("readyReplicas").asInt()).isEqualTo(1);
        assertThat(ok(k, "get", "deployment", "shown", "-n", ns, "-o", "yaml")).contains("kind: Deployment", "name: shown");
        assertThat(ok(k, "get", "svc", "kubernetes", "-n", "default").lines().findFirst().orElseThrow())
                .matches("NAME +TYPE +CLUSTER-IP +EXTERNAL-IP +PORT\\(S\\) +AGE");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kubectls")
    @DisplayName("logs prints a container's output (-f as it is written); exec runs a command in it (kubectl 1.30+, over WebSocket); describe shows the pod and its Events")
    void logsAndDescribe(Kubectl k) throws Exception {
        namespace(k);
        String ns = k.namespace();
        startPod(k, "hello", "Always", "echo hello from kubelab; sleep 3600");
        assertThat(ok(k, "logs", "-n", ns, "hello")).isEqualTo("hello from kubelab\n");
        startPod(k, "counter", "Never", "for i in 1 2 3; do echo line $i; sleep 40; done");
        // -f follows the log as the container writes it, and ends when the container does (two minutes
        // of cluster time: four seconds at the fixture's speed, so Ready is seen before the end)
        assertThat(ok(k, "logs", "-f", "-n", ns, "counter")).isEqualTo("line 1\nline 2\nline 3\n");
        ServeFixture.Result exec = run(k, "exec", "-n", ns, "hello", "--", "sh", "-c", "echo out; echo err >&2; exit 3");
        if (k.version().equals("1.20")) {
            // kubectl before 1.30 speaks SPDY for exec, which this server does not
            assertThat(exec.err()).contains("Upgrade request required");
        } else {
            assertThat(exec.out()).isEqualTo("out\n");
            assertThat(exec.err()).contains("err\n").contains("command terminated with exit code 3");
            assertThat(exec.exit()).isEqualTo(3);
        }
        String described = ok(k, "describe", "pod", "hello", "-n", ns);
        assertThat(described).contains("Name:", "hello", "Status:", "Running", "Events:", "Scheduled", "Started");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kubectls")
    @DisplayName("attach shows what a running container writes from then on, until it ends; run -i --rm shows a new pod's output, then deletes it (kubectl 1.30+, over WebSocket)")
    void attachAndRunInteractive(Kubectl k) throws Exception {
        namespace(k);
        String ns = k.namespace();
        startPod(k, "ticker", "Never", "for i in 1 2 3; do sleep 60; echo tick $i; done");
        // the first tick comes a minute of cluster time after the start: two seconds at the fixture's speed
        ServeFixture.Result attached = run(k, "attach", "-n", ns, "ticker");
        if (k.version().equals("1.20")) {
            // kubectl before 1.30 speaks SPDY for attach, which this server does not
            assertThat(attached.err()).contains("Upgrade request required");
            return;
        }
        assertThat(attached.exit()).as("%s", attached).isZero();
        assertThat(attached.out()).isEqualTo("tick 1\ntick 2\ntick 3\n");

        ServeFixture.Result ran = run(k, "run", "oneshot", "-n", ns, "-i", "--rm", "--restart=Never", "--image=busybox",
                "--", "sh", "-c", "sleep 30; echo from kubectl run");
        assertThat(ran.exit()).as("%s", ran).isZero();
        assertThat(ran.out()).contains("from kubectl run").contains("pod \"oneshot\" deleted");
        assertThat(run(k, "get", "pod", "oneshot", "-n", ns).err()).contains("NotFound");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kubectls")
    @DisplayName("auth can-i answers from RBAC; no token is 401; the viewer may read but gets 403 on create")
    void security(Kubectl k) throws Exception {
        assertThat(ok(k, "auth", "can-i", "create", "deployments")).isEqualTo("yes\n");
        ServeFixture.Result viewerCanI = run(k, "--context", "kubelab-viewer", "auth", "can-i", "create", "deployments");
        assertThat(viewerCanI.out()).isEqualTo("no\n");
        assertThat(ok(k, "--context", "kubelab-viewer", "get", "pods", "-n", "default")).doesNotContain("Forbidden");

        ServeFixture.Result forbidden = runWithInput(k, deployment("nope", "nginx", 1),
                "--context", "kubelab-viewer", "create", "-n", "default", "-f", "-");
        assertThat(forbidden.exit()).isNotZero();
        assertThat(forbidden.err()).contains("Error from server (Forbidden)")
                .contains("User \"kubelab-viewer\" cannot create resource \"deployments\" in API group \"apps\" in the namespace \"default\"");

        ServeFixture.Result anonymous = run(k, "--token", "not-a-token", "get", "pods");
        assertThat(anonymous.exit()).isNotZero();
        assertThat(anonymous.err()).contains("error: You must be logged in to the server (Unauthorized)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kubectls")
    @DisplayName("get -w prints the table's header, then a row for each change as it happens")
    void watch(Kubectl k) throws Exception {
        namespace(k);
        String ns = k.namespace();
        Assumptions.assumeTrue(Files.isExecutable(k.binary()), k.binary() + " is not installed");
        Process watching = serve.start(k.binary(), "get", "configmaps", "-n", ns, "-w", "--field-selector", "metadata.name=seen");
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(watching.getInputStream()))) {
            ok(k, "create", "configmap", "seen", "-n", ns, "--from-literal=a=b");
            String header = lines.readLine();
            assertThat(header).matches("NAME +DATA +AGE");
            assertThat(lines.readLine()).startsWith("seen").contains(" 1 ");
        } finally {
            watching.destroy();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kubectls")
    @DisplayName("apply --server-side creates and owns fields; a field another manager changed is a conflict until --force-conflicts")
    void serverSideApply(Kubectl k) throws Exception {
        namespace(k);
        String ns = k.namespace();
        String manifest = deployment("ssa", "nginx", 2);
        ServeFixture.Result created = runWithInput(k, manifest, "apply", "--server-side", "-n", ns, "-f", "-");
        assertThat(created.out()).as("%s", created).isEqualTo("deployment.apps/ssa serverside-applied\n");
        // kubectl 1.21+ hides managedFields unless asked; 1.20 always shows them
        List<String> get = new ArrayList<>(List.of("get", "deployment", "ssa", "-n", ns, "-o",
                "jsonpath={.metadata.managedFields[*].manager}"));
        if (!k.version().equals("1.20")) {
            get.add("--show-managed-fields");
        }
        String managers = ok(k, get.toArray(String[]::new));
        assertThat(managers).contains("kubectl");

        ok(k, "scale", "-n", ns, "deployment/ssa", "--replicas=4");
        ServeFixture.Result conflict = runWithInput(k, manifest, "apply", "--server-side", "-n", ns, "-f", "-");
        assertThat(conflict.exit()).isNotZero();
        assertThat(conflict.err()).contains("Apply failed with 1 conflict").contains(".spec.replicas");
        ServeFixture.Result forced = runWithInput(k, manifest, "apply", "--server-side", "--force-conflicts", "-n", ns, "-f", "-");
        assertThat(forced.exit()).as("%s", forced).isZero();
        assertThat(ok(k, "get", "deployment", "ssa", "-n", ns, "-o", "jsonpath={.spec.replicas}")).isEqualTo("2");
    }
}
