package kubelab.store.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import kubelab.store.KeyValue;
import kubelab.store.StoreException;
import kubelab.store.WatchEvent;
import kubelab.store.WatchListener;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Faults of a real etcd, each stated as what must not happen. */
@Tag("etcd")
@DisplayName("The etcd store under faults")
class EtcdFaultTest {
    private static final String PODS = "/registry/pods/default/";

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A listener that queues what it hears, so a test can wait for it without sleeping. */
    private static final class Heard implements WatchListener {
        final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();

        @Override
        public void onEvent(WatchEvent event) {
            queue.add(event);
        }

        @Override
        public void onClose(StoreException cause) {
            queue.add(cause);
        }

        Object next() throws InterruptedException {
            Object o = queue.poll(20, TimeUnit.SECONDS);
            assertThat(o).as("something heard within 20 s").isNotNull();
            return o;
        }
    }

    @Test
    @DisplayName("a watch from before a compaction is refused as compacted (the API's 410), and one from the current revision goes on")
    void watchAcrossCompaction() throws Exception {
        try (LocalEtcd etcd = EtcdFixture.start(); EtcdStore store = EtcdStore.connect(List.of(etcd.endpoint()), "")) {
            KeyValue a = store.create(PODS + "a", bytes("1"));
            KeyValue b = store.update(PODS + "a", bytes("2"), a.modRevision());
            store.compact(b.modRevision());

            assertThatThrownBy(() -> store.watch(PODS, a.modRevision(), new Heard()))
                    .isInstanceOf(StoreException.Compacted.class);
            Heard resumed = new Heard();
            store.watch(PODS, store.currentRevision() + 1, resumed);
            KeyValue c = store.update(PODS + "a", bytes("3"), b.modRevision());
            WatchEvent e = (WatchEvent) resumed.next();
            assertThat(e.kv().modRevision()).isEqualTo(c.modRevision());
            assertThat(new String(e.prevKv().value(), StandardCharsets.UTF_8)).isEqualTo("2");
        }
    }

    @Test
    @DisplayName("etcd restarted under writes: no acknowledged write is lost, the watch loses and repeats nothing, and writes go on after")
    void etcdRestartsUnderLoad() throws Exception {
        try (LocalEtcd etcd = EtcdFixture.start(); EtcdStore store = EtcdStore.connect(List.of(etcd.endpoint()), "")) {
            Heard heard = new Heard();
            long from = store.currentRevision() + 1;
            store.watch(PODS, from, heard);
            List<KeyValue> acknowledged = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                acknowledged.add(store.create(PODS + "before-" + i, bytes("v" + i)));
            }
            etcd.restart();
            KeyValue after = null;
            for (int attempt = 0; attempt < 50 && after == null; attempt++) {
                try {
                    after = store.create(PODS + "after", bytes("after"));   // the client reconnects by itself
                } catch (StoreException.Unavailable reconnecting) {
                    // etcd is still starting: try again
                }
            }
            assertThat(after).as("a write succeeds after the restart").isNotNull();
            for (KeyValue kv : acknowledged) {
                assertThat(store.get(kv.key())).as(kv.key()).hasValueSatisfying(v -> assertThat(v.modRevision()).isEqualTo(kv.modRevision()));
            }

            // The watch either resumed (it then delivers every event once, in order) or was closed as unavailable.
            List<Long> revisions = new ArrayList<>();
            StoreException closed = null;
            while (closed == null && (revisions.isEmpty() || revisions.get(revisions.size() - 1) < after.modRevision())) {
                Object o = heard.next();
                if (o instanceof StoreException s) {
                    closed = s;
                } else {
                    revisions.add(((WatchEvent) o).revision());
                }
            }
            assertThat(revisions).as("in order, none twice").isSorted().doesNotHaveDuplicates();
            if (closed == null) {
                assertThat(revisions).as("resumed: nothing lost").hasSize(acknowledged.size() + 1);
            } else {
                assertThat(closed).isInstanceOf(StoreException.Unavailable.class);
            }
        }
    }
}
