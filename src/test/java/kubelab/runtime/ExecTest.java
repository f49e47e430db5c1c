package kubelab.runtime;

import static kubelab.runtime.RuntimeFixture.container;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import kubelab.runtime.cri.ContainerConfig;
import kubelab.runtime.cri.ExecResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter2")
@DisplayName("exec: running a command inside a container")
class ExecTest {

    private final RuntimeFixture f = new RuntimeFixture();

    private CompletableFuture<ExecResult> exec(String id, Duration timeout, String... cmd) {
        return f.runtime.execSync(id, List.of(cmd), timeout).toCompletableFuture();
    }

    @Test
    @DisplayName("exec in a running container sees its files and environment")
    void execInRunning() {
        String id = f.run("p", container("c", "busybox", List.of("sh", "-c", "touch /tmp/healthy; sleep 3600"),
                List.of()));

        ExecResult cat = exec(id, Duration.ofSeconds(1), "cat", "/tmp/healthy").join();
        ExecResult env = exec(id, Duration.ofSeconds(1), "sh", "-c", "echo $HOSTNAME").join();
        ExecResult missing = exec(id, Duration.ofSeconds(1), "cat", "/tmp/nope").join();

        assertThat(cat.exitCode()).isZero();
        assertThat(env.stdout()).isEqualTo("p\n");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.stderr()).isEqualTo("cat: can't open '/tmp/nope': No such file or directory\n");
    }

    @Test
    @DisplayName("exec in a stopped container is an error")
    void execInStopped() {
        String id = f.run("p", container("c", "busybox", List.of("true"), List.of()));

        var result = exec(id, Duration.ofSeconds(1), "ls");

        assertThat(result).isCompletedExceptionally();
        assertThat(result.handle((r, e) -> e.getMessage()).join()).contains("container is in CONTAINER_EXITED state");
    }

    @Test
    @DisplayName("a command still running when the timeout passes is reported as timed out")
    void execTimeout() {
        String id = f.run("p", container("c", "busybox", List.of("sleep", "3600"), List.of()));

        var result = exec(id, Duration.ofSeconds(1), "sleep", "10");
        f.loop.advance(Duration.ofSeconds(1));

        assertThat(result.join().timedOut()).isTrue();
    }

    @Test
    @DisplayName("an image without a shell has only its own program: anything else is not found")
    void noShell() {
        String id = f.run("hello", container("hello", "gcr.io/google-samples/hello-app:2.0", List.of(), List.of()));

        var result = exec(id, Duration.ofSeconds(1), "ls");

        assertThat(result.handle((r, e) -> e.getMessage()).join())
                .contains("exec: \"ls\": executable file not found in $PATH");
    }

    @Test
    @DisplayName("nginx -s quit (a preStop hook) ends nginx gracefully with exit code 0")
    void nginxQuit() {
        String id = f.run("frontend", container("nginx", "gcr.io/google-samples/hello-frontend:1.0", List.of(),
                List.of()));

        assertThat(exec(id, Duration.ofSeconds(1), "/usr/sbin/nginx", "-s", "quit").join().exitCode()).isZero();
        f.loop.runReady();

        assertThat(f.runtime.containerStatus(id).reason()).isEqualTo("Completed");
    }

    @Test
    @DisplayName("redis-cli CONFIG GET maxmemory reads what redis loaded from its mounted config file at start")
    void redisConfig() {
        f.nodeFs.mkdir("/volumes/config", true);
        f.nodeFs.write("/volumes/config/redis.conf", "maxmemory 2mb\nmaxmemory-policy allkeys-lru\n");
        var redis = container("redis", "redis:5", List.of(), List.of("/usr/local/etc/redis/redis.conf"),
                RuntimeFixture.limits(100, 0),
                List.of(new ContainerConfig.Mount("/usr/local/etc/redis", "/volumes/config", true)), 0);
        String id = f.run("redis", redis);
        f.nodeFs.write("/volumes/config/redis.conf", "maxmemory 4mb\n"); // not read again until a restart

        assertThat(exec(id, Duration.ofSeconds(1), "redis-cli", "CONFIG", "GET", "maxmemory").join().stdout())
                .isEqualTo("maxmemory\n2097152\n");
        assertThat(exec(id, Duration.ofSeconds(1), "redis-cli", "CONFIG", "GET", "maxmemory-policy").join().stdout())
                .isEqualTo("maxmemory-policy\nallkeys-lru\n");
        assertThat(f.stdout(id)).contains("# Configuration loaded").contains("* Ready to accept connections");
    }

    @Test
    @DisplayName("a read-only mount refuses writes")
    void readOnlyMount() {
        f.nodeFs.mkdir("/volumes/secret", true);
        var c = container("c", "busybox", List.of("sleep", "3600"), List.of(), RuntimeFixture.limits(0, 0),
                List.of(new ContainerConfig.Mount("/etc/secret-volume", "/volumes/secret", true)), 0);
        String id = f.run("p", c);

        ExecResult write = exec(id, Duration.ofSeconds(1), "sh", "-c", "echo x > /etc/secret-volume/f").join();

        assertThat(write.exitCode()).isNotZero();
        assertThat(write.stderr()).contains("Read-only file system");
    }

    @Test
    @DisplayName("the exec-liveness example: cat /tmp/healthy succeeds for 30 s, then fails")
    void execLivenessExample() {
        String id = f.run("liveness-exec", container("liveness", "registry.k8s.io/busybox:1.27.2", List.of(),
                List.of("/bin/sh", "-c", "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600")));

        f.loop.advance(Duration.ofSeconds(29));
        assertThat(exec(id, Duration.ofSeconds(1), "cat", "/tmp/healthy").join().exitCode()).isZero();
        f.loop.advance(Duration.ofSeconds(1));
        ExecResult failed = exec(id, Duration.ofSeconds(1), "cat", "/tmp/healthy").join();

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.stderr()).isEqualTo("cat: can't open '/tmp/healthy': No such file or directory\n");
    }

    @Test
    @DisplayName("two containers of a pod cannot both listen on port 80: the second nginx exits 1")
    void portTaken() {
        String first = f.run("p", container("a", "nginx", List.of(), List.of()));
        String sandbox = f.runtime.containerStatus(first).podSandboxId();
        String second = f.runtime.createContainer(sandbox, container("b", "nginx", List.of(), List.of()),
                RuntimeFixture.pod("p"));
        f.runtime.startContainer(second);

        assertThat(f.runtime.containerStatus(second).exitCode()).isEqualTo(1);
        assertThat(f.logs(second)).contains("address already in use");
    }
}
