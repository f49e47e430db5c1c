package kubelab.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The second part of the store contract: watch from a revision. To wait for events without
 * assuming delivery is synchronous, tests write a last event and wait for it with an
 * {@link EventRecorder}: since events arrive in revision order, everything before it has arrived.
 */
public abstract class StoreWatchContract extends StoreKeyValueContract {

    static List<Long> revisions(List<WatchEvent> events) {
        return events.stream().map(WatchEvent::revision).toList();
    }

    @Test
    @DisplayName("watch replays history from a revision, then delivers live changes, each exactly once and in order")
    void watchReplaysThenGoesLive() {
        KeyValue web1 = store.create(WEB, bytes("web v1"));
        KeyValue web2 = store.update(WEB, bytes("web v2"), web1.modRevision());
        KeyValue db = store.create(DB, bytes("db"));
        EventRecorder recorder = new EventRecorder();

        store.watch(PODS, web2.modRevision(), recorder);
        KeyValue deletedWeb = store.delete(WEB, 0).prevKv();
        KeyValue api = store.create("/registry/pods/default/api", bytes("api"));

        List<WatchEvent> events = recorder.awaitRevision(api.modRevision());
        assertThat(revisions(events)).containsExactly(base + 2, base + 3, base + 4, base + 5);
        assertThat(events).extracting(WatchEvent::type).containsExactly(
                WatchEvent.Type.PUT, WatchEvent.Type.PUT, WatchEvent.Type.DELETE, WatchEvent.Type.PUT);
        assertThat(events.get(0)).isEqualTo(new WatchEvent(WatchEvent.Type.PUT, web2, web1));
        assertThat(events.get(1)).isEqualTo(new WatchEvent(WatchEvent.Type.PUT, db, null));
        assertThat(events.get(2).prevKv()).isEqualTo(deletedWeb);
        assertThat(events.get(3).kv()).isEqualTo(api);
    }

    @Test
    @DisplayName("a watch from now on sees only later changes, whether asked with the next revision or with 0")
    void watchFromNow() {
        store.create(DB, bytes("db"));
        EventRecorder fromNext = new EventRecorder();
        EventRecorder fromZero = new EventRecorder();

        store.watch(PODS, store.currentRevision() + 1, fromNext);
        store.watch(PODS, 0, fromZero);
        KeyValue web = store.create(WEB, bytes("web"));

        assertThat(fromNext.awaitRevision(web.modRevision())).extracting(WatchEvent::kv).containsExactly(web);
        assertThat(fromZero.awaitRevision(web.modRevision())).extracting(WatchEvent::kv).containsExactly(web);
    }

    @Test
    @DisplayName("a watch from a future revision waits for it and skips everything before")
    void watchFromFutureRevision() {
        EventRecorder recorder = new EventRecorder();
        store.watch(PODS, base + 3, recorder);

        KeyValue kv = store.create(WEB, bytes("1"));
        kv = store.update(WEB, bytes("2"), kv.modRevision());
        kv = store.update(WEB, bytes("3"), kv.modRevision());
        kv = store.update(WEB, bytes("4"), kv.modRevision());

        assertThat(revisions(recorder.awaitRevision(kv.modRevision()))).containsExactly(base + 3, base + 4);
    }

    @Test
    @DisplayName("a watch sees only its prefix")
    void watchSeesOnlyItsPrefix() {
        EventRecorder defaultPods = new EventRecorder();
        EventRecorder everything = new EventRecorder();
        store.watch("/registry/pods/default/", base + 1, defaultPods);
        store.watch("/registry/", base + 1, everything);

        store.create(WEB, bytes("web"));
        store.create("/registry/pods/kube-system/coredns", bytes("dns"));
        store.create("/registry/pods/defaulter/x", bytes("another namespace"));
        store.create("/registry/services/specs/default/web", bytes("service"));
        store.create("/elsewhere/pods/default/web", bytes("outside"));
        KeyValue last = store.create(DB, bytes("db"));

        assertThat(defaultPods.awaitRevision(last.modRevision())).extracting(e -> e.kv().key())
                .containsExactly(WEB, DB);
        assertThat(everything.awaitRevision(last.modRevision())).extracting(e -> e.kv().key()).containsExactly(
                WEB, "/registry/pods/kube-system/coredns", "/registry/pods/defaulter/x",
                "/registry/services/specs/default/web", DB);
    }

