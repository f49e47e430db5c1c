package kubelab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import kubelab.api.core.Node;
import kubelab.cluster.Cluster;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
@DisplayName("The cluster thread: one thread at a time touches the cluster")
class ClusterThreadTest {

    @Test
    @DisplayName("a cluster thread of its own answers calls from other threads")
    void ownThread() throws Exception {
        try (ClusterThread thread = new ClusterThread(Cluster.builder().nodes(1).build(), 10)) {
            CompletableFuture<Integer> nodes = CompletableFuture.supplyAsync(
                    () -> thread.call(c -> c.api().list(Node.class, null).items().size()));
            assertThat(nodes.get()).isEqualTo(1);
            assertThatThrownBy(() -> thread.pumpUntil(() -> true)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    @DisplayName("a cluster pumped by its caller runs other threads' calls only while the caller pumps, on the caller's thread")
    void pumpedByCaller() throws Exception {
        Cluster cluster = Cluster.builder().nodes(1).build();
        ClusterThread thread = ClusterThread.pumpedByCaller(cluster);
        Thread caller = Thread.currentThread();
        CompletableFuture<Thread> ranOn = CompletableFuture.supplyAsync(() -> thread.call(c -> Thread.currentThread()));
        cluster.advance(Duration.ofMinutes(1));   // the caller drives the cluster as before; the call waits
        assertThat(ranOn).isNotDone();

        thread.pumpUntil(ranOn::isDone);

        assertThat(ranOn.get()).isSameAs(caller);
        assertThat(thread.inThread()).as("not pumping any more").isFalse();
        thread.close();
    }
}
