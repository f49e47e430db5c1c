package kubelab.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kubelab.time.SimulatedLoop;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class WorkerTest {

    private final SimulatedLoop loop = new SimulatedLoop(1);
    private final RateLimitingQueue<String> queue = new RateLimitingQueue<>("things", loop);

    @Test
    @DisplayName("a failing reconcile is retried with growing back-off until it succeeds, then its failures are forgotten")
    void retriesWithBackoff() {
        List<Duration> attempts = new ArrayList<>();
        new Worker<>(queue, loop, key -> {
            attempts.add(loop.elapsed());
            if (attempts.size() <= 3) {
                throw new IllegalStateException("not yet (expected in this test)");
            }
        });

        queue.add("default/web");
        loop.settle();

        assertThat(attempts).containsExactly(Duration.ZERO, Duration.ofMillis(5), Duration.ofMillis(15), Duration.ofMillis(35));
        assertThat(queue.numRequeues("default/web")).isZero();
        assertThat(loop.pendingTasks()).isZero(); // idle workers cost nothing: no polling
    }

    @Test
    @DisplayName("a key queued many times while its worker is busy is reconciled once more, not many times")
    void coalesces() {
        List<String> reconciled = new ArrayList<>();
        new Worker<>(queue, loop, key -> {
            reconciled.add(key);
            if (reconciled.size() == 1) {
                queue.add(key);
                queue.add(key);
                queue.add(key);
            }
        });

        queue.add("default/web");
        loop.settle();

        assertThat(reconciled).containsExactly("default/web", "default/web");
    }

    @Test
    @DisplayName("processNextWorkItem can be stepped by hand")
    void stepByHand() {
        List<String> reconciled = new ArrayList<>();
        Worker<String> worker = new Worker<>(queue, loop, reconciled::add);
        queue.add("a");
        queue.add("b");

        assertThat(worker.processNextWorkItem()).isTrue();
        assertThat(reconciled).containsExactly("a");
        assertThat(worker.processNextWorkItem()).isTrue();
        assertThat(worker.processNextWorkItem()).isFalse();
        assertThat(reconciled).containsExactly("a", "b");

        loop.settle(); // the tasks the queue scheduled find nothing left to do
        assertThat(reconciled).containsExactly("a", "b");
    }

    @Test
    @DisplayName("a worker created on a queue that already has items processes them")
    void existingItems() {
        List<String> reconciled = new ArrayList<>();
        queue.add("a");
        queue.add("b");

        new Worker<>(queue, loop, reconciled::add);
        loop.settle();

        assertThat(reconciled).containsExactly("a", "b");
    }
}