    @Test
    @DisplayName("a put event carries the previous value when the key existed; a create has none")
    void putEventCarriesPreviousValue() {
        EventRecorder recorder = new EventRecorder();
        store.watch(PODS, base + 1, recorder);

        KeyValue v1 = store.create(WEB, bytes("v1"));
        KeyValue v2 = store.update(WEB, bytes("v2"), v1.modRevision());

        List<WatchEvent> events = recorder.awaitRevision(v2.modRevision());
        assertThat(events.get(0).isCreate()).isTrue();
        assertThat(events.get(0).prevKv()).isNull();
        assertThat(events.get(1).isCreate()).isFalse();
        assertThat(events.get(1).kv()).isEqualTo(v2);
        assertThat(events.get(1).prevKv()).isEqualTo(v1);
    }

    @Test
    @DisplayName("a delete event carries the last value, live or replayed")
    void deleteEventCarriesLastValue() {
        EventRecorder live = new EventRecorder();
        store.watch(PODS, base + 1, live);
        KeyValue v1 = store.create(WEB, bytes("v1"));
        KeyValue v2 = store.update(WEB, bytes("v2"), v1.modRevision());
        store.delete(WEB, 0);
        long deletedAt = store.currentRevision();
        EventRecorder replayed = new EventRecorder();
        store.watch(PODS, deletedAt, replayed);

        for (EventRecorder recorder : List.of(live, replayed)) {
            List<WatchEvent> events = recorder.awaitRevision(deletedAt);
            WatchEvent delete = events.get(events.size() - 1);
            assertThat(delete.type()).isEqualTo(WatchEvent.Type.DELETE);
            assertThat(delete.revision()).isEqualTo(deletedAt);
            // As etcd reports it: the key, no value, the deletion's revision, and nothing else.
            assertThat(delete.kv()).isEqualTo(new KeyValue(WEB, new byte[0], 0, deletedAt, 0));
            assertThat(delete.prevKv()).isEqualTo(v2);
        }
    }

    @Test
    @DisplayName("a watch replayed from just after the compacted revision still gets its first event's previous value")
    void replayAfterCompactionKeepsPrevKv() {
        KeyValue v1 = store.create(WEB, bytes("v1"));
        KeyValue v2 = store.update(WEB, bytes("v2"), v1.modRevision());
        store.compact(v1.modRevision());
        EventRecorder recorder = new EventRecorder();

        store.watch(PODS, v2.modRevision(), recorder);

        assertThat(recorder.awaitRevision(v2.modRevision())).containsExactly(
                new WatchEvent(WatchEvent.Type.PUT, v2, v1));
    }

    @Test
    @DisplayName("compaction does not disturb a watch that is already running")
    void runningWatchSurvivesCompaction() {
        EventRecorder recorder = new EventRecorder();
        store.watch(PODS, base + 1, recorder);
        KeyValue v1 = store.create(WEB, bytes("v1"));
        store.compact(v1.modRevision());

        KeyValue v2 = store.update(WEB, bytes("v2"), v1.modRevision());

        assertThat(recorder.awaitRevision(v2.modRevision())).extracting(WatchEvent::kv).containsExactly(v1, v2);
    }

    @Test
    @DisplayName("closing a watch stops delivery, and closing it twice is harmless")
    void closingWatchStopsDelivery() {
        EventRecorder closed = new EventRecorder();
        EventRecorder open = new EventRecorder();
        StoreWatch watch = store.watch(PODS, base + 1, closed);
        store.watch(PODS, base + 1, open);
        KeyValue web = store.create(WEB, bytes("web"));
        closed.awaitRevision(web.modRevision());

        watch.close();
        watch.close();
        KeyValue db = store.create(DB, bytes("db"));

        assertThat(open.awaitRevision(db.modRevision())).extracting(WatchEvent::kv).containsExactly(web, db);
        assertThat(closed.events()).extracting(WatchEvent::kv).containsExactly(web);
    }

    @Test
    @DisplayName("a listener that throws does not break the store or other watches")
    void throwingListenerIsContained() {
        EventRecorder healthy = new EventRecorder();
        store.watch(PODS, base + 1, event -> {
            throw new IllegalStateException("a broken listener");
        });
        store.watch(PODS, base + 1, healthy);

        KeyValue web = store.create(WEB, bytes("web"));
        KeyValue db = store.create(DB, bytes("db"));

        assertThat(healthy.awaitRevision(db.modRevision())).extracting(WatchEvent::kv).containsExactly(web, db);
        assertThat(store.get(WEB)).contains(web);
    }
}
