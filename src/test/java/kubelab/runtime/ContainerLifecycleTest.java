package kubelab.runtime;

import static kubelab.runtime.RuntimeFixture.container;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import kubelab.runtime.cri.ContainerEvent;
import kubelab.runtime.cri.ContainerState;
import kubelab.runtime.cri.ContainerStatus;
import kubelab.runtime.cri.CriException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter2")
@DisplayName("containers: created, running, exited, removed")
class ContainerLifecycleTest {

    private final RuntimeFixture f = new RuntimeFixture();

    @Test
    @DisplayName("a container goes CREATED → RUNNING → EXITED → removed, and each step is an event")
    void lifecycleAndEvents() {
        f.pull("busybox");
        String sandbox = f.runtime.runPodSandbox(RuntimeFixture.pod("p"));
        String id = f.runtime.createContainer(sandbox, container("c", "busybox", List.of("sleep", "1"), List.of()),
                RuntimeFixture.pod("p"));
        assertThat(f.runtime.containerStatus(id).state()).isEqualTo(ContainerState.CONTAINER_CREATED);

        f.runtime.startContainer(id);
        assertThat(f.runtime.containerStatus(id).state()).isEqualTo(ContainerState.CONTAINER_RUNNING);
        f.loop.advance(Duration.ofSeconds(1));
        assertThat(f.runtime.containerStatus(id).state()).isEqualTo(ContainerState.CONTAINER_EXITED);
        f.runtime.removeContainer(id);
        f.loop.runReady();

        assertThat(f.events).extracting(ContainerEvent::type).containsExactly(
                ContainerEvent.Type.CONTAINER_CREATED_EVENT, ContainerEvent.Type.CONTAINER_STARTED_EVENT,
                ContainerEvent.Type.CONTAINER_STOPPED_EVENT, ContainerEvent.Type.CONTAINER_DELETED_EVENT);
        assertThatThrownBy(() -> f.runtime.containerStatus(id)).isInstanceOf(CriException.class);
    }

