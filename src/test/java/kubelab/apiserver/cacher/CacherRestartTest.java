package kubelab.apiserver.cacher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import kubelab.api.Scheme;
import kubelab.api.core.ConfigMap;
import kubelab.apiserver.ApiServer;
import kubelab.apiserver.ListOptions;
import kubelab.apiserver.WatchEvent;
import kubelab.store.ForwardingStore;
import kubelab.store.MemoryStore;
import kubelab.store.RangeResult;
import kubelab.store.StoreException;
import kubelab.store.StoreWatch;
import kubelab.store.WatchListener;
import kubelab.time.SimulatedLoop;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * When a remote store drops the API server's watches (a real etcd restarting), each watch cache
 * tells its watchers to relist, then lists and watches the store again by itself, retrying every
 * second until the store answers.
 */
@DisplayName("A watch cache whose store watch is lost")
class CacherRestartTest {
    private final SimulatedLoop loop = new SimulatedLoop(3);
    private final BreakableStore store = new BreakableStore(new MemoryStore());
    private final ApiServer api = new ApiServer(store, Scheme.standard(), loop);

    @Test
    @DisplayName("tells its watchers to relist, then lists and watches the store again once it answers, and tells those who came in between to relist too")
    void restartsAfterTheStoreComesBack() {
        api.create(ConfigMap.of("default", "before", java.util.Map.of()));
        List<WatchEvent<ConfigMap>> seen = new ArrayList<>();
        api.watch(ConfigMap.class, "default", ListOptions.ALL, loop, seen::add);
        loop.runReady();

        store.failRanges(2);                                                   // down for about two seconds
        store.breakWatches();
        loop.runReady();
        assertThat(seen).last().satisfies(e -> {
            assertThat(e.type()).isEqualTo(WatchEvent.Type.ERROR);
            assertThat(e.error().code()).isEqualTo(410);
        });
        store.inner.create("/registry/configmaps/default/meanwhile",             // another API server's write
                kubelab.api.serialization.Json.toBytes(ConfigMap.of("default", "meanwhile", java.util.Map.of())));

        List<WatchEvent<ConfigMap>> between = new ArrayList<>();   // a client that relisted from the stale cache
        api.watch(ConfigMap.class, "default", ListOptions.ALL.withResourceVersion(api.list(ConfigMap.class, "default")
                .resourceVersion()), loop, between::add);

        loop.advance(Duration.ofSeconds(3));
        assertThat(between).as("told to list again once the cache is reloaded, having missed 'meanwhile'")
                .extracting(WatchEvent::type).containsExactly(WatchEvent.Type.ERROR);
        assertThat(store.rangeAttempts.get()).as("two failed tries, then one that worked").isGreaterThanOrEqualTo(3);
        assertThat(api.list(ConfigMap.class, "default").items()).extracting(c -> c.metadata().name())
                .contains("before", "meanwhile");

        List<WatchEvent<ConfigMap>> after = new ArrayList<>();
        var list = api.list(ConfigMap.class, "default");
        api.watch(ConfigMap.class, "default", ListOptions.ALL.withResourceVersion(list.resourceVersion()), loop, after::add);
        api.create(ConfigMap.of("default", "later", java.util.Map.of()));
        loop.runReady();
        assertThat(after).extracting(e -> e.type() + " " + e.object().metadata().name()).containsExactly("ADDED later");
    }

    /** A store whose watches can be broken, as a restarting etcd breaks them, and whose reads can fail for a while. */
    static final class BreakableStore extends ForwardingStore {
        final MemoryStore inner;
        private final List<WatchListener> listeners = new ArrayList<>();
        private final List<StoreWatch> watches = new ArrayList<>();
        private final AtomicInteger failing = new AtomicInteger();
        final AtomicInteger rangeAttempts = new AtomicInteger();

        BreakableStore(MemoryStore inner) {
            super(inner);
            this.inner = inner;
        }

        void breakWatches() {
            watches.forEach(StoreWatch::close);
            watches.clear();
            List<WatchListener> broken = List.copyOf(listeners);
            listeners.clear();
            broken.forEach(l -> l.onClose(new StoreException.Unavailable("etcd at http://127.0.0.1:2379 restarted")));
        }

        void failRanges(int times) {
            failing.set(times);
            rangeAttempts.set(0);
        }

        @Override
        public RangeResult range(String prefix, String startKey, long revision, int limit) {
            rangeAttempts.incrementAndGet();
            if (failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new StoreException.Unavailable("etcd at http://127.0.0.1:2379 is not answering");
            }
            return inner.range(prefix, startKey, revision, limit);
        }

        @Override
        public StoreWatch watch(String prefix, long fromRevision, WatchListener listener) {
            listeners.add(listener);
            StoreWatch w = inner.watch(prefix, fromRevision, listener);
            watches.add(w);
            return w;
        }
    }
}
