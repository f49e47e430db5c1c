package kubelab.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class DeltaFIFOTest {

    private final Indexer<Thing> known = Indexer.namespaced();
    private final AtomicInteger queued = new AtomicInteger();
    private final DeltaFIFO<Thing> fifo = new DeltaFIFO<>(known, queued::incrementAndGet);

    private static List<String> describe(DeltaFIFO.Deltas<Thing> d) {
        return d.deltas().stream()
                .map(x -> x.type() + " " + x.object().spec() + (x.finalStateUnknown() ? " (final state unknown)" : ""))
                .toList();
    }

    @Test
    @DisplayName("changes to one object while it waits are popped together, in order")
    void accumulates() {
        Thing a = Thing.of("default", "a", "1");
        fifo.add(a);
        fifo.add(Thing.of("default", "b", "1"));
        fifo.update(a.withSpec("2"));
        fifo.delete(a.withSpec("2"));

        assertThat(queued).hasValue(2);
        var first = fifo.pop().orElseThrow();
        assertThat(first.key()).isEqualTo("default/a");
        assertThat(describe(first)).containsExactly("ADDED 1", "UPDATED 2", "DELETED 2");
        assertThat(fifo.pop().orElseThrow().key()).isEqualTo("default/b");
        assertThat(fifo.pop()).isEmpty();
    }

    @Test
    @DisplayName("deleting an object nobody knows or queued does nothing")
    void deleteUnknown() {
        fifo.delete(Thing.of("default", "ghost", "1"));

        assertThat(fifo.len()).isZero();
    }

    @Test
    @DisplayName("replace marks objects missing from the list as deleted, final state unknown")
    void replaceFindsDeletions() {
        known.add(Thing.of("default", "kept", "old"));
        known.add(Thing.of("default", "gone", "last-known"));
        fifo.add(Thing.of("default", "queued-then-gone", "q"));

        fifo.replace(List.of(Thing.of("default", "kept", "new")), "10");

        assertThat(fifo.deltasFor("default/kept")).extracting(Delta::type).containsExactly(Delta.Type.REPLACED);
        assertThat(describe(fifo.pop().orElseThrow())).containsExactly("ADDED q", "DELETED q (final state unknown)");
        assertThat(describe(fifo.pop().orElseThrow())).containsExactly("REPLACED new");
        assertThat(describe(fifo.pop().orElseThrow())).containsExactly("DELETED last-known (final state unknown)");
    }

    @Test
    @DisplayName("two deletions in a row are kept as one, preferring the known final state")
    void dedupDeletions() {
        Thing a = Thing.of("default", "a", "cached");
        known.add(a);
        fifo.replace(List.of(), "5");            // the relist infers the deletion ...
        fifo.delete(a.withSpec("final"));        // ... then the real one arrives

        assertThat(describe(fifo.pop().orElseThrow())).containsExactly("DELETED final");
    }

    @Test
    @DisplayName("the queue has synced once everything from the first list has been popped")
    void hasSynced() {
        assertThat(fifo.hasSynced()).isFalse();
        fifo.replace(List.of(Thing.of("default", "a", "1"), Thing.of("default", "b", "1")), "2");
        fifo.add(Thing.of("default", "c", "1"));

        assertThat(fifo.hasSynced()).isFalse();
        assertThat(fifo.pop().orElseThrow().isInInitialList()).isTrue();
        assertThat(fifo.hasSynced()).isFalse();
        assertThat(fifo.pop().orElseThrow().isInInitialList()).isTrue();
        assertThat(fifo.hasSynced()).isTrue();
        assertThat(fifo.pop().orElseThrow().isInInitialList()).isFalse();
    }

    @Test
    @DisplayName("an empty first list has synced at once")
    void emptyListSynced() {
        fifo.replace(List.of(), "1");

        assertThat(fifo.hasSynced()).isTrue();
    }
}
