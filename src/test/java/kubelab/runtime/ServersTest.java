package kubelab.runtime;

import static kubelab.runtime.RuntimeFixture.container;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import kubelab.runtime.cri.ContainerConfig;
import kubelab.runtime.cri.ContainerState;
import kubelab.runtime.net.PodNetwork;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter2")
@DisplayName("servers in containers answer on the pod network")
class ServersTest {

    private final RuntimeFixture f = new RuntimeFixture();

    private PodNetwork.HttpResponse get(String id, int port, String path) {
        return f.network.http("GET", f.podIp(id), port, path, Map.of("User-Agent", "kube-probe/1.34"));
    }

    @Test
    @DisplayName("nginx serves its welcome page on port 80, answers 404 for a missing file, and logs each request")
    void nginxServes() {
        String id = f.run("nginx", container("nginx", "nginx:1.14.2", List.of(), List.of()));

        var welcome = get(id, 80, "/");
        var missing = get(id, 80, "/nope");

        assertThat(welcome.body()).contains("Welcome to nginx!");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("<hr><center>nginx/1.14.2</center>").hasSize(169);
        assertThat(f.stdout(id)).isEqualTo(
                "10.244.1.1 - - [01/Jan/2026:00:00:05 +0000] \"GET / HTTP/1.1\" 200 " + welcome.body().length()
                        + " \"-\" \"kube-probe/1.34\" \"-\"\n"
                        + "10.244.1.1 - - [01/Jan/2026:00:00:05 +0000] \"GET /nope HTTP/1.1\" 404 169 \"-\" "
                        + "\"kube-probe/1.34\" \"-\"");
    }

    @Test
    @DisplayName("nginx 1.14.2 starts silently; 1.29 prints its docker-entrypoint lines first")
    void entrypointLines() {
        String old = f.run("old", container("nginx", "nginx:1.14.2", List.of(), List.of()));
        String recent = f.run("new", container("nginx", "nginx:1.29", List.of(), List.of()));

        assertThat(f.runtime.containerLogs(old)).isEmpty();
        assertThat(f.stdout(recent)).startsWith("/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty")
                .endsWith("/docker-entrypoint.sh: Configuration complete; ready for start up");
    }

    @Test
    @DisplayName("nginx serves what another container wrote into a shared volume")
    void sharedVolume() {
        f.nodeFs.mkdir("/var/lib/kubelet/pods/uid/volumes/kubernetes.io~empty-dir/html", true);
        var mount = new ContainerConfig.Mount("/usr/share/nginx/html",
                "/var/lib/kubelet/pods/uid/volumes/kubernetes.io~empty-dir/html", false);
        var nginx = container("nginx", "nginx", List.of(), List.of(), RuntimeFixture.limits(0, 0), List.of(mount), 0);
        String id = f.run("two-containers", nginx);
        f.nodeFs.write("/var/lib/kubelet/pods/uid/volumes/kubernetes.io~empty-dir/html/index.html",
                "Hello from the debian container\n");

        assertThat(get(id, 80, "/").body()).isEqualTo("Hello from the debian container\n");
    }

    @Test
    @DisplayName("nginx exits 0 at once on SIGTERM, and its port closes")
    void nginxStops() {
        String id = f.run("nginx", container("nginx", "nginx:1.16.1", List.of(), List.of()));
        String ip = f.podIp(id);

        assertThat(f.runtime.stopContainer(id, 30).toCompletableFuture()).isDone();
        assertThat(f.runtime.containerStatus(id).exitCode()).isZero();
        assertThat(f.network.dial(ip, 80)).isFalse();
        assertThatThrownBy(() -> f.network.http("GET", ip, 80, "/", Map.of()))
                .hasMessage("dial tcp " + ip + ":80: connect: connection refused");
    }

    @Test
    @DisplayName("agnhost liveness: /healthz is 200 for the first 10 seconds, then 500")
    void agnhostLiveness() {
        String id = f.run("liveness-http", container("liveness", "registry.k8s.io/e2e-test-images/agnhost:2.40",
                List.of(), List.of("liveness")));

        f.loop.advance(Duration.ofMillis(9_999));
        assertThat(get(id, 8080, "/healthz").statusCode()).isEqualTo(200);
        f.loop.advance(Duration.ofMillis(1));
        var failing = get(id, 8080, "/healthz");

        assertThat(failing.statusCode()).isEqualTo(500);
        assertThat(failing.body()).isEqualTo("error: 10");
    }

    @Test
    @DisplayName("hello-app answers with its version and the pod's hostname, and logs that it listens")
    void helloApp() {
        String id = f.run("hello", container("hello", "gcr.io/google-samples/hello-app:2.0", List.of(), List.of()));

        assertThat(get(id, 8080, "/").body()).isEqualTo("Hello, world!\nVersion: 2.0.0\nHostname: hello\n");
        assertThat(f.logs(id)).startsWith("2026/01/01 00:00:00 Server listening on port 8080");
    }

    @Test
    @DisplayName("goproxy listens on 8080, so a TCP probe succeeds")
    void goproxy() {
        String id = f.run("goproxy", container("goproxy", "registry.k8s.io/goproxy:0.1", List.of(), List.of()));

        assertThat(f.network.dial(f.podIp(id), 8080)).isTrue();
        assertThat(f.runtime.containerStatus(id).state()).isEqualTo(ContainerState.CONTAINER_RUNNING);
    }

    @Test
    @DisplayName("busybox wget reaches nginx by its pod IP")
    void wgetByPodIp() {
        String nginx = f.run("nginx", container("nginx", "nginx", List.of(), List.of()));
        String client = f.run("client", container("c", "busybox",
                List.of("sh", "-c", "wget -qO- http://" + f.podIp(nginx) + "/ ; wget -qO- http://10.244.1.99:8080/"),
                List.of()));

        assertThat(f.stdout(client)).contains("<h1>Welcome to nginx!</h1>");
        assertThat(f.logs(client)).contains("wget: can't connect to remote host (10.244.1.99): Connection refused");
    }

    @Test
    @DisplayName("idle servers set no timers, so a node full of them settles")
    void idleServersSettle() {
        f.run("nginx", container("nginx", "nginx", List.of(), List.of()));
        f.run("hello", container("hello", "gcr.io/google-samples/hello-app:2.0", List.of(), List.of()));

        f.loop.settle();

        assertThat(f.loop.pendingTasks()).isZero();
    }
}
