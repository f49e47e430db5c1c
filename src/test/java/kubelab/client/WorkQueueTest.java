package kubelab.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kubelab.time.SimulatedLoop;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class WorkQueueTest {

    private final SimulatedLoop loop = new SimulatedLoop(1);
    private final DelayingQueue<String> queue = new DelayingQueue<>("test", loop);

    @Test
    @DisplayName("an item added twice is processed once")
    void dedup() {
        queue.add("default/web");
        queue.add("default/db");
        queue.add("default/web");

        assertThat(queue.len()).isEqualTo(2);
        assertThat(queue.get()).contains("default/web");
        assertThat(queue.get()).contains("default/db");
        assertThat(queue.get()).isEmpty();
    }

    @Test
    @DisplayName("an item re-added while it is processed is processed again after done, never twice at once")
    void reAddWhileProcessing() {
        queue.add("default/web");
        String item = queue.get().orElseThrow();

        queue.add("default/web");              // a change arrives during processing
        assertThat(queue.get()).isEmpty();     // not handed out a second time meanwhile
        queue.done(item);

        assertThat(queue.get()).contains("default/web");
    }

    @Test
    @DisplayName("an item that was not re-added is gone after done")
    void doneForgets() {
        queue.add("a");
        queue.done(queue.get().orElseThrow());

        assertThat(queue.len()).isZero();
        assertThat(queue.get()).isEmpty();
    }

    @Test
    @DisplayName("items come out in the order they went in")
    void fifo() {
        List.of("c", "a", "b").forEach(queue::add);

        List<String> out = new ArrayList<>();
        for (Optional<String> next = queue.get(); next.isPresent(); next = queue.get()) {
            out.add(next.get());
        }
        assertThat(out).containsExactly("c", "a", "b");
    }

    @Test
    @DisplayName("after shutDown new items are ignored, queued ones still come out")
    void shutDown() {
        queue.add("a");
        queue.addAfter("later", Duration.ofSeconds(1));
        queue.shutDown();
        queue.add("b");

        loop.settle();
        assertThat(queue.get()).contains("a");
        assertThat(queue.get()).isEmpty();
        assertThat(queue.shuttingDown()).isTrue();
    }

    @Test
    @DisplayName("addAfter delivers after the delay of virtual time")
    void addAfter() {
        queue.addAfter("default/web", Duration.ofSeconds(30));

        loop.advance(Duration.ofSeconds(29));
        assertThat(queue.len()).isZero();
        assertThat(queue.waitingLen()).isEqualTo(1);

        loop.advance(Duration.ofSeconds(1));
        assertThat(queue.get()).contains("default/web");
        assertThat(queue.waitingLen()).isZero();
    }

    @Test
    @DisplayName("an item already waiting keeps the earlier of its two ready times")
    void addAfterKeepsEarliest() {
        queue.addAfter("x", Duration.ofSeconds(10));
        queue.addAfter("x", Duration.ofSeconds(60));
        queue.addAfter("y", Duration.ofSeconds(60));
        queue.addAfter("y", Duration.ofSeconds(5));

        loop.settle();

        assertThat(loop.elapsed()).isEqualTo(Duration.ofSeconds(10));
        assertThat(queue.get()).contains("y");
        assertThat(queue.get()).contains("x");
        assertThat(queue.get()).isEmpty();
    }

    @Test
    @DisplayName("the ready listener hears once of each item that can be handed out")
    void readyListener() {
        List<Integer> lengths = new ArrayList<>();
        queue.addReadyListener(() -> lengths.add(queue.len()));

        queue.add("a");
        queue.add("a");                 // dedup: no news
        String a = queue.get().orElseThrow();
        queue.add("a");                 // processing: no news yet
        queue.done(a);                  // now it can be handed out again

        assertThat(lengths).containsExactly(1, 1);
    }
}
