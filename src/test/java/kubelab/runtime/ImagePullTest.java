package kubelab.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import kubelab.runtime.cri.Image;
import kubelab.runtime.cri.ImageSpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter2")
@DisplayName("image pulls: virtual time, and the registries' own error messages")
class ImagePullTest {

    private final RuntimeFixture f = new RuntimeFixture();

    private CompletableFuture<String> pull(String image) {
        return f.runtime.pullImage(new ImageSpec(image), null).toCompletableFuture();
    }

    @Test
    @DisplayName("the pause image is on the node from the start")
    void pausePresent() {
        assertThat(f.runtime.imageStatus(new ImageSpec("registry.k8s.io/pause:3.10"))).isPresent();
        assertThat(f.runtime.imageStatus(new ImageSpec("nginx"))).isEmpty();
    }

    @Test
    @DisplayName("a pull takes virtual time: half a second plus the image's size at 20 MB/s")
    void pullTakesTime() {
        var pulled = pull("nginx:1.14.2"); // 109 MB: 0.5 s + 5.45 s

        f.loop.advance(Duration.ofMillis(5949));
        assertThat(pulled).isNotDone();
        f.loop.advance(Duration.ofMillis(1));

        assertThat(pulled.join()).startsWith("docker.io/library/nginx@sha256:");
        Image image = f.runtime.imageStatus(new ImageSpec("docker.io/library/nginx:1.14.2")).orElseThrow();
        assertThat(image.repoTags()).containsExactly("docker.io/library/nginx:1.14.2");
    }

    @Test
    @DisplayName("an unknown Docker Hub repository fails as containerd says: pull access denied")
    void unknownRepository() {
        var pulled = pull("nosuch");
        f.loop.advance(Duration.ofSeconds(1));

        assertThat(pulled).isCompletedExceptionally();
        assertThat(pulled.handle((v, e) -> e.getMessage()).join()).contains(
                "failed to pull and unpack image \"docker.io/library/nosuch:latest\": failed to resolve reference "
                        + "\"docker.io/library/nosuch:latest\": pull access denied, repository does not exist or may "
                        + "require authorization: server message: insufficient_scope: authorization failed");
    }

    @Test
    @DisplayName("an unknown tag of a known repository is NotFound")
    void unknownTag() {
        var pulled = pull("nginx:9.9");
        f.loop.advance(Duration.ofSeconds(1));

        assertThat(pulled.handle((v, e) -> e instanceof CompletionException ? e.getCause().getMessage() : e.getMessage())
                .join()).isEqualTo("rpc error: code = NotFound desc = failed to pull and unpack image "
                + "\"docker.io/library/nginx:9.9\": failed to resolve reference \"docker.io/library/nginx:9.9\": "
                + "docker.io/library/nginx:9.9: not found");
    }

    @Test
    @DisplayName("k8s.gcr.io is an alias of registry.k8s.io, and the name pulled is kept")
    void oldRegistryAlias() {
        var pulled = pull("k8s.gcr.io/pause:2.0");
        f.loop.advance(Duration.ofSeconds(1));

        assertThat(pulled).isCompleted();
        assertThat(f.runtime.imageStatus(new ImageSpec("k8s.gcr.io/pause:2.0")).orElseThrow().repoTags())
                .contains("k8s.gcr.io/pause:2.0");
    }
}
