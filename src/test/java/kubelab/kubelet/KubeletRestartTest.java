package kubelab.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kubelab.api.core.ContainerStatus;
import kubelab.api.core.Pod;
import kubelab.api.core.PodPhase;
import kubelab.kubelet.prober.ProbeResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter2")
@DisplayName("The kubelet restarts containers by restartPolicy, with back-off")
class KubeletRestartTest extends KubeletFixture {

    @BeforeEach
    void node() {
        startNode();
        runtime.preload("busybox:1.28");
    }

    /** Makes the container crash each time it runs; returns the times it was (re)started, relative to the first crash. */
    private List<Long> crashLoop(int crashes) {
        List<Long> restarts = new ArrayList<>();
        Instant first = null;
        for (int i = 0; i < crashes; i++) {
            runtime.exit("crash", "app", 1);
            if (first == null) {
                first = loop.now();
            }
            Instant exited = loop.now();
            loop.runUntil(() -> runtime.isRunning("crash", "app"), Duration.ofMinutes(10));
            restarts.add(Duration.between(exited, loop.now()).toSeconds());
        }
        return restarts;
    }

    @Test
    @DisplayName("a container that exits with restartPolicy Always is restarted at once, then after 10 s, 20 s, 40 s, 80 s, 160 s, and 5 min at most")
    void crashLoopBackOff() {
        create(pod("crash", container("app", "busybox:1.28")));
        loop.settle();

        assertThat(crashLoop(8)).containsExactly(0L, 10L, 20L, 40L, 80L, 160L, 300L, 300L);
        assertThat(status("crash", "app").restartCount()).isEqualTo(8);
        assertThat(get("crash").status().phase()).isEqualTo(PodPhase.RUNNING);
    }

    @Test
    @DisplayName("while backing off, the container waits in CrashLoopBackOff with its last termination and a BackOff event")
    void crashLoopStatus() {
        Pod pod = create(pod("crash", container("app", "busybox:1.28")));
        loop.settle();
        runtime.exit("crash", "app", 1);
        loop.settle();
        runtime.exit("crash", "app", 1);
        loop.advance(Duration.ofSeconds(1));

        ContainerStatus app = status("crash", "app");
        String who = "crash_default(" + pod.metadata().uid() + ")";
        assertThat(app.state().waiting().reason()).isEqualTo("CrashLoopBackOff");
        assertThat(app.state().waiting().message()).isEqualTo("back-off 10s restarting failed container=app pod=" + who);
        assertThat(app.lastState().terminated().exitCode()).isEqualTo(1);
        assertThat(app.lastState().terminated().reason()).isEqualTo("Error");
        assertThat(app.restartCount()).isEqualTo(1);
        assertThat(app.ready()).isFalse();
        assertThat(events("crash", "BackOff")).contains("Back-off restarting failed container app in pod " + who);
    }

    @Test
    @DisplayName("the back-off is reset once a container has run for 10 minutes")
    void backOffReset() {
        create(pod("crash", container("app", "busybox:1.28")));
        loop.settle();
        assertThat(crashLoop(4)).containsExactly(0L, 10L, 20L, 40L);

        loop.advance(Duration.ofMinutes(11));
        assertThat(crashLoop(1)).containsExactly(0L);
    }

    @Test
    @DisplayName("restartPolicy OnFailure restarts a failed container but not one that succeeded")
    void onFailure() {
        Pod p = pod("crash", container("app", "busybox:1.28"));
        create(p.withSpec(p.spec().withRestartPolicy("OnFailure")));
        loop.settle();
        runtime.exit("crash", "app", 3);
        loop.settle();
        assertThat(runtime.isRunning("crash", "app")).isTrue();

        runtime.exit("crash", "app", 0);
        loop.advance(Duration.ofMinutes(5));
        assertThat(runtime.isRunning("crash", "app")).isFalse();
        assertThat(get("crash").status().phase()).isEqualTo(PodPhase.SUCCEEDED);
        assertThat(status("crash", "app").restartCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("a liveness failure kills the container with a Killing event, then it is restarted")
    void livenessFailure() {
        Pod pod = create(pod("live", container("app", "busybox:1.28")));
        loop.settle();

        probes.setLiveness(pod.metadata().uid(), "app", ProbeResult.FAILURE);
        loop.settle();

        assertThat(events("live", "Killing")).containsExactly("Container app failed liveness probe, will be restarted");
        assertThat(runtime.isRunning("live", "app")).isTrue();
        assertThat(status("live", "app").restartCount()).isEqualTo(1);
        assertThat(probes.calls).containsSubsequence("containerStarted app", "containerStopped app", "containerStarted app");
    }
}
