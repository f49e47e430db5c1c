package kubelab.kubelet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import kubelab.api.core.Container;
import kubelab.api.core.ExecAction;
import kubelab.api.core.Lifecycle;
import kubelab.api.core.LifecycleHandler;
import kubelab.api.core.Pod;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.DeleteOptions;
import kubelab.runtime.cri.ExecResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter2")
@DisplayName("The kubelet stops pods gracefully, and serves logs and exec")
class KubeletTerminationTest extends KubeletFixture {

    @BeforeEach
    void node() {
        startNode();
        runtime.preload("nginx:1.14.2");
    }

    private boolean exists(String name) {
        try {
            get(name);
            return true;
        } catch (ApiException e) {
            return false;
        }
    }

    @Test
    @DisplayName("deleting a pod stops its containers within the grace period and then removes the pod")
    void gracefulDeletion() {
        runtime.ignoreSigterm("nginx");
        create(pod("nginx", container("nginx", "nginx:1.14.2")));
        loop.settle();

        api.delete(Pod.class, "default", "nginx");
        loop.advance(Duration.ofSeconds(29));
        assertThat(exists("nginx")).isTrue();
        assertThat(runtime.isRunning("nginx", "nginx")).isTrue();
        assertThat(events("nginx", "Killing")).containsExactly("Stopping container nginx");

        loop.advance(Duration.ofSeconds(1));
        loop.settle();
        assertThat(exists("nginx")).isFalse();
        assertThat(runtime.sandboxCount()).isZero();
        assertThat(probes.calls).contains("removePod");
    }

    @Test
    @DisplayName("a container that stops on SIGTERM lets its pod go at once, with a grace period to spare")
    void quickStop() {
        create(pod("nginx", container("nginx", "nginx:1.14.2")));
        loop.settle();

        api.delete(Pod.class, "default", "nginx", DeleteOptions.gracePeriod(10));
        loop.runReady();
        assertThat(exists("nginx")).isFalse();
    }

    @Test
    @DisplayName("a finished pod keeps its stopped sandbox until it is deleted; then the node forgets it")
    void finishedPodDeleted() {
        Pod p = pod("done", container("c", "nginx:1.14.2"));
        create(p.withSpec(p.spec().withRestartPolicy("Never")));
        loop.settle();
        runtime.exit("done", "c", 0);
        loop.settle();
        assertThat(get("done").status().phase()).isEqualTo("Succeeded");
        assertThat(runtime.sandboxCount()).isEqualTo(1);
        String logs = "/var/log/pods/default_done_" + get("done").metadata().uid();
        assertThat(hostFs.isDirectory(logs)).isTrue();

        api.delete(Pod.class, "default", "done");
        loop.settle();
        assertThat(exists("done")).isFalse();
        assertThat(runtime.sandboxCount()).isZero();
        assertThat(hostFs.exists(logs)).isFalse();
    }

    @Test
    @DisplayName("a preStop hook runs in the container before it is stopped")
    void preStop() {
        Container c = container("nginx", "nginx:1.14.2");
        c = new Container(c.name(), c.image(), null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, new Lifecycle(null, new LifecycleHandler(new ExecAction(List.of("/usr/sbin/nginx", "-s", "quit")),
                null, null, null), null), null, null, null, null, null, null, null);
        create(pod("hooked", c));
        loop.settle();

        api.delete(Pod.class, "default", "hooked");
        loop.settle();
        assertThat(runtime.execs).containsExactly(List.of("/usr/sbin/nginx", "-s", "quit"));
        assertThat(exists("hooked")).isFalse();
    }

    @Test
    @DisplayName("logs show the current instance, and with previous the one before it")
    void logs() {
        create(pod("web", container("nginx", "nginx:1.14.2")));
        loop.settle();
        assertThat(kubelet.logs("default", "web", "nginx", false)).isEqualTo("nginx attempt 0\n");
        assertThatThrownBy(() -> kubelet.logs("default", "web", "nginx", true))
                .hasMessage("previous terminated container \"nginx\" in pod \"web\" not found");

        runtime.exit("web", "nginx", 1);
        loop.settle();
        assertThat(kubelet.logs("default", "web", "nginx", false)).isEqualTo("nginx attempt 1\n");
        assertThat(kubelet.logs("default", "web", "nginx", true)).isEqualTo("nginx attempt 0\nnginx exiting with 1\n");
    }

    @Test
    @DisplayName("exec runs a command in a running container, and fails with Kubernetes' message when it is not running")
    void exec() {
        create(pod("web", container("nginx", "nginx:1.14.2")));
        create(pod("bad", container("app", "nosuch")));
        loop.advance(Duration.ofSeconds(2));

        ExecResult r = kubelet.exec("default", "web", "nginx", List.of("echo", "hi")).toCompletableFuture().join();
        assertThat(r.stdout()).isEqualTo("echo hi\n");
        assertThatThrownBy(() -> kubelet.exec("default", "bad", "app", List.of("ls")).toCompletableFuture().join())
                .isInstanceOf(CompletionException.class)
                .hasRootCauseMessage("unable to upgrade connection: container not found (\"app\")");
    }
}
