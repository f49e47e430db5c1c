package kubelab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The store contract as tests: every rule in the {@link Store} Javadoc, and etcd's behaviour where
 * the Javadoc leaves it open. Each implementation runs the whole suite by extending this class and
 * saying how to make a store:
 *
 * <pre>{@code
 * class MemoryStoreTest extends StoreContract {
 *     protected Store newStore() { return new MemoryStore(); }
 * }
 * }</pre>
 *
 * <p>The rules come in three parts: reads, writes and compaction ({@link StoreKeyValueContract}),
 * watch ({@link StoreWatchContract}), and here, many threads at once and closing the store. No
 * test sleeps: threads meet at latches, and events are awaited, never timed.
 */
public abstract class StoreContract extends StoreWatchContract {

    private static final int WRITERS = 4;
    private static final int WRITES_EACH = 500;

    @Test
    @DisplayName("concurrent writers from several threads: every event exactly once, in revision order")
    void concurrentWritersEveryEventOnceInOrder() throws Exception {
        EventRecorder early = new EventRecorder();
        store.watch(PODS, base + 1, early);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                String namespace = "ns-" + w;
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < WRITES_EACH; i++) {
                        store.create(PODS + namespace + "/pod-" + i, bytes("{}"));
                    }
                    return null;
                }));
            }
            start.countDown();
            // While the writers run, a second watch replays from the start and then goes live:
            // the hand-over from history to live events must lose and repeat nothing.
            early.awaitEvents(WRITERS * WRITES_EACH / 4);
            EventRecorder late = new EventRecorder();
            store.watch(PODS, base + 1, late);
            for (Future<?> writer : writers) {
                writer.get(30, TimeUnit.SECONDS);
            }

            long last = base + WRITERS * WRITES_EACH;
            assertThat(store.currentRevision()).isEqualTo(last);
            List<Long> everyRevision = LongStream.rangeClosed(base + 1, last).boxed().toList();
            for (EventRecorder recorder : List.of(early, late)) {
                List<WatchEvent> events = recorder.awaitRevision(last);
                assertThat(revisions(events)).isEqualTo(everyRevision);
                assertThat(events).extracting(e -> e.kv().key()).doesNotHaveDuplicates();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("concurrent compare-and-swap on one key loses no update: a loser retries from the value it is handed")
    void concurrentCompareAndSwapLosesNothing() throws Exception {
        KeyValue counter = store.create(WEB, bytes("0"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                writers.add(pool.submit(() -> {
                    start.await();
                    KeyValue seen = store.get(WEB).orElseThrow();
                    for (int i = 0; i < WRITES_EACH; i++) {
                        while (true) {
                            long next = Long.parseLong(seen.valueAsString()) + 1;
                            try {
                                seen = store.update(WEB, bytes(Long.toString(next)), seen.modRevision());
                                break;
                            } catch (StoreException.RevisionMismatch lost) {
                                seen = lost.current(); // someone else won this round: retry on top of theirs
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        KeyValue result = store.get(WEB).orElseThrow();
        assertThat(result.valueAsString()).isEqualTo(Integer.toString(WRITERS * WRITES_EACH));
        assertThat(result.version()).isEqualTo(1 + WRITERS * WRITES_EACH);
        assertThat(result.createRevision()).isEqualTo(counter.createRevision());
        assertThat(store.currentRevision()).isEqualTo(base + 1 + WRITERS * WRITES_EACH);
    }

    @Test
    @DisplayName("a write that returned is seen by reads on every other thread")
    void writesAreSeenByOtherThreads() throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            KeyValue written = other.submit(() -> store.create(WEB, bytes("from another thread")))
                    .get(30, TimeUnit.SECONDS);

            assertThat(store.get(WEB)).contains(written);
            assertThat(store.currentRevision()).isEqualTo(written.modRevision());
            KeyValue updated = store.update(WEB, bytes("from the test thread"), written.modRevision());
            assertThat(other.submit(() -> store.get(WEB)).get(30, TimeUnit.SECONDS)).contains(updated);
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    @DisplayName("closing the store ends its watches and refuses later calls; closing twice is harmless")
    void closingTheStore() {
        EventRecorder recorder = new EventRecorder();
        store.watch(PODS, base + 1, recorder);
        store.create(WEB, bytes("web"));

        store.close();
        store.close();

        assertThat(recorder.awaitClose()).isNotNull();
        assertThatThrownBy(() -> store.get(WEB)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.create(DB, bytes("db"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.watch(PODS, 0, new EventRecorder())).isInstanceOf(IllegalStateException.class);
    }
}
