package kubelab.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The hand-off keeps the whole store contract while every watch event runs on another thread
 * (here a single-threaded executor, as the cluster thread is for a real etcd's events).
 */
class HandOffStoreTest extends StoreContract {
    private ExecutorService executor;

    @Override
    protected Store newStore() {
        executor = Executors.newSingleThreadExecutor();
        HandOffStore store = new HandOffStore(new MemoryStore());
        store.deliverOn(executor);
        return store;
    }

    @Override
    protected void cleanUp(Store store) {
        store.close();
        executor.shutdown();
    }

    @Test
    @DisplayName("events that come before the executor is named are held, then handed over first, in order")
    void eventsAreHeldUntilTheExecutorIsNamed() {
        HandOffStore held = new HandOffStore(new MemoryStore());
        List<String> seen = new ArrayList<>();
        held.watch(PODS, 1, event -> seen.add(event.kv().key()));
        held.create(PODS + "default/a", bytes("{}"));
        held.create(PODS + "default/b", bytes("{}"));
        assertThat(seen).as("nothing runs before there is somewhere to run it").isEmpty();

        List<Runnable> queue = new ArrayList<>();
        held.deliverOn(queue::add);
        held.create(PODS + "default/c", bytes("{}"));
        queue.forEach(Runnable::run);
        assertThat(seen).containsExactly(PODS + "default/a", PODS + "default/b", PODS + "default/c");
    }

    @Test
    @DisplayName("a handed-off store does not claim that watches hear of a write before it returns")
    void doesNotNotifyBeforeReturn() throws InterruptedException {
        assertThat(new MemoryStore().notifiesBeforeReturn()).isTrue();
        assertThat(store.notifiesBeforeReturn()).isFalse();
        executor.shutdown();
        assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
}
