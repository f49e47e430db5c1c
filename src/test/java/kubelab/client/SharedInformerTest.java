package kubelab.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import kubelab.time.SimulatedLoop;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class SharedInformerTest {

    private final SimulatedLoop loop = new SimulatedLoop(1);
    private final FakeListerWatcher<Thing> server = new FakeListerWatcher<>();
    private final SharedInformer<Thing> informer = SharedInformer.create("things", server, loop, Duration.ZERO);
    private final RecordingHandler handler = new RecordingHandler();

    private void startAndSync() {
        informer.addEventHandler(handler);
        informer.start();
        loop.settle();
        assertThat(informer.hasSynced()).isTrue();
    }

    @Test
    @DisplayName("an informer lists, then watches from the list's resourceVersion")
    void listThenWatch() {
        server.add(Thing.of("default", "a", "1"));
        server.add(Thing.of("default", "b", "1"));

        informer.addEventHandler(handler);
        informer.start();
        assertThat(informer.hasSynced()).isFalse();
        loop.settle();

        assertThat(server.lists).hasSize(1);
        assertThat(server.watchRequests).hasSize(1);
        assertThat(server.watchRequests.get(0).resourceVersion()).isEqualTo("2");
        assertThat(server.watchRequests.get(0).allowWatchBookmarks()).isTrue();
        assertThat(informer.hasSynced()).isTrue();
        assertThat(informer.lastSyncResourceVersion()).isEqualTo("2");
        assertThat(informer.lister().inNamespace("default").list()).extracting(Thing::name).containsExactly("a", "b");
        assertThat(handler.events).containsExactly("add default/a@1 (initial)", "add default/b@2 (initial)");
    }

    @Test
    @DisplayName("watch events reach the cache first, then the handlers, in order")
    void watchEvents() {
        startAndSync();
        Thing[] seenInCache = new Thing[1];
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onUpdate(Thing oldObj, Thing newObj) {
                seenInCache[0] = informer.getIndexer().get(newObj).orElseThrow();
            }
        });

        Thing a = server.add(Thing.of("default", "a", "1"));
        server.modify(a.withSpec("2"));
        server.delete(a);
        server.add(Thing.of("default", "b", "1"));
        loop.settle();

        assertThat(handler.drain()).containsExactly(
                "add default/a@1", "update default/a@1->2", "delete default/a@3", "add default/b@4");
        assertThat(seenInCache[0].spec()).isEqualTo("2");
        assertThat(informer.getIndexer().listKeys()).containsExactly("default/b");
        assertThat(informer.lastSyncResourceVersion()).isEqualTo("4");
    }

    @Test
    @DisplayName("a bookmark only advances the resourceVersion")
    void bookmarks() {
        startAndSync();
        server.add(Thing.of("default", "a", "1"));
        loop.settle();
        handler.drain();
        server.writeElsewhere(); // the global resourceVersion moves on, for another type

        server.bookmark();
        loop.settle();

        assertThat(handler.events).isEmpty();
        assertThat(informer.getIndexer().listKeys()).containsExactly("default/a");
        assertThat(informer.lastSyncResourceVersion()).isEqualTo("2");
    }

    @Test
    @DisplayName("after 410 Expired, the informer relists, its cache converges, and handlers see the delete of an object removed while it was away")
    void relistAfterExpired() {
        Thing a = server.add(Thing.of("default", "a", "1"));
        Thing b = server.add(Thing.of("default", "b", "1"));
        server.add(Thing.of("default", "c", "1"));
        startAndSync();
        handler.drain();

        server.expireWatches();
        loop.runReady();                      // the reflector hears the 410 and backs off
        assertThat(server.openWatches()).isZero();
        server.delete(b);                     // ... while nobody watches
        server.modify(a.withSpec("2"));
        server.add(Thing.of("default", "d", "1"));
        loop.settle();                        // back-off passes, relist, rewatch

        assertThat(server.lists).hasSize(2);
        assertThat(server.watchRequests.get(1).resourceVersion()).isEqualTo("6");
        assertThat(informer.getIndexer().listKeys()).containsExactly("default/a", "default/c", "default/d");
        // c did not change, so it is not announced; the rest is.
        assertThat(handler.drain()).containsExactlyInAnyOrder(
                "update default/a@1->5", "add default/d@6", "delete default/b (final state unknown)");
        assertThat(loop.elapsed()).isBetween(Reflector.INITIAL_BACKOFF, Reflector.INITIAL_BACKOFF.multipliedBy(2));
    }

    @Test
    @DisplayName("repeated failures back off longer each time")
    void backoffGrows() {
        startAndSync();

        server.expireNextWatch();
        server.expireWatches();               // 410, relist; the rewatch is answered 410 again
        loop.settle();

        assertThat(server.lists).hasSize(3);
        // First back-off in [0.8s, 1.6s), second in [1.6s, 3.2s).
        assertThat(loop.elapsed()).isBetween(Duration.ofMillis(2400), Duration.ofMillis(4800));
        assertThat(server.openWatches()).isEqualTo(1);
    }

    @Test
    @DisplayName("a list that fails is retried after a back-off")
    void listRetried() {
        server.add(Thing.of("default", "a", "1"));
        server.failNextLists(2);
        informer.start();

        loop.settle();

        assertThat(server.lists).hasSize(3);
        assertThat(informer.hasSynced()).isTrue();
        assertThat(informer.getIndexer().listKeys()).containsExactly("default/a");
    }

    @Test
    @DisplayName("a watch that ends normally is resumed from the last resourceVersion, without a relist")
    void rewatchAfterClose() {
        server.add(Thing.of("default", "a", "1"));
        startAndSync();
        loop.advance(Duration.ofMinutes(5));

        server.closeWatches();
        server.add(Thing.of("default", "b", "1"));
        loop.settle();

        assertThat(server.lists).hasSize(1);
        assertThat(server.watchRequests).extracting(o -> o.resourceVersion()).containsExactly("1", "1");
        assertThat(informer.getIndexer().listKeys()).containsExactly("default/a", "default/b");
    }

    @Test
    @DisplayName("resync calls onUpdate for every cached object")
    void resync() {
        server.add(Thing.of("default", "a", "1"));
        server.add(Thing.of("default", "b", "1"));
        informer.addEventHandler(handler, Duration.ofMinutes(10));
        informer.start();
        loop.settle();
        handler.drain();
        assertThat(loop.pendingTasks()).isEqualTo(1); // the resync timer: background, settle did not wait

        loop.advance(Duration.ofMinutes(10));

        assertThat(handler.drain()).containsExactly("update default/a@1->1", "update default/b@2->2");
    }

    @Test
    @DisplayName("a handler added after start gets onAdd for every cached object")
    void lateHandler() {
        server.add(Thing.of("default", "a", "1"));
        informer.start();
        loop.settle();

        informer.addEventHandler(handler);
        server.add(Thing.of("default", "b", "1"));
        loop.settle();

        assertThat(handler.events).containsExactly("add default/a@1 (initial)", "add default/b@2");
    }

    @Test
    @DisplayName("a stopped informer closes its watch and keeps its cache")
    void stop() {
        server.add(Thing.of("default", "a", "1"));
        startAndSync();

        informer.stop();
        server.add(Thing.of("default", "b", "1"));
        loop.settle();

        assertThat(server.openWatches()).isZero();
        assertThat(informer.getIndexer().listKeys()).containsExactly("default/a");
    }
}
