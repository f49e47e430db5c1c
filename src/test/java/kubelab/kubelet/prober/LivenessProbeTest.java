package kubelab.kubelet.prober;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import kubelab.api.core.Event;
import kubelab.api.core.Pod;
import kubelab.kubelet.prober.FakeRuntime.Answer;
import kubelab.runtime.net.PodNetwork.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The liveness examples of "Configure Liveness, Readiness and Startup Probes": the exec probe of
 * {@code pods/probe/exec-liveness.yaml} and the HTTP probe of {@code pods/probe/http-liveness.yaml}.
 */
@Tag("chapter2")
@DisplayName("Liveness probes")
class LivenessProbeTest {
    private static final String CANT_OPEN = "cat: can't open '/tmp/healthy': No such file or directory\n";

    private final ProbeFixture f = new ProbeFixture();
    private final Pod pod = ProbeFixture.example("pods/probe/exec-liveness.yaml");
    private final String uid = pod.metadata().uid();
    private final boolean[] healthy = {true};

    /**
     * Plays busybox running {@code touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600}: the
     * file goes away 30 s after the start. The process starts before the kubelet hears of it, so its
     * timer comes first when both fall due at the same instant.
     */
    private void startExecLiveness(String containerId) {
        healthy[0] = true;
        f.loop.schedule(Duration.ofSeconds(30), () -> healthy[0] = false);
        f.runtime.answer(containerId, cmd -> {
            assertThat(cmd).containsExactly("cat", "/tmp/healthy");
            return healthy[0] ? Answer.exit(0, "", "") : Answer.exit(1, "", CANT_OPEN);
        });
        f.manager.containerStarted(pod, "liveness", containerId);
    }

    @Test
    @DisplayName("the kubelet waits initialDelaySeconds (5) before the first probe, then probes every periodSeconds (5)")
    void initialDelayThenPeriod() {
        f.advanceSeconds(2); // the image pull
        startExecLiveness("c1");

        f.advanceSeconds(4.999);
        assertThat(f.runtime.calls).isEmpty();
        assertThat(f.manager.liveness(uid, "liveness")).isEqualTo(ProbeResult.UNKNOWN);

        f.advanceSeconds(0.001);
        assertThat(f.runtime.calls).hasSize(1);
        assertThat(f.runtime.calls.get(0).timeout()).isEqualTo(Duration.ofSeconds(1)); // timeoutSeconds' default
        assertThat(f.manager.liveness(uid, "liveness")).isEqualTo(ProbeResult.SUCCESS);

        f.advanceSeconds(20);
        assertThat(f.runtime.calls).hasSize(5); // at 5, 10, 15, 20 and 25 s
    }

    @Test
    @DisplayName("during the first 30 seconds cat /tmp/healthy succeeds, and no event is recorded")
    void healthyWhileTheFileExists() {
        startExecLiveness("c1");

        f.advanceSeconds(29);

        assertThat(f.manager.liveness(uid, "liveness")).isEqualTo(ProbeResult.SUCCESS);
        assertThat(f.events).isEmpty();
        assertThat(f.changes).containsExactly("liveness"); // UNKNOWN -> SUCCESS at 5 s
    }

    @Test
    @DisplayName("after 30 seconds the probe fails; the third failure in a row (30, 35, 40 s) makes liveness FAILURE")
    void thirdFailureIsTheVerdict() {
        f.advanceSeconds(3);
        startExecLiveness("c1");

        f.advanceSeconds(39.999);
        assertThat(f.manager.liveness(uid, "liveness")).isEqualTo(ProbeResult.SUCCESS);
        assertThat(f.messages()).hasSize(2);

        f.advanceSeconds(0.001); // 43 s of virtual time: 3 s of pull, then 40 s of running
        assertThat(f.manager.liveness(uid, "liveness")).isEqualTo(ProbeResult.FAILURE);
        assertThat(f.changes).containsExactly("liveness", "liveness");
    }

    @Test
    @DisplayName("each failed probe records Warning Unhealthy 'Liveness probe failed: ' with the command's output")
    void unhealthyEvents() {
        startExecLiveness("c1");

        f.advanceSeconds(40);

        assertThat(f.messages()).containsOnly("Liveness probe failed: " + CANT_OPEN).hasSize(3);
        Event last = f.events.get(2);
        assertThat(last.type()).isEqualTo("Warning");
        assertThat(last.reason()).isEqualTo("Unhealthy");
        assertThat(last.involvedObject().name()).isEqualTo("liveness-exec");
        assertThat(last.involvedObject().fieldPath()).isEqualTo("spec.containers{liveness}");
        assertThat(last.count()).isEqualTo(3); // kubectl describe: "Unhealthy (x3 over 10s)"
        assertThat(last.message().strip()).isEqualTo("Liveness probe failed: cat: can't open '/tmp/healthy': "
                + "No such file or directory"); // what the documentation shows
    }

    @Test
    @DisplayName("after a liveness FAILURE the container is left alone until the kubelet restarts it")
    void onHoldAfterFailure() {
        startExecLiveness("c1");
        f.advanceSeconds(40);
        int probes = f.runtime.calls.size();

        f.advanceSeconds(60);

        assertThat(f.runtime.calls).hasSize(probes);
        assertThat(f.manager.liveness(uid, "liveness")).isEqualTo(ProbeResult.FAILURE);
    }

