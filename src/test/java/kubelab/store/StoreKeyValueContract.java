package kubelab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The first part of the store contract: revisions, reads, compare-and-swap writes, ranges and
 * compaction. Implementations extend {@link StoreContract}, which adds the watch rules and
 * concurrency on top of this.
 *
 * <p>Nothing here assumes a particular implementation: revisions are counted from the store's
 * revision when the test starts ({@link #base}), so a store backed by a server that already has
 * history passes too, as long as {@link #newStore()} gives each test an empty key space.
 */
@Tag("chapter1")
public abstract class StoreKeyValueContract {

    static final String PODS = "/registry/pods/";
    static final String WEB = "/registry/pods/default/web";
    static final String DB = "/registry/pods/default/db";

    /** The store under test, fresh for each test. */
    protected Store store;
    /** The store's revision when the test started. */
    protected long base;

    /** A new store with no keys (a shared server may keep history, but no keys in the key space). */
    protected abstract Store newStore();

    /** Releases the store after a test (it may have been closed already); the default closes it. */
    protected void cleanUp(Store store) {
        store.close();
    }

    @BeforeEach
    void openStore() {
        store = newStore();
        base = store.currentRevision();
    }

    @AfterEach
    void closeStore() {
        cleanUp(store);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static List<String> keys(RangeResult result) {
        return result.kvs().stream().map(KeyValue::key).toList();
    }

    @Test
    @DisplayName("every write gets the next revision, and failed writes do not move it")
    void everyWriteGetsTheNextRevision() {
        KeyValue created = store.create(WEB, bytes("v1"));
        KeyValue updated = store.update(WEB, bytes("v2"), created.modRevision());
        assertThat(created.modRevision()).isEqualTo(base + 1);
        assertThat(updated.modRevision()).isEqualTo(base + 2);

        assertThatThrownBy(() -> store.create(WEB, bytes("again"))).isInstanceOf(StoreException.KeyExists.class);
        assertThatThrownBy(() -> store.update(WEB, bytes("stale"), created.modRevision()))
                .isInstanceOf(StoreException.RevisionMismatch.class);
        assertThatThrownBy(() -> store.delete(DB, 0)).isInstanceOf(StoreException.KeyNotFound.class);
        assertThat(store.currentRevision()).isEqualTo(base + 2);

        store.delete(WEB, 0);
        assertThat(store.currentRevision()).isEqualTo(base + 3);
    }

    @Test
    @DisplayName("a created key records the revision that created it and starts at version 1")
    void createdKeyRecordsItsRevision() {
        KeyValue created = store.create(WEB, bytes("{\"kind\":\"Pod\"}"));

        assertThat(created.createRevision()).isEqualTo(base + 1);
        assertThat(created.modRevision()).isEqualTo(base + 1);
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.valueAsString()).isEqualTo("{\"kind\":\"Pod\"}");
        assertThat(store.get(WEB)).contains(created);
    }

    @Test
    @DisplayName("create fails if the key exists, and nothing changes")
    void createFailsIfKeyExists() {
        KeyValue first = store.create(WEB, bytes("first"));

        assertThatThrownBy(() -> store.create(WEB, bytes("second"))).isInstanceOf(StoreException.KeyExists.class);
        assertThat(store.get(WEB)).contains(first);
        assertThat(store.currentRevision()).isEqualTo(first.modRevision());
    }

    @Test
    @DisplayName("update with a stale modRevision is refused and carries the current value")
    void staleUpdateIsRefused() {
        KeyValue v1 = store.create(WEB, bytes("v1"));
        KeyValue v2 = store.update(WEB, bytes("v2"), v1.modRevision());

        var refused = catchThrowableOfType(StoreException.RevisionMismatch.class,
                () -> store.update(WEB, bytes("from a stale read"), v1.modRevision()));

        assertThat(refused).isNotNull();
        assertThat(refused.current()).isEqualTo(v2);
        assertThat(store.get(WEB)).contains(v2);
        assertThat(store.update(WEB, bytes("v3"), refused.current().modRevision()).valueAsString()).isEqualTo("v3");
    }

    @Test
    @DisplayName("update and delete of an absent key fail as not found, also after the key was deleted")
    void absentKeyIsNotFound() {
        assertThatThrownBy(() -> store.update(WEB, bytes("x"), 1)).isInstanceOf(StoreException.KeyNotFound.class);
        assertThatThrownBy(() -> store.delete(WEB, 0)).isInstanceOf(StoreException.KeyNotFound.class);

        KeyValue created = store.create(WEB, bytes("x"));
        store.delete(WEB, 0);

        assertThat(store.get(WEB)).isEmpty();
        assertThatThrownBy(() -> store.update(WEB, bytes("y"), created.modRevision()))
                .isInstanceOf(StoreException.KeyNotFound.class);
        assertThatThrownBy(() -> store.delete(WEB, created.modRevision()))
                .isInstanceOf(StoreException.KeyNotFound.class);
    }

    @Test
    @DisplayName("delete with 0 is unconditional, with a modRevision only if it still matches, and returns the last value")
    void deleteIsOptionallyConditional() {
        KeyValue v1 = store.create(WEB, bytes("v1"));
        KeyValue v2 = store.update(WEB, bytes("v2"), v1.modRevision());
        store.create(DB, bytes("db"));

        assertThatThrownBy(() -> store.delete(WEB, v1.modRevision()))
                .isInstanceOf(StoreException.RevisionMismatch.class);
        assertThat(store.get(WEB)).contains(v2);
        Deleted web = store.delete(WEB, v2.modRevision());
        assertThat(web.prevKv()).isEqualTo(v2);
        assertThat(web.revision()).isEqualTo(store.currentRevision());
        assertThat(store.delete(DB, 0).prevKv().valueAsString()).isEqualTo("db");
        assertThat(store.get(WEB)).isEmpty();
        assertThat(store.get(DB)).isEmpty();
    }

    @Test
    @DisplayName("version counts writes since creation and starts again after delete and re-create")
    void versionCountsWritesSinceCreation() {
        KeyValue kv = store.create(WEB, bytes("1"));
        kv = store.update(WEB, bytes("2"), kv.modRevision());
        kv = store.update(WEB, bytes("3"), kv.modRevision());
        assertThat(kv.version()).isEqualTo(3);
        assertThat(kv.createRevision()).isEqualTo(base + 1);

        store.delete(WEB, 0);
        KeyValue again = store.create(WEB, bytes("new life"));

        assertThat(again.version()).isEqualTo(1);
        assertThat(again.createRevision()).isEqualTo(again.modRevision()).isEqualTo(base + 5);
    }

    @Test
    @DisplayName("a past revision can be read back until it is compacted")
    void pastRevisionsCanBeRead() {
        long before = store.create(DB, bytes("db")).modRevision();
        KeyValue v1 = store.create(WEB, bytes("v1"));
        KeyValue v2 = store.update(WEB, bytes("v2"), v1.modRevision());
        store.delete(WEB, 0);
        long deleted = store.currentRevision();
        KeyValue v3 = store.create(WEB, bytes("v3"));

        assertThat(store.get(WEB, before)).isEmpty();
        assertThat(store.get(WEB, v1.modRevision())).contains(v1);
        assertThat(store.get(WEB, v2.modRevision())).contains(v2);
        assertThat(store.get(WEB, deleted)).isEmpty();
        assertThat(store.get(WEB, v3.modRevision())).contains(v3);

        store.compact(v2.modRevision());

        assertThatThrownBy(() -> store.get(WEB, v1.modRevision())).isInstanceOf(StoreException.Compacted.class);
        assertThatThrownBy(() -> store.get(WEB, v2.modRevision())).isInstanceOf(StoreException.Compacted.class);
        assertThat(store.get(WEB, deleted)).isEmpty();
        assertThat(store.get(WEB, v3.modRevision())).contains(v3);
    }

    @Test
    @DisplayName("reading at a revision the store has not reached fails as a future revision")
    void futureRevisionFails() {
        store.create(WEB, bytes("v1"));
        long future = store.currentRevision() + 1;

        assertThatThrownBy(() -> store.get(WEB, future)).isInstanceOf(StoreException.FutureRevision.class);
        assertThatThrownBy(() -> store.range(PODS, null, future, 0)).isInstanceOf(StoreException.FutureRevision.class);
    }

    @Test
    @DisplayName("range returns keys under the prefix only, in key order, and pages with limit")
    void rangeByPrefix() {
        store.create("/registry/pods/default/web-3", bytes("3"));
        store.create("/registry/pods/default/web-1", bytes("1"));
        store.create("/registry/pods/kube-system/coredns", bytes("dns"));
        store.create("/registry/pods/default/web-2", bytes("2"));
        store.create("/registry/podtemplates/default/web", bytes("not a pod"));
        store.create("/registry/services/specs/default/web", bytes("not a pod either"));

        assertThat(keys(store.range("/registry/pods/default/"))).containsExactly(
                "/registry/pods/default/web-1", "/registry/pods/default/web-2", "/registry/pods/default/web-3");
        assertThat(keys(store.range(PODS))).containsExactly("/registry/pods/default/web-1",
                "/registry/pods/default/web-2", "/registry/pods/default/web-3", "/registry/pods/kube-system/coredns");

        RangeResult page1 = store.range(PODS, null, 0, 2);
        assertThat(keys(page1)).containsExactly("/registry/pods/default/web-1", "/registry/pods/default/web-2");
        assertThat(page1.more()).isTrue();
        // The next page starts just after the last key, as the API server's continue token does.
        String after = page1.kvs().get(1).key() + "\0";
        RangeResult page2 = store.range(PODS, after, page1.revision(), 2);
        assertThat(keys(page2)).containsExactly("/registry/pods/default/web-3", "/registry/pods/kube-system/coredns");
        assertThat(page2.more()).isFalse();
    }

    @Test
    @DisplayName("range at a past revision sees the keys as they were, and reports the revision it read at")
    void rangeAtPastRevision() {
        KeyValue web1 = store.create(WEB, bytes("web v1"));
        KeyValue db = store.create(DB, bytes("db"));
        KeyValue web2 = store.update(WEB, bytes("web v2"), web1.modRevision());
        store.delete(DB, 0);
        KeyValue api = store.create("/registry/pods/default/api", bytes("api"));

        RangeResult then = store.range(PODS, null, db.modRevision(), 0);
        assertThat(then.kvs()).containsExactly(db, web1);
        assertThat(then.revision()).isEqualTo(db.modRevision());

        assertThat(store.range(PODS, null, web2.modRevision() + 1, 0).kvs()).containsExactly(web2);

        RangeResult now = store.range(PODS);
        assertThat(now.kvs()).containsExactly(api, web2);
        assertThat(now.revision()).isEqualTo(store.currentRevision()).isEqualTo(api.modRevision());
    }

    @Test
    @DisplayName("the store keeps its own copy of a written value")
    void storeKeepsItsOwnCopy() {
        byte[] value = bytes("original");
        store.create(WEB, value);
        value[0] = 'X';

        assertThat(store.get(WEB).orElseThrow().valueAsString()).isEqualTo("original");
    }

    @Test
    @DisplayName("reading or watching at a compacted revision fails as compacted; the latest values survive compaction")
    void compactionForgetsHistoryButKeepsLatest() {
        KeyValue web1 = store.create(WEB, bytes("web v1"));
        KeyValue web2 = store.update(WEB, bytes("web v2"), web1.modRevision());
        store.create(DB, bytes("db"));
        store.delete(DB, 0);
        long dbDeleted = store.currentRevision();
        KeyValue api = store.create("/registry/pods/default/api", bytes("api"));

        store.compact(dbDeleted);

        assertThat(store.compactedRevision()).isEqualTo(dbDeleted);
        assertThat(store.range(PODS).kvs()).containsExactly(api, web2);
        assertThat(store.get(WEB)).contains(web2);
        assertThat(store.get(WEB, api.modRevision())).contains(web2);
        var compacted = catchThrowableOfType(StoreException.Compacted.class,
                () -> store.get(WEB, web2.modRevision()));
        assertThat(compacted.requested()).isEqualTo(web2.modRevision());
        assertThat(compacted.compacted()).isEqualTo(dbDeleted);
        assertThatThrownBy(() -> store.range(PODS, null, dbDeleted, 0)).isInstanceOf(StoreException.Compacted.class);
        assertThatThrownBy(() -> store.watch(PODS, dbDeleted, new EventRecorder()))
                .isInstanceOf(StoreException.Compacted.class);

        EventRecorder fromNextRevision = new EventRecorder();
        store.watch(PODS, dbDeleted + 1, fromNextRevision);
        assertThat(fromNextRevision.awaitRevision(api.modRevision())).extracting(WatchEvent::kv).containsExactly(api);
    }

    @Test
    @DisplayName("compacting at or below the compacted revision, or beyond the current revision, is refused")
    void compactionRevisionIsChecked() {
        store.create(WEB, bytes("v1"));
        store.create(DB, bytes("db"));
        long compactAt = store.currentRevision() - 1;
        store.compact(compactAt);

        assertThatThrownBy(() -> store.compact(compactAt)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.compact(store.currentRevision() + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.compactedRevision()).isEqualTo(compactAt);
        store.compact(store.currentRevision());
        assertThat(store.compactedRevision()).isEqualTo(store.currentRevision());
        assertThat(store.range(PODS).kvs()).hasSize(2);
    }
}