    @Test
    @DisplayName("busybox sh -c \"echo hello; sleep 5; exit 3\" logs hello and exits 3 (Error) after 5 s")
    void busyboxScript() {
        String id = f.run("p", container("c", "busybox", List.of("sh", "-c", "echo hello; sleep 5; exit 3"), List.of()));

        assertThat(f.logs(id)).isEqualTo("hello");
        f.loop.advance(Duration.ofMillis(4999));
        assertThat(f.runtime.containerStatus(id).state()).isEqualTo(ContainerState.CONTAINER_RUNNING);
        f.loop.advance(Duration.ofMillis(1));

        ContainerStatus status = f.runtime.containerStatus(id);
        assertThat(status.state()).isEqualTo(ContainerState.CONTAINER_EXITED);
        assertThat(status.exitCode()).isEqualTo(3);
        assertThat(status.reason()).isEqualTo("Error");
        assertThat(Duration.between(status.startedAt(), status.finishedAt())).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    @DisplayName("a shell as PID 1 ignores SIGTERM: `sleep 3600` dies by SIGKILL when the grace period ends, exit 137")
    void pid1IgnoresSigterm() {
        String id = f.run("p", container("c", "busybox", List.of("sh", "-c", "sleep 3600"), List.of()));

        var stopped = f.runtime.stopContainer(id, 30).toCompletableFuture();
        f.loop.advance(Duration.ofSeconds(29));
        assertThat(stopped).isNotDone();
        assertThat(f.runtime.containerStatus(id).state()).isEqualTo(ContainerState.CONTAINER_RUNNING);
        f.loop.advance(Duration.ofSeconds(1));

        assertThat(stopped).isDone();
        assertThat(f.runtime.containerStatus(id).exitCode()).isEqualTo(137);
        assertThat(f.runtime.containerStatus(id).reason()).isEqualTo("Error");
    }

    @Test
    @DisplayName("a script that traps TERM ends on SIGTERM at once")
    void trappedSigterm() {
        String id = f.run("p", container("c", "busybox",
                List.of("sh", "-c", "trap 'echo bye; exit 0' TERM; sleep 3600"), List.of()));

        var stopped = f.runtime.stopContainer(id, 30).toCompletableFuture();

        assertThat(stopped).isDone();
        assertThat(f.runtime.containerStatus(id).exitCode()).isZero();
        assertThat(f.logs(id)).isEqualTo("bye");
    }

    @Test
    @DisplayName("the image's default `sh` exits 0 at once: a container has no stdin")
    void defaultShellExits() {
        String id = f.run("p", container("c", "busybox", List.of(), List.of()));

        assertThat(f.runtime.containerStatus(id).state()).isEqualTo(ContainerState.CONTAINER_EXITED);
        assertThat(f.runtime.containerStatus(id).reason()).isEqualTo("Completed");
    }

    @Test
    @DisplayName("command replaces the Entrypoint and args replace Cmd")
    void commandAndArgs() {
        f.pull("registry.k8s.io/e2e-test-images/agnhost:2.40");
        var image = RuntimeFixture.CATALOGUE.resolve("registry.k8s.io/e2e-test-images/agnhost:2.40");

        assertThat(Container.commandLine(container("c", "x", List.of(), List.of()), image))
                .containsExactly("/agnhost", "pause");
        assertThat(Container.commandLine(container("c", "x", List.of(), List.of("liveness")), image))
                .containsExactly("/agnhost", "liveness");
        assertThat(Container.commandLine(container("c", "x", List.of("sh", "-c"), List.of("echo hi")), image))
                .containsExactly("sh", "-c", "echo hi");
        assertThat(Container.commandLine(container("c", "x", List.of("sleep"), List.of()), image))
                .containsExactly("sleep");
    }

    @Test
    @DisplayName("a command the image does not have fails the start: StartError, exit code 128")
    void missingExecutable() {
        f.pull("busybox");
        String sandbox = f.runtime.runPodSandbox(RuntimeFixture.pod("p"));
        String id = f.runtime.createContainer(sandbox, container("c", "busybox", List.of("no-such-program"), List.of()),
                RuntimeFixture.pod("p"));

        assertThatThrownBy(() -> f.runtime.startContainer(id))
                .hasMessageContaining("exec: \"no-such-program\": executable file not found in $PATH");
        assertThat(f.runtime.containerStatus(id).reason()).isEqualTo("StartError");
        assertThat(f.runtime.containerStatus(id).exitCode()).isEqualTo(128);
    }

    @Test
    @DisplayName("the previous container's logs stay readable until it is removed")
    void previousLogsKept() {
        String first = f.run("p", container("c", "busybox", List.of("sh", "-c", "echo run one; exit 1"), List.of()));
        String sandbox = f.runtime.containerStatus(first).podSandboxId();
        var second = container("c", "busybox", List.of("sh", "-c", "echo run two; sleep 60"), List.of(),
                RuntimeFixture.limits(0, 0), List.of(), 1);
        String next = f.runtime.createContainer(sandbox, second, RuntimeFixture.pod("p"));
        f.runtime.startContainer(next);

        assertThat(f.logs(first)).isEqualTo("run one");
        assertThat(f.logs(next)).isEqualTo("run two");
        f.runtime.removeContainer(first);
        assertThatThrownBy(() -> f.runtime.containerLogs(first)).isInstanceOf(CriException.class);
    }

    @Test
    @DisplayName("the container sees its environment, hostname and the kubelet-managed /etc/hosts")
    void environmentAndEtc() {
        String id = f.run("web-0", container("c", "busybox",
                List.of("sh", "-c", "echo $HOSTNAME; cat /etc/hostname; tail -1 /etc/hosts 2>/dev/null || cat /etc/hosts"),
                List.of()));

        assertThat(f.stdout(id)).startsWith("web-0\nweb-0\n").contains("10.244.1.2\tweb-0");
    }

    @Test
    @DisplayName("killing a container (the cluster's fault) ends it at once with exit code 137")
    void killContainer() {
        String id = f.run("p", container("c", "nginx", List.of(), List.of()));

        f.runtime.killContainer(id);

        assertThat(f.runtime.containerStatus(id).exitCode()).isEqualTo(137);
        assertThat(f.runtime.containerStatus(id).reason()).isEqualTo("Error");
    }
}
