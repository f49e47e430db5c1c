package kubelab.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Waits only on latches with generous timeouts; asserts order and effects, never durations. */
@Tag("chapter1")
class RealTimeLoopTest {

    @Test
    @DisplayName("tasks run one at a time on the loop's thread, in the order they were submitted")
    void runsInOrderOnItsThread() throws InterruptedException {
        try (RealTimeLoop loop = new RealTimeLoop(1)) {
            List<Integer> order = new ArrayList<>();
            AtomicBoolean allInLoop = new AtomicBoolean(true);
            CountDownLatch done = new CountDownLatch(1);
            for (int i = 0; i < 100; i++) {
                int n = i;
                loop.execute(() -> {
                    order.add(n);
                    allInLoop.compareAndSet(true, loop.inLoop());
                });
            }
            loop.execute(done::countDown);

            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(order).hasSize(100).isSorted();
            assertThat(allInLoop).isTrue();
            assertThat(loop.inLoop()).isFalse();
        }
    }

    @Test
    @DisplayName("a failing task is logged and the loop carries on")
    void survivesFailures() throws InterruptedException {
        try (RealTimeLoop loop = new RealTimeLoop(1, 1000)) {
            CountDownLatch after = new CountDownLatch(1);
            loop.execute("doomed", () -> {
                throw new IllegalStateException("expected in this test");
            });
            loop.schedule(Duration.ofMillis(10), after::countDown);

            assertThat(after.await(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    @DisplayName("close stops the loop's thread, and later tasks are dropped without error")
    void closeStops() throws InterruptedException {
        RealTimeLoop loop = new RealTimeLoop(1);
        AtomicReference<Thread> thread = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);
        loop.execute(() -> {
            thread.set(Thread.currentThread());
            ran.countDown();
        });
        assertThat(ran.await(30, TimeUnit.SECONDS)).isTrue();

        loop.close();
        thread.get().join(30_000);

        assertThat(loop.isClosed()).isTrue();
        assertThat(thread.get().isAlive()).isFalse();
        loop.execute(() -> { });
    }
}
