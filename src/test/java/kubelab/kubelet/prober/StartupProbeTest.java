package kubelab.kubelet.prober;

import static org.assertj.core.api.Assertions.assertThat;

import kubelab.api.core.Pod;
import kubelab.runtime.net.PodNetwork.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Startup probes, as "Protect slow starting containers with startup probes" sets them up: the
 * same {@code /healthz} endpoint as liveness, {@code failureThreshold: 30}, {@code periodSeconds: 10}.
 */
@Tag("chapter2")
@DisplayName("Startup probes")
class StartupProbeTest {
    private final ProbeFixture f = new ProbeFixture();
    private final Pod pod = ProbeFixture.yaml("""
            metadata: {name: slow}
            spec:
              containers:
              - name: app
                image: registry.k8s.io/e2e-test-images/agnhost:2.40
                ports: [{name: liveness-port, containerPort: 8080}]
                livenessProbe:
                  httpGet: {path: /healthz, port: liveness-port}
                  failureThreshold: 1
                  periodSeconds: 10
                readinessProbe:
                  httpGet: {path: /healthz, port: liveness-port}
                  periodSeconds: 30
                startupProbe:
                  httpGet: {path: /healthz, port: liveness-port}
                  failureThreshold: 30
                  periodSeconds: 10
            """);
    private final String uid = pod.metadata().uid();

    /** The application starts serving {@code seconds} after the container started. */
    private void serveAfter(double seconds) {
        f.loop.schedule(java.time.Duration.ofMillis(Math.round(seconds * 1000)), () -> f.network.listen(
                ProbeFixture.POD_IP, 8080, (m, p, h) -> HttpResponse.of(200, "ok")));
        f.manager.containerStarted(pod, "app", "s1");
    }

    @Test
    @DisplayName("all other probes are disabled until the startup probe succeeds")
    void startupHoldsTheOthersBack() {
        serveAfter(95);

        f.advanceSeconds(99.999);
        assertThat(f.manager.startup(uid, "app")).isEqualTo(ProbeResult.UNKNOWN);
        assertThat(f.manager.liveness(uid, "app")).isEqualTo(ProbeResult.UNKNOWN);
        assertThat(f.messages()).hasSize(10) // startup probes at 0, 10, ..., 90 s, and nothing else
                .allMatch(m -> m.startsWith("Startup probe failed: Get \"http://10.244.1.5:8080/healthz\""));

        f.advanceSeconds(0.001);
        assertThat(f.manager.startup(uid, "app")).isEqualTo(ProbeResult.SUCCESS);
        assertThat(f.manager.liveness(uid, "app")).isEqualTo(ProbeResult.UNKNOWN); // its next tick is at 110 s

        f.advanceSeconds(10);
        assertThat(f.manager.liveness(uid, "app")).isEqualTo(ProbeResult.SUCCESS);
    }

    @Test
    @DisplayName("once the startup probe succeeds, the readiness probe runs at once rather than at its next period")
    void startupSuccessTriggersReadiness() {
        serveAfter(15);

        f.advanceSeconds(19.999);
        assertThat(f.manager.ready(uid, "app")).isFalse();
        f.advanceSeconds(0.001); // startup succeeds at 20 s; readiness would next tick at 30 s

        assertThat(f.manager.ready(uid, "app")).isTrue();
        assertThat(f.changes).containsExactly("app", "app"); // startup, then readiness
    }

    @Test
    @DisplayName("the startup probe stops once it has succeeded")
    void startupStopsAfterSuccess() {
        serveAfter(0);
        f.advanceSeconds(0);
        int afterStart = f.network.requests.size();

        f.advanceSeconds(60);

        // only liveness (every 10 s) and readiness (every 30 s) from now on
        assertThat(f.network.requests).hasSize(afterStart + 6 + 2);
    }

    @Test
    @DisplayName("if the startup probe never succeeds, it fails after failureThreshold × periodSeconds (30 × 10 s)")
    void startupFailure() {
        f.manager.containerStarted(pod, "app", "s1");

        f.advanceSeconds(289.999);
        assertThat(f.manager.startup(uid, "app")).isEqualTo(ProbeResult.UNKNOWN);
        f.advanceSeconds(0.001); // the 30th failed probe, 290 s after the first at 0 s

        assertThat(f.manager.startup(uid, "app")).isEqualTo(ProbeResult.FAILURE);
        assertThat(f.manager.ready(uid, "app")).isFalse();
        assertThat(f.changes).containsExactly("app");
        assertThat(f.messages()).hasSize(30);

        f.advanceSeconds(100);
        assertThat(f.messages()).hasSize(30); // on hold until the kubelet restarts the container
    }

    @Test
    @DisplayName("liveness and startup probes must have successThreshold 1: a larger value counts as 1")
    void successThresholdIsOneForLiveness() {
        Pod strict = ProbeFixture.yaml("""
                metadata: {name: strict}
                spec:
                  containers:
                  - name: app
                    image: nginx
                    livenessProbe:
                      tcpSocket: {port: 80}
                      successThreshold: 3
                """);
        f.network.listen(ProbeFixture.POD_IP, 80, (m, p, h) -> HttpResponse.of(200, ""));
        f.manager.containerStarted(strict, "app", "n1");

        f.advanceSeconds(0);

        assertThat(f.manager.liveness(strict.metadata().uid(), "app")).isEqualTo(ProbeResult.SUCCESS);
    }
}
