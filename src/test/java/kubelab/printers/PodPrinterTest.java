package kubelab.printers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import kubelab.api.core.Pod;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("chapter1")
class PodPrinterTest {

    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    /** A pod created at 11:59:50 (AGE 10s), with one init container "setup" and one app container "web". */
    private static Pod withInit(String status) {
        return Manifests.decode("""
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: default, creationTimestamp: "2026-11-27T11:59:50Z"}
                spec:
                  initContainers: [{name: setup, image: busybox}]
                  containers: [{name: web, image: nginx}]
                status:
                """ + status.indent(2));
    }

    /** A pod created at 11:55:00 (AGE 5m) with app containers "web" and "log". */
    private static Pod twoContainers(String status) {
        return Manifests.decode("""
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: default, creationTimestamp: "2026-11-27T11:55:00Z"}
                spec:
                  nodeName: node-1
                  containers: [{name: web, image: nginx}, {name: log, image: busybox}]
                status:
                """ + status.indent(2));
    }

    private static String status(Pod pod) {
        return cell(pod, "Status");
    }

    private static String cell(Pod pod, String column) {
        Table t = Printers.table(List.of(pod), NOW);
        return t.rows().get(0).cells().get(t.columnNames().indexOf(column));
    }

    @Test
    @DisplayName("a pod whose init container is still running shows Init:0/1")
    void initRunning() {
        Pod pod = withInit("""
                phase: Pending
                initContainerStatuses:
                - {name: setup, ready: false, restartCount: 0, state: {running: {startedAt: "2026-11-27T11:59:55Z"}}}
                containerStatuses:
                - {name: web, ready: false, restartCount: 0, state: {waiting: {reason: PodInitializing}}}
                """);
        assertThat(TablePrinter.lines(Printers.table(List.of(pod), NOW, false))).containsExactly(
                "NAME   READY   STATUS     RESTARTS   AGE",
                "web    0/1     Init:0/1   0          10s");
    }

    @ParameterizedTest(name = "{0} shows {1}")
    @CsvSource(delimiter = '|', value = {
            "{terminated: {exitCode: 1, reason: Error}}         | Init:Error",
            "{terminated: {exitCode: 2}}                        | Init:ExitCode:2",
            "{terminated: {exitCode: 137, signal: 9}}           | Init:Signal:9",
            "{waiting: {reason: CrashLoopBackOff}}              | Init:CrashLoopBackOff",
            "{waiting: {reason: ImagePullBackOff}}              | Init:ImagePullBackOff",
            "{waiting: {reason: PodInitializing}}               | Init:0/1"})
    @DisplayName("a failing init container shows Init: and why")
    void initFailing(String state, String expected) {
        Pod pod = withInit("phase: Pending\ninitContainerStatuses:\n- {name: setup, restartCount: 0, state: "
                + state + "}\n");
        assertThat(status(pod)).isEqualTo(expected);
    }

