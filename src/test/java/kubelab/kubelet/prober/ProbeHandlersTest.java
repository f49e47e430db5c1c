package kubelab.kubelet.prober;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import kubelab.api.core.EnvVar;
import kubelab.api.core.HTTPGetAction;
import kubelab.api.core.HTTPHeader;
import kubelab.api.core.Pod;
import kubelab.api.meta.IntOrString;
import kubelab.kubelet.prober.FakeRuntime.Answer;
import kubelab.runtime.cri.ExecResult;
import kubelab.runtime.net.PodNetwork.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** How each kind of probe asks a container how it is: exec, httpGet, tcpSocket and grpc. */
@Tag("chapter2")
@DisplayName("Probe handlers")
class ProbeHandlersTest {
    private final ProbeFixture f = new ProbeFixture();

    private static Pod withLiveness(String probe) {
        return ProbeFixture.yaml("""
                metadata: {name: app}
                spec:
                  containers:
                  - name: app
                    image: busybox
                    env: [{name: FILE, value: /tmp/healthy}]
                    ports: [{name: http, containerPort: 8080}]
                    livenessProbe:
                %s
                """.formatted(probe.indent(6)));
    }

    @Test
    @DisplayName("an exec probe that runs longer than timeoutSeconds fails with 'command ... timed out'")
    void execTimeout() {
        Pod pod = withLiveness("""
                exec: {command: [/bin/sh, -c, sleep 10]}
                failureThreshold: 1
                """);
        f.runtime.answer("c1", cmd -> new Answer(new ExecResult("", "", 0, false), Duration.ofSeconds(10)));
        f.manager.containerStarted(pod, "app", "c1");

        f.advanceSeconds(0.999);
        assertThat(f.manager.liveness(pod.metadata().uid(), "app")).isEqualTo(ProbeResult.UNKNOWN);
        f.advanceSeconds(0.001); // timeoutSeconds defaults to 1

        assertThat(f.manager.liveness(pod.metadata().uid(), "app")).isEqualTo(ProbeResult.FAILURE);
        assertThat(f.messages()).containsExactly("Liveness probe failed: command \"/bin/sh -c sleep 10\" timed out");
    }

    @Test
    @DisplayName("an exec probe's event carries its stdout followed by its stderr")
    void execOutput() {
        Pod pod = withLiveness("exec: {command: [check]}");
        f.runtime.answer("c1", cmd -> Answer.exit(2, "checking\n", "database down\n"));
        f.manager.containerStarted(pod, "app", "c1");

        f.advanceSeconds(0);

        assertThat(f.messages()).containsExactly("Liveness probe failed: checking\ndatabase down\n");
    }

    @Test
    @DisplayName("an exec command sees $(VAR) of the container's env expanded, and runs without a shell")
    void execExpansion() {
        Pod pod = withLiveness("exec: {command: [cat, $(FILE), $(MISSING), $$(FILE)]}");
        f.runtime.answer("c1", cmd -> Answer.exit(0, "", ""));
        f.manager.containerStarted(pod, "app", "c1");

        f.advanceSeconds(0);

        assertThat(f.runtime.calls.get(0).cmd()).containsExactly("cat", "/tmp/healthy", "$(MISSING)", "$(FILE)");
        assertThat(ExecProbe.expand(List.of("a$b", "$(", "x$"), List.of(EnvVar.of("b", "B")))).containsExactly("a$b",
                "$(", "x$");
    }

    @Test
    @DisplayName("a tick that comes while a slow exec probe still runs is kept and runs when it ends")
    void slowExecKeepsOneTick() {
        Pod pod = withLiveness("""
                exec: {command: [slow]}
                periodSeconds: 2
                timeoutSeconds: 5
                """);
        f.runtime.answer("c1", cmd -> new Answer(new ExecResult("", "", 0, false), Duration.ofSeconds(3)));
        f.manager.containerStarted(pod, "app", "c1");

        f.advanceSeconds(5);

        // 0 s: runs until 3 s; the tick at 2 s waits and runs at 3 s (until 6 s); the tick at 4 s waits
        assertThat(f.runtime.calls).hasSize(2);
        f.advanceSeconds(1);
        assertThat(f.runtime.calls).hasSize(3);
    }

    @Test
    @DisplayName("an exec probe against a container the runtime does not know is an error: no verdict")
    void execError() {
        Pod pod = withLiveness("""
                exec: {command: [true]}
                failureThreshold: 1
                """);
        f.manager.containerStarted(pod, "app", "gone");

        f.advanceSeconds(0);

        assertThat(f.messages()).containsExactly(
                "Liveness probe errored and resulted in unknown state: container gone is not running");
        assertThat(f.manager.liveness(pod.metadata().uid(), "app")).isEqualTo(ProbeResult.UNKNOWN);
    }

