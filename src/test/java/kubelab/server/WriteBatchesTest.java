package kubelab.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class WriteBatchesTest {
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    @DisplayName("every write handed to the batches runs once, on at most as many threads at a time as allowed")
    void everyTaskRunsOnceOnAtMostTwoThreads() throws Exception {
        WriteBatches batches = new WriteBatches(pool, 2);
        int submitters = 4;
        int each = 25_000;
        CountDownLatch done = new CountDownLatch(submitters * each);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger ran = new AtomicInteger();
        Runnable task = () -> {
            int now = running.incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
            ran.incrementAndGet();
            running.decrementAndGet();
            done.countDown();
        };
        Thread[] threads = new Thread[submitters];
        for (int t = 0; t < submitters; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    batches.execute(task);
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(done.await(60, TimeUnit.SECONDS)).as("all writes ran").isTrue();
        assertThat(ran.get()).isEqualTo(submitters * each);
        assertThat(mostAtOnce.get()).isBetween(1, 2);
    }

    @Test
    @DisplayName("a write that throws is logged, and the writes after it still run")
    void aFailingWriteDoesNotStopTheBatch() throws Exception {
        WriteBatches batches = new WriteBatches(pool, 1);
        CountDownLatch after = new CountDownLatch(1);
        batches.execute(() -> {
            throw new IllegalStateException("a broken stream");
        });
        batches.execute(after::countDown);
        assertThat(after.await(10, TimeUnit.SECONDS)).isTrue();
    }
}