    @Test
    @DisplayName("once init containers have completed, the app container's waiting reason shows: PodInitializing")
    void podInitializing() {
        Pod pod = withInit("""
                phase: Pending
                initContainerStatuses:
                - {name: setup, restartCount: 0, state: {terminated: {exitCode: 0, reason: Completed}}}
                containerStatuses:
                - {name: web, ready: false, restartCount: 0, state: {waiting: {reason: PodInitializing}}}
                """);
        assertThat(status(pod)).isEqualTo("PodInitializing");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ContainerCreating", "CrashLoopBackOff", "ErrImagePull", "ImagePullBackOff",
            "CreateContainerConfigError"})
    @DisplayName("a waiting container's reason is the pod's STATUS")
    void waitingReasons(String reason) {
        Pod pod = twoContainers("phase: Pending\ncontainerStatuses:\n"
                + "- {name: web, ready: false, restartCount: 0, state: {waiting: {reason: " + reason + "}}}\n"
                + "- {name: log, ready: false, restartCount: 0, state: {waiting: {reason: ContainerCreating}}}\n");
        assertThat(status(pod)).isEqualTo(reason); // the first container with a reason wins
        assertThat(cell(pod, "Ready")).isEqualTo("0/2");
    }

    @ParameterizedTest(name = "{0} shows {1}")
    @CsvSource(delimiter = '|', value = {
            "{exitCode: 0, reason: Completed}   | Completed",
            "{exitCode: 1, reason: Error}       | Error",
            "{exitCode: 137, reason: OOMKilled} | OOMKilled",
            "{exitCode: 3}                      | ExitCode:3",
            "{exitCode: 143, signal: 15}        | Signal:15"})
    @DisplayName("a terminated container shows its reason, or its exit code or signal when it has none")
    void terminated(String terminated, String expected) {
        Pod pod = twoContainers("phase: Failed\ncontainerStatuses:\n"
                + "- {name: web, ready: false, restartCount: 0, state: {terminated: " + terminated + "}}\n"
                + "- {name: log, ready: false, restartCount: 0, state: {terminated: {exitCode: 0, reason: Completed}}}\n");
        assertThat(status(pod)).isEqualTo(expected);
    }

    @Test
    @DisplayName("a pod with every container running and ready shows Running 2/2")
    void running() {
        Pod pod = twoContainers("""
                phase: Running
                conditions: [{type: Ready, status: "True"}]
                podIPs: [{ip: 10.244.1.5}]
                containerStatuses:
                - {name: web, ready: true, restartCount: 0, state: {running: {startedAt: "2026-11-27T11:55:05Z"}}}
                - {name: log, ready: true, restartCount: 0, state: {running: {startedAt: "2026-11-27T11:55:05Z"}}}
                """);
        assertThat(TablePrinter.lines(Printers.table(List.of(pod), NOW, true))).containsExactly(
                "NAME   READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES",
                "web    2/2     Running   0          5m    10.244.1.5   node-1   <none>           <none>");
    }

    @Test
    @DisplayName("a running container that is not ready counts in STATUS Running but not in READY")
    void runningNotReady() {
        Pod pod = twoContainers("""
                phase: Running
                containerStatuses:
                - {name: web, ready: false, restartCount: 0, state: {running: {startedAt: "2026-11-27T11:55:05Z"}}}
                - {name: log, ready: true, restartCount: 0, state: {running: {startedAt: "2026-11-27T11:55:05Z"}}}
                """);
        assertThat(status(pod)).isEqualTo("Running");
        assertThat(cell(pod, "Ready")).isEqualTo("1/2");
    }

    @ParameterizedTest(name = "Ready {0}: {1}")
    @CsvSource({"True, Running", "False, NotReady"})
    @DisplayName("a completed container beside a running one shows Running if the pod is Ready, NotReady if not")
    void completedBesideRunning(String ready, String expected) {
        Pod pod = twoContainers("phase: Running\nconditions: [{type: Ready, status: \"" + ready + "\"}]\n"
                + "containerStatuses:\n"
                + "- {name: web, ready: false, restartCount: 0, state: {terminated: {exitCode: 0, reason: Completed}}}\n"
                + "- {name: log, ready: true, restartCount: 0, state: {running: {startedAt: \"2026-11-27T11:55:05Z\"}}}\n");
        assertThat(status(pod)).isEqualTo(expected);
    }

    @Test
    @DisplayName("RESTARTS shows how long ago the last restart was")
    void restartsAgo() {
        Pod pod = twoContainers("""
                phase: Running
                containerStatuses:
                - name: web
                  ready: false
                  restartCount: 3
                  state: {waiting: {reason: CrashLoopBackOff}}
                  lastState: {terminated: {exitCode: 1, reason: Error, finishedAt: "2026-11-27T11:59:15Z"}}
                - name: log
                  ready: true
                  restartCount: 1
                  state: {running: {startedAt: "2026-11-27T11:56:00Z"}}
                  lastState: {terminated: {exitCode: 1, reason: Error, finishedAt: "2026-11-27T11:56:00Z"}}
                """);
        assertThat(TablePrinter.lines(Printers.table(List.of(pod), NOW, false))).containsExactly(
                "NAME   READY   STATUS             RESTARTS      AGE",
                "web    1/2     CrashLoopBackOff   4 (45s ago)   5m");
    }

    @Test
    @DisplayName("while a pod initializes, RESTARTS counts the init container's restarts")
    void initRestarts() {
        Pod pod = withInit("""
                phase: Pending
                initContainerStatuses:
                - name: setup
                  restartCount: 3
                  state: {waiting: {reason: CrashLoopBackOff}}
                  lastState: {terminated: {exitCode: 1, reason: Error, finishedAt: "2026-11-27T11:59:40Z"}}
                containerStatuses:
                - {name: web, ready: false, restartCount: 0, state: {waiting: {reason: PodInitializing}}}
                """);
        assertThat(TablePrinter.lines(Printers.table(List.of(pod), NOW, false))).containsExactly(
                "NAME   READY   STATUS                  RESTARTS      AGE",
                "web    0/1     Init:CrashLoopBackOff   3 (20s ago)   10s");
    }

    @Test
    @DisplayName("restarts of init containers that ran to completion stop counting once the pod is initialized")
    void initRestartsForgotten() {
        Pod pod = withInit("""
                phase: Running
                conditions: [{type: Initialized, status: "True"}]
                initContainerStatuses:
                - name: setup
                  restartCount: 2
                  state: {terminated: {exitCode: 0, reason: Completed}}
                  lastState: {terminated: {exitCode: 1, reason: Error, finishedAt: "2026-11-27T11:59:52Z"}}
                containerStatuses:
                - {name: web, ready: true, restartCount: 0, state: {running: {startedAt: "2026-11-27T11:59:55Z"}}}
                """);
        assertThat(cell(pod, "Restarts")).isEqualTo("0");
        assertThat(status(pod)).isEqualTo("Running");
    }

    @Test
    @DisplayName("a started sidecar counts as a container in READY and does not hold up initialization")
    void sidecar() {
        Pod pod = Manifests.decode("""
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: default, creationTimestamp: "2026-11-27T11:59:00Z"}
                spec:
                  initContainers: [{name: proxy, image: envoy, restartPolicy: Always}]
                  containers: [{name: web, image: nginx}]
                status:
                  phase: Running
                  conditions: [{type: Initialized, status: "True"}, {type: Ready, status: "True"}]
                  initContainerStatuses:
                  - {name: proxy, ready: true, started: true, restartCount: 1, state: {running: {}},
                     lastState: {terminated: {exitCode: 1, finishedAt: "2026-11-27T11:59:30Z"}}}
                  containerStatuses:
                  - {name: web, ready: true, restartCount: 0, state: {running: {startedAt: "2026-11-27T11:59:40Z"}}}
                """);
        assertThat(cell(pod, "Ready")).isEqualTo("2/2");
        assertThat(status(pod)).isEqualTo("Running");
        assertThat(cell(pod, "Restarts")).isEqualTo("1 (30s ago)");
    }

    @Test
    @DisplayName("a pod being deleted shows Terminating, and Unknown when its node was lost")
    void deletion() {
        String running = """
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: default, creationTimestamp: "2026-11-27T11:00:00Z",
                           deletionTimestamp: "2026-11-27T11:59:30Z"}
                spec: {containers: [{name: web, image: nginx}]}
                status:
                  phase: Running
                  containerStatuses:
                  - {name: web, ready: true, restartCount: 0, state: {running: {startedAt: "2026-11-27T11:00:05Z"}}}
                """;
        assertThat(status(Manifests.decode(running))).isEqualTo("Terminating");
        assertThat(status(Manifests.decode(running + "  reason: NodeLost\n"))).isEqualTo("Unknown");
        // A pod that has already finished keeps its status while it is deleted.
        assertThat(status(Manifests.decode(running.replace("phase: Running", "phase: Succeeded")
                .replace("{running: {startedAt: \"2026-11-27T11:00:05Z\"}}", "{terminated: {exitCode: 0, reason: Completed}}"))))
                .isEqualTo("Completed");
    }

    @Test
    @DisplayName("status.reason (Evicted) and a SchedulingGated condition replace the phase")
    void reasonAndGates() {
        String pod = """
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: default, creationTimestamp: "2026-11-27T11:00:00Z"}
                spec: {containers: [{name: web, image: nginx}]}
                status:
                """;
        assertThat(status(Manifests.decode(pod + "  phase: Failed\n  reason: Evicted\n"))).isEqualTo("Evicted");
        assertThat(status(Manifests.decode(pod + "  phase: Pending\n  conditions: [{type: PodScheduled, "
                + "status: \"False\", reason: SchedulingGated}]\n"))).isEqualTo("SchedulingGated");
        assertThat(status(Manifests.decode(pod + "  phase: Pending\n"))).isEqualTo("Pending");
    }

    @Test
    @DisplayName("a pod not yet scheduled shows <none> for IP, node and nominated node; gates count True conditions")
    void wideNone() {
        Pod pod = Manifests.decode("""
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: default, creationTimestamp: "2026-11-27T11:59:58Z"}
                spec:
                  containers: [{name: web, image: nginx}]
                  readinessGates: [{conditionType: example.com/lb}, {conditionType: example.com/dns}]
                status:
                  phase: Pending
                  conditions: [{type: example.com/dns, status: "True"}]
                """);
        assertThat(TablePrinter.lines(Printers.table(List.of(pod), NOW, true))).containsExactly(
                "NAME   READY   STATUS    RESTARTS   AGE   IP       NODE     NOMINATED NODE   READINESS GATES",
                "web    0/1     Pending   0          2s    <none>   <none>   <none>           1/2");
    }
}