    @Test
    @DisplayName("an HTTP or TCP probe may name a container port: port: http reaches containerPort 8080")
    void namedPort() {
        Pod pod = withLiveness("httpGet: {path: /healthz, port: http}");
        f.network.listen(ProbeFixture.POD_IP, 8080, (m, p, h) -> HttpResponse.of(204, ""));
        f.manager.containerStarted(pod, "app", "c1");

        f.advanceSeconds(0);

        assertThat(f.network.requests).extracting(FakeNetwork.Request::port).containsExactly(8080);
        assertThat(f.manager.liveness(pod.metadata().uid(), "app")).isEqualTo(ProbeResult.SUCCESS); // any 2xx
    }

    @Test
    @DisplayName("a redirect to the same host is followed, as nginx's /docs -> /docs/")
    void localRedirectFollowed() {
        Pod pod = withLiveness("httpGet: {path: /docs, port: 8080}");
        f.network.listen(ProbeFixture.POD_IP, 8080, (m, p, h) -> p.equals("/docs")
                ? new HttpResponse(301, Map.of("Location", "http://10.244.1.5:8080/docs/"), "Moved")
                : HttpResponse.of(200, "index"));
        f.manager.containerStarted(pod, "app", "c1");

        f.advanceSeconds(0);

        assertThat(f.network.requests).extracting(FakeNetwork.Request::path).containsExactly("/docs", "/docs/");
        assertThat(f.manager.liveness(pod.metadata().uid(), "app")).isEqualTo(ProbeResult.SUCCESS);
        assertThat(f.events).isEmpty();
    }

    @Test
    @DisplayName("a redirect to another host is not followed: success, with a ProbeWarning event")
    void nonLocalRedirectWarns() {
        Pod pod = withLiveness("httpGet: {path: /, port: 8080}");
        f.network.listen(ProbeFixture.POD_IP, 8080,
                (m, p, h) -> new HttpResponse(302, Map.of("Location", "http://example.com/"), "Found"));
        f.manager.containerStarted(pod, "app", "c1");

        f.advanceSeconds(0);

        assertThat(f.manager.liveness(pod.metadata().uid(), "app")).isEqualTo(ProbeResult.SUCCESS);
        assertThat(f.events).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo("ProbeWarning");
            assertThat(e.message()).isEqualTo("Liveness probe warning: Probe terminated redirects, Response body: Found");
        });
    }

    @Test
    @DisplayName("a port name the container does not declare is a probe error, and the result stays as it was")
    void unknownNamedPort() {
        Pod pod = withLiveness("""
                tcpSocket: {port: metrics}
                failureThreshold: 1
                """);
        f.manager.containerStarted(pod, "app", "c1");

        f.advanceSeconds(0);

        assertThat(f.messages()).containsExactly(
                "Liveness probe errored and resulted in unknown state: port \"metrics\" not found");
        assertThat(f.manager.liveness(pod.metadata().uid(), "app")).isEqualTo(ProbeResult.UNKNOWN);
        assertThat(f.network.dials).isZero();
    }

    @Test
    @DisplayName("gRPC probes are not run here: each attempt is an error event and gives no verdict")
    void grpcUnsupported() {
        Pod pod = withLiveness("""
                grpc: {port: 2379}
                periodSeconds: 5
                """);
        f.manager.containerStarted(pod, "app", "c1");

        f.advanceSeconds(10);

        assertThat(f.messages()).hasSize(3).containsOnly(
                "Liveness probe errored and resulted in unknown state: " + Prober.GRPC_NOT_SUPPORTED);
        assertThat(f.manager.liveness(pod.metadata().uid(), "app")).isEqualTo(ProbeResult.UNKNOWN);
    }

    @Test
    @DisplayName("a sidecar's probe events point at spec.initContainers{name}")
    void sidecarFieldPath() {
        Pod pod = ProbeFixture.yaml("""
                metadata: {name: with-sidecar}
                spec:
                  initContainers:
                  - name: proxy
                    image: busybox
                    restartPolicy: Always
                    readinessProbe: {tcpSocket: {port: 15021}}
                  containers: [{name: app, image: nginx}]
                """);
        f.manager.containerStarted(pod, "proxy", "p1");

        f.advanceSeconds(0);

        assertThat(f.events).singleElement().satisfies(e -> {
            assertThat(e.involvedObject().fieldPath()).isEqualTo("spec.initContainers{proxy}");
            assertThat(e.message()).isEqualTo(
                    "Readiness probe failed: dial tcp 10.244.1.5:15021: connect: connection refused");
        });
        assertThat(f.manager.ready(pod.metadata().uid(), "proxy")).isFalse();
    }

    @Test
    @DisplayName("httpHeaders override the default headers, and an empty value removes one")
    void headerOverrides() {
        HTTPGetAction action = new HTTPGetAction("/", IntOrString.of(80), null, "HTTP", List.of(
                new HTTPHeader("Accept", ""), new HTTPHeader("User-Agent", "MyUserAgent"),
                new HTTPHeader("X-Twice", "a"), new HTTPHeader("X-Twice", "b")));

        assertThat(HttpGetProbe.headers(action)).containsOnlyKeys("User-Agent", "X-Twice")
                .containsEntry("User-Agent", "MyUserAgent").containsEntry("X-Twice", "a,b");
    }
}