    @Test
    @DisplayName("a restarted container starts from no verdict and waits its initial delay again")
    void restartBeginsTheInitialDelayAnew() {
        startExecLiveness("c1");
        f.advanceSeconds(41);
        f.manager.containerStopped(uid, "liveness");
        f.advanceSeconds(10); // the restart back-off
        startExecLiveness("c2");

        assertThat(f.manager.liveness(uid, "liveness")).isEqualTo(ProbeResult.UNKNOWN);
        f.advanceSeconds(4.999);
        assertThat(f.runtime.calls).noneMatch(c -> c.containerId().equals("c2"));
        f.advanceSeconds(0.001);
        assertThat(f.runtime.calls).filteredOn(c -> c.containerId().equals("c2")).hasSize(1);
        assertThat(f.manager.liveness(uid, "liveness")).isEqualTo(ProbeResult.SUCCESS);
    }

    @Test
    @DisplayName("the probe stops when the container stops, and the container is no longer ready")
    void stopsWithTheContainer() {
        startExecLiveness("c1");
        f.advanceSeconds(12);
        f.manager.containerStopped(uid, "liveness");
        int probes = f.runtime.calls.size();

        f.advanceSeconds(60);

        assertThat(f.runtime.calls).hasSize(probes);
        assertThat(f.manager.liveness(uid, "liveness")).isEqualTo(ProbeResult.UNKNOWN);
        assertThat(f.manager.ready(uid, "liveness")).isFalse();
        f.loop.settle(); // no probe keeps the loop busy any more
    }

    @Test
    @DisplayName("removing the pod stops its probes and forgets their results")
    void removePod() {
        startExecLiveness("c1");
        f.advanceSeconds(6);
        f.manager.removePod(uid);

        f.loop.settle();

        assertThat(f.runtime.calls).hasSize(1);
        assertThat(f.manager.liveness(uid, "liveness")).isEqualTo(ProbeResult.UNKNOWN);
    }

    @Test
    @DisplayName("a pod being deleted keeps its containers: liveness stops probing and reads SUCCESS")
    void stopLivenessAndStartup() {
        startExecLiveness("c1");
        f.advanceSeconds(36); // two failures already
        f.manager.stopLivenessAndStartup(uid);

        f.advanceSeconds(30);

        assertThat(f.manager.liveness(uid, "liveness")).isEqualTo(ProbeResult.SUCCESS);
        assertThat(f.messages()).hasSize(2);
    }

    @Test
    @DisplayName("http-liveness: /healthz answers 200 for 10 s, then 500; three failed probes 3 s apart give FAILURE at 18 s")
    void httpLiveness() {
        Pod http = ProbeFixture.example("pods/probe/http-liveness.yaml");
        String httpUid = http.metadata().uid();
        double started = f.seconds();
        // agnhost liveness: 200 "ok" while it has run 10 s or less, then 500.
        f.network.listen(ProbeFixture.POD_IP, 8080, (method, path, headers) -> f.seconds() - started > 10
                ? HttpResponse.of(500, "error: " + (f.seconds() - started)) : HttpResponse.of(200, "ok"));
        f.manager.containerStarted(http, "liveness", "h1");

        f.advanceSeconds(17.999);
        assertThat(f.manager.liveness(httpUid, "liveness")).isEqualTo(ProbeResult.SUCCESS);
        f.advanceSeconds(0.001);

        assertThat(f.manager.liveness(httpUid, "liveness")).isEqualTo(ProbeResult.FAILURE);
        assertThat(f.network.requests).hasSize(6); // 3, 6, 9 (200) and 12, 15, 18 (500)
        assertThat(f.messages()).containsOnly("Liveness probe failed: HTTP probe failed with statuscode: 500")
                .hasSize(3);
    }

    @Test
    @DisplayName("the kubelet sends the probe's httpHeaders, User-Agent kube-probe/<version> and Accept */*")
    void httpHeaders() {
        Pod http = ProbeFixture.example("pods/probe/http-liveness.yaml");
        f.network.listen(ProbeFixture.POD_IP, 8080, (method, path, headers) -> HttpResponse.of(200, "ok"));
        f.manager.containerStarted(http, "liveness", "h1");

        f.advanceSeconds(3);

        FakeNetwork.Request request = f.network.requests.get(0);
        assertThat(request.path()).isEqualTo("/healthz");
        assertThat(request.headers()).containsEntry("Custom-Header", "Awesome")
                .containsEntry("User-Agent", HttpGetProbe.USER_AGENT).containsEntry("Accept", "*/*");
    }

    @Test
    @DisplayName("a refused connection is a failure, with Go's error text")
    void connectionRefused() {
        Pod http = ProbeFixture.example("pods/probe/http-liveness.yaml");
        f.manager.containerStarted(http, "liveness", "h1");

        f.advanceSeconds(3);

        assertThat(f.messages()).containsExactly("Liveness probe failed: Get \"http://10.244.1.5:8080/healthz\": "
                + "dial tcp 10.244.1.5:8080: connect: connection refused");
        assertThat(f.manager.liveness(http.metadata().uid(), "liveness")).isEqualTo(ProbeResult.UNKNOWN);
    }
}
