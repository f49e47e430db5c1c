package kubelab.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import kubelab.api.core.ContainerStatus;
import kubelab.api.core.PodPhase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter2")
@DisplayName("The kubelet pulls images by their pull policy")
class KubeletImagePullTest extends KubeletFixture {
    private static final String PULL_ERROR = "rpc error: code = NotFound desc = failed to pull and unpack image "
            + "\"docker.io/library/nosuch:latest\": pull access denied, repository does not exist or may require authorization";

    @BeforeEach
    void node() {
        startNode();
    }

    @Test
    @DisplayName("a pod whose image cannot be pulled shows ErrImagePull, then waits in ImagePullBackOff")
    void imagePullBackOff() {
        create(pod("bad", container("app", "nosuch")));
        loop.advance(Duration.ofSeconds(2));

        ContainerStatus app = status("bad", "app");
        assertThat(app.state().waiting().reason()).isEqualTo("ErrImagePull");
        assertThat(app.state().waiting().message()).isEqualTo(PULL_ERROR);
        assertThat(events("bad")).containsExactly(
                "Pulling: Pulling image \"nosuch\"",
                "Failed: Failed to pull image \"nosuch\": " + PULL_ERROR,
                "Failed: Error: ErrImagePull");

        loop.advance(Duration.ofSeconds(5)); // a sync within the back-off, as a resync or an update brings
        kubeletResync();
        app = status("bad", "app");
        assertThat(app.state().waiting().reason()).isEqualTo("ImagePullBackOff");
        assertThat(app.state().waiting().message()).isEqualTo("Back-off pulling image \"nosuch\"");
        assertThat(events("bad", "BackOff")).containsExactly("Back-off pulling image \"nosuch\"");
        assertThat(get("bad").status().phase()).isEqualTo(PodPhase.PENDING);
    }

    @Test
    @DisplayName("a failed pull is retried after 10 s, then 20 s, then 40 s")
    void pullRetries() {
        create(pod("bad", container("app", "nosuch")));
        loop.advance(Duration.ofSeconds(80));

        // pulls start at 0, at 1+10, at 12+20 and at 33+40: each failure doubles the wait
        assertThat(runtime.pulls).hasSize(4);
        loop.advance(Duration.ofSeconds(80));
        assertThat(runtime.pulls).hasSize(5);
    }

    @Test
    @DisplayName("with imagePullPolicy Never a missing image is ErrImageNeverPull")
    void neverPull() {
        var c = container("app", "nginx:1.14.2");
        c = new kubelab.api.core.Container(c.name(), c.image(), null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, "Never", null, null, null, null);
        create(pod("never", c));
        loop.settle();

        assertThat(status("never", "app").state().waiting().reason()).isEqualTo("ErrImageNeverPull");
        assertThat(events("never", "ErrImageNeverPull"))
                .containsExactly("Container image \"nginx:1.14.2\" is not present with pull policy of Never");
        assertThat(runtime.pulls).isEmpty();
    }

    /** Touches the pod so that the kubelet syncs it again, as its periodic resync would. */
    private void kubeletResync() {
        var pod = get("bad");
        api.update(pod.withMetadata(pod.metadata().withLabel("touched", "yes")));
        loop.advance(Duration.ofMillis(1));
    }
}
