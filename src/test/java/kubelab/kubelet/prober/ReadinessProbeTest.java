package kubelab.kubelet.prober;

import static org.assertj.core.api.Assertions.assertThat;

import kubelab.api.core.Pod;
import kubelab.runtime.net.PodNetwork.HttpResponse;
import kubelab.runtime.net.PodNetwork.Listener;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Readiness: the TCP example of "Configure Liveness, Readiness and Startup Probes"
 * ({@code pods/probe/tcp-liveness-readiness.yaml}, goproxy on port 8080) and the thresholds.
 */
@Tag("chapter2")
@DisplayName("Readiness probes")
class ReadinessProbeTest {
    private final ProbeFixture f = new ProbeFixture();

    private static Pod readiness(String probe) {
        return ProbeFixture.yaml("""
                metadata: {name: web}
                spec:
                  containers:
                  - name: web
                    image: nginx
                    ports: [{name: http, containerPort: 80}]
                    readinessProbe:
                %s
                """.formatted(probe.indent(6)));
    }

    @Test
    @DisplayName("goproxy: the first readiness probe, 15 s after the container starts, makes it ready")
    void goproxyReadyAtFifteenSeconds() {
        Pod pod = ProbeFixture.example("pods/probe/tcp-liveness-readiness.yaml");
        String uid = pod.metadata().uid();
        f.network.listen(ProbeFixture.POD_IP, 8080, (m, p, h) -> HttpResponse.of(200, "")); // goproxy listens at once
        f.manager.containerStarted(pod, "goproxy", "g1");

        f.advanceSeconds(14.999);
        assertThat(f.manager.ready(uid, "goproxy")).isFalse();
        assertThat(f.network.dials).isZero();

        f.advanceSeconds(0.001);
        assertThat(f.manager.ready(uid, "goproxy")).isTrue();
        assertThat(f.manager.liveness(uid, "goproxy")).isEqualTo(ProbeResult.SUCCESS);
        assertThat(f.changes).containsExactlyInAnyOrder("goproxy", "goproxy"); // readiness and liveness

        f.advanceSeconds(10); // both probes again at 25 s, every periodSeconds (10)
        assertThat(f.network.dials).isEqualTo(4);
    }

    @Test
    @DisplayName("a TCP probe to a port nobody listens on fails with 'dial tcp ...: connect: connection refused'")
    void tcpRefused() {
        Pod pod = ProbeFixture.example("pods/probe/tcp-liveness-readiness.yaml");
        f.manager.containerStarted(pod, "goproxy", "g1");

        f.advanceSeconds(15);

        assertThat(f.messages()).containsExactlyInAnyOrder(
                "Readiness probe failed: dial tcp 10.244.1.5:8080: connect: connection refused",
                "Liveness probe failed: dial tcp 10.244.1.5:8080: connect: connection refused");
        assertThat(f.manager.ready(pod.metadata().uid(), "goproxy")).isFalse();
    }

    @Test
    @DisplayName("a running container without a readiness probe is ready at once")
    void noProbeIsReady() {
        Pod pod = ProbeFixture.yaml("""
                metadata: {name: plain}
                spec:
                  containers: [{name: app, image: nginx}]
                """);
        String uid = pod.metadata().uid();
        f.manager.addPod(pod);
        assertThat(f.manager.ready(uid, "app")).isFalse(); // not started yet

        f.manager.containerStarted(pod, "app", "a1");

        assertThat(f.manager.ready(uid, "app")).isTrue();
        assertThat(f.manager.liveness(uid, "app")).isEqualTo(ProbeResult.SUCCESS);
        assertThat(f.manager.startup(uid, "app")).isEqualTo(ProbeResult.SUCCESS);
        f.loop.settle(); // nothing to probe: the loop is idle
    }

    @Test
    @DisplayName("failing readiness takes the container out after failureThreshold failures, and it comes back; it is never restarted")
    void readinessFailsAndRecovers() {
        Pod pod = readiness("""
                httpGet: {path: /, port: http}
                periodSeconds: 2
                failureThreshold: 2
                """);
        String uid = pod.metadata().uid();
        Listener nginx = f.network.listen(ProbeFixture.POD_IP, 80, (m, p, h) -> HttpResponse.of(200, "<html>"));
        f.manager.containerStarted(pod, "web", "w1");
        f.advanceSeconds(0);
        assertThat(f.manager.ready(uid, "web")).isTrue(); // initialDelaySeconds 0: probed at once

        nginx.close();
        f.advanceSeconds(2);
        assertThat(f.manager.ready(uid, "web")).isTrue(); // one failure is below the threshold
        f.advanceSeconds(2);
        assertThat(f.manager.ready(uid, "web")).isFalse();

        f.network.listen(ProbeFixture.POD_IP, 80, (m, p, h) -> HttpResponse.of(200, "<html>"));
        f.advanceSeconds(2);
        assertThat(f.manager.ready(uid, "web")).isTrue(); // successThreshold 1
        assertThat(f.changes).containsExactly("web", "web", "web");
        assertThat(f.manager.liveness(uid, "web")).isEqualTo(ProbeResult.SUCCESS); // no liveness probe
        assertThat(f.messages()).allMatch(m -> m.startsWith("Readiness probe failed: Get \"http://10.244.1.5:80/\""));
    }

    @Test
    @DisplayName("successThreshold: after failing, readiness needs that many successes in a row")
    void successThreshold() {
        Pod pod = readiness("""
                tcpSocket: {port: 80}
                periodSeconds: 1
                successThreshold: 3
                """);
        String uid = pod.metadata().uid();
        f.network.listen(ProbeFixture.POD_IP, 80, (m, p, h) -> HttpResponse.of(200, ""));
        f.manager.containerStarted(pod, "web", "w1");

        f.advanceSeconds(1); // probes at 0 and 1 s
        assertThat(f.manager.ready(uid, "web")).isFalse();
        f.advanceSeconds(1);
        assertThat(f.manager.ready(uid, "web")).isTrue();
    }

    @Test
    @DisplayName("readiness probes run during the container's whole life, not only until it is first ready")
    void readinessKeepsProbing() {
        Pod pod = readiness("""
                tcpSocket: {port: http}
                periodSeconds: 5
                """);
        f.network.listen(ProbeFixture.POD_IP, 80, (m, p, h) -> HttpResponse.of(200, ""));
        f.manager.containerStarted(pod, "web", "w1");

        f.advanceSeconds(600);

        assertThat(f.network.dials).isEqualTo(121); // at 0, 5, ..., 600 s, to the named port
    }
}
