package kubelab.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The whole store contract run against {@link MemoryStore}, plus what only the in-memory store
 * promises: delivery on the writing thread, how it treats misbehaving listeners, and scale.
 */
@Tag("chapter1")
class MemoryStoreTest extends StoreContract {

    private MemoryStore memory;

    @Override
    protected Store newStore() {
        memory = new MemoryStore();
        return memory;
    }

    @Test
    @DisplayName("a new memory store is empty, at revision 0, and never compacted")
    void newStoreIsEmpty() {
        assertThat(memory.currentRevision()).isZero();
        assertThat(memory.compactedRevision()).isZero();
        assertThat(memory.size()).isZero();
        assertThat(memory.range("").kvs()).isEmpty();
    }

    @Test
    @DisplayName("listeners run on the writing thread, before the write returns")
    void deliveryIsSynchronous() {
        List<Thread> threads = new ArrayList<>();
        memory.watch(PODS, 0, event -> threads.add(Thread.currentThread()));

        memory.create(WEB, bytes("web"));

        assertThat(threads).containsExactly(Thread.currentThread());
    }

    @Test
    @DisplayName("history replayed by watch arrives before watch returns")
    void replayIsSynchronous() {
        memory.create(WEB, bytes("web"));
        List<WatchEvent> events = new ArrayList<>();

        memory.watch(PODS, 1, events::add);

        assertThat(events).hasSize(1);
    }

    @Test
    @DisplayName("a listener that writes to the store is refused, and loses its watch")
    void listenerMustNotWrite() {
        EventRecorder bystander = new EventRecorder();
        List<StoreException> closedWith = new ArrayList<>();
        memory.watch(PODS, 0, new WatchListener() {
            @Override
            public void onEvent(WatchEvent event) {
                memory.create(event.kv().key() + "-copy", bytes("echo"));
            }

            @Override
            public void onClose(StoreException cause) {
                closedWith.add(cause);
            }
        });
        memory.watch(PODS, 0, bystander);

        memory.create(WEB, bytes("web"));

        assertThat(memory.get(WEB + "-copy")).isEmpty();
        assertThat(memory.currentRevision()).isEqualTo(1);
        assertThat(closedWith).singleElement().isInstanceOf(StoreException.Unavailable.class);
        assertThat(bystander.events()).hasSize(1);
        assertThat(memory.watchCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("a listener that throws loses its watch and is told why; the write still counts")
    void throwingListenerLosesItsWatch() {
        EventRecorder broken = new EventRecorder();
        memory.watch(PODS, 0, new WatchListener() {
            @Override
            public void onEvent(WatchEvent event) {
                broken.onEvent(event);
                throw new IllegalStateException("bug in a listener");
            }

            @Override
            public void onClose(StoreException cause) {
                broken.onClose(cause);
            }
        });

        KeyValue web = memory.create(WEB, bytes("web"));
        memory.create(DB, bytes("db"));

        assertThat(broken.events()).extracting(WatchEvent::kv).containsExactly(web);
        assertThat(broken.awaitClose()).isInstanceOf(StoreException.Unavailable.class)
                .hasMessageContaining("bug in a listener");
        assertThat(memory.watchCount()).isZero();
        assertThat(memory.size()).isEqualTo(2);
    }

    @Test
    @DisplayName("a listener may close its own watch while an event is being delivered")
    void listenerMayCloseItsOwnWatch() {
        List<WatchEvent> seen = new ArrayList<>();
        StoreWatch[] watch = new StoreWatch[1];
        watch[0] = memory.watch(PODS, 0, event -> {
            seen.add(event);
            watch[0].close();
        });

        memory.create(WEB, bytes("web"));
        memory.create(DB, bytes("db"));

        assertThat(seen).hasSize(1);
        assertThat(memory.watchCount()).isZero();
    }

    @Test
    @DisplayName("compaction shrinks history to the live keys and their latest versions")
    void compactionShrinksHistory() {
        KeyValue kv = memory.create(WEB, bytes("1"));
        for (int i = 2; i <= 10; i++) {
            kv = memory.update(WEB, bytes(Integer.toString(i)), kv.modRevision());
        }
        memory.create(DB, bytes("db"));
        memory.delete(DB, 0);
        assertThat(memory.historySize()).isEqualTo(12);
        assertThat(memory.size()).isEqualTo(1);

        memory.compact(memory.currentRevision());

        assertThat(memory.historySize()).isEqualTo(1);
        assertThat(memory.get(WEB)).contains(kv);
        assertThat(memory.create(DB, bytes("db again")).version()).isEqualTo(1);
    }

    @Test
    @DisplayName("it holds 150,000 keys, and a range by prefix returns just the keys under it")
    void holdsManyKeys() {
        String[] resources = {"pods", "services/specs", "endpoints", "configmaps", "events"};
        int perResource = 30_000;
        for (String resource : resources) {
            for (int i = 0; i < perResource; i++) {
                memory.create("/registry/" + resource + "/ns-" + (i % 100) + "/obj-" + i, bytes("{}"));
            }
        }

        assertThat(memory.size()).isEqualTo(150_000);
        assertThat(memory.range("/registry/pods/").kvs()).hasSize(perResource);
        RangeResult oneNamespace = memory.range("/registry/endpoints/ns-7/");
        assertThat(oneNamespace.kvs()).hasSize(perResource / 100)
                .allSatisfy(kv -> assertThat(kv.key()).startsWith("/registry/endpoints/ns-7/"));
        RangeResult page = memory.range("/registry/configmaps/", null, 0, 500);
        assertThat(page.kvs()).hasSize(500);
        assertThat(page.more()).isTrue();
    }

    @Test
    @DisplayName("with a watch on every namespace, each write reaches only the watches on its key")
    void manyWatchesEachSeeTheirOwn() {
        int namespaces = 1_000;
        List<EventRecorder> recorders = new ArrayList<>();
        for (int n = 0; n < namespaces; n++) {
            EventRecorder recorder = new EventRecorder();
            memory.watch(PODS + "ns-" + n + "/", 0, recorder);
            recorders.add(recorder);
        }
        for (int n = 0; n < namespaces; n++) {
            memory.create(PODS + "ns-" + n + "/web", bytes("{}"));
        }

        for (int n = 0; n < namespaces; n++) {
            // ns-1's watch must not see ns-10, ns-100, ...: prefixes end with a slash.
            assertThat(recorders.get(n).events()).extracting(e -> e.kv().key())
                    .containsExactly(PODS + "ns-" + n + "/web");
        }
    }
}
