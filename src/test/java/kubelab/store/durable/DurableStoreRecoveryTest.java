package kubelab.store.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kubelab.store.KeyValue;
import kubelab.store.StoreException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the durable store brings back after its process ends, and what it refuses to guess. */
@DisplayName("The durable store, reopened")
class DurableStoreRecoveryTest {
    private static final String PODS = "/registry/pods/default/";
    @TempDir
    Path dir;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> contents(DurableStore store) {
        Map<String, String> all = new TreeMap<>();
        for (KeyValue kv : store.range("/").kvs()) {
            all.put(kv.key(), new String(kv.value(), StandardCharsets.UTF_8) + " @" + kv.createRevision() + "/"
                    + kv.modRevision() + " v" + kv.version());
        }
        return all;
    }

    private List<Path> logs() throws IOException {
        return DurableStore.filesStartingWith(dir, LogSegment.PREFIX);
    }

    @Test
    @DisplayName("every acknowledged write is there after reopening, with its revisions and version")
    void everyWriteIsThere() throws IOException {
        Map<String, String> before;
        try (DurableStore store = DurableStore.open(dir)) {
            store.create(PODS + "a", bytes("a1"));
            KeyValue b = store.create(PODS + "b", bytes("b1"));
            store.update(PODS + "b", bytes("b2"), b.modRevision());
            store.create(PODS + "c", bytes("c1"));
            store.delete(PODS + "c", 0);
            before = contents(store);
        }
        try (DurableStore store = DurableStore.open(dir)) {
            assertThat(contents(store)).isEqualTo(before).containsEntry(PODS + "b", "b2 @2/3 v2").doesNotContainKey(PODS + "c");
        }
    }

    @Test
    @DisplayName("a reopened store continues the revision sequence where it stopped")
    void revisionsContinue() throws IOException {
        try (DurableStore store = DurableStore.open(dir)) {
            for (int i = 0; i < 7; i++) {
                store.create(PODS + i, bytes("x"));
            }
        }
        try (DurableStore store = DurableStore.open(dir)) {
            assertThat(store.currentRevision()).isEqualTo(7);
            assertThat(store.create(PODS + "next", bytes("x")).modRevision()).isEqualTo(8);
        }
    }

    @Test
    @DisplayName("recovery from a snapshot plus the log after it gives the same keys, values and revisions")
    void snapshotPlusLog() throws IOException {
        Map<String, String> before;
        try (DurableStore store = DurableStore.open(dir, 10)) {   // a snapshot every 10 records
            for (int i = 0; i < 25; i++) {
                KeyValue kv = store.create(PODS + "p" + i, bytes("v" + i));
                if (i % 3 == 0) {
                    store.update(kv.key(), bytes("w" + i), kv.modRevision());
                }
            }
            store.delete(PODS + "p4", 0);
            before = contents(store);
        }
        assertThat(DurableStore.filesStartingWith(dir, Snapshot.PREFIX)).hasSize(1);
        try (DurableStore store = DurableStore.open(dir, 10)) {
            assertThat(contents(store)).isEqualTo(before);
        }
    }

    @Test
    @DisplayName("a torn last record (a write cut short by a crash) is dropped, and the store opens")
    void tornTailIsDropped() throws IOException {
        try (DurableStore store = DurableStore.open(dir)) {
            store.create(PODS + "kept", bytes("whole"));
            store.create(PODS + "torn", bytes("cut short"));
        }
        Path log = logs().get(logs().size() - 1);
        long size = Files.size(log);
        try (FileChannel ch = FileChannel.open(log, StandardOpenOption.WRITE)) {
            ch.truncate(size - 5);   // the last record loses its last 5 bytes
        }
        try (DurableStore store = DurableStore.open(dir)) {
            assertThat(contents(store)).containsOnlyKeys(PODS + "kept");
            assertThat(store.currentRevision()).isEqualTo(1);
            assertThat(store.create(PODS + "after", bytes("x")).modRevision()).isEqualTo(2);
        }
        try (DurableStore store = DurableStore.open(dir)) {
            assertThat(contents(store)).containsOnlyKeys(PODS + "kept", PODS + "after");
        }
    }

    @Test
    @DisplayName("a damaged record with good records after it refuses to open, naming the file and the byte offset")
    void damageInTheMiddleRefuses() throws IOException {
        try (DurableStore store = DurableStore.open(dir)) {
            store.create(PODS + "a", bytes("first"));
            store.create(PODS + "b", bytes("second"));
            store.create(PODS + "c", bytes("third"));
        }
        Path log = logs().get(0);
        int firstRecord = ByteBuffer.wrap(Files.readAllBytes(log)).getInt(0) + LogRecord.HEADER;
        try (FileChannel ch = FileChannel.open(log, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {'X'}), firstRecord + LogRecord.HEADER + 20);   // a byte inside record 2
        }
        assertThatThrownBy(() -> DurableStore.open(dir)).isInstanceOf(StoreException.Unavailable.class)
                .hasMessageContaining(log.toString()).hasMessageContaining("at byte " + firstRecord)
                .hasMessageContaining("wrong checksum");
        assertThat(DurableStore.filesStartingWith(dir, "LOCK")).as("the lock was let go").hasSize(1);
        assertThat(Files.size(log)).as("nothing was cut").isGreaterThan(firstRecord * 2L);
    }

    @Test
    @DisplayName("after a compaction the directory shrinks to about the live keys")
    void compactionShrinksTheDirectory() throws IOException {
        try (DurableStore store = DurableStore.open(dir)) {
            byte[] big = new byte[4000];
            KeyValue kv = store.create(PODS + "hot", big);
            for (int i = 0; i < 500; i++) {                       // 500 versions of one 4 kB key: 2 MB of log
                kv = store.update(PODS + "hot", big, kv.modRevision());
            }
            long grown = directorySize();
            assertThat(grown).isGreaterThan(2_000_000);
            store.compact(store.currentRevision());
            assertThat(directorySize()).as("one version left, in a snapshot").isLessThan(20_000);
            assertThat(store.get(PODS + "hot")).isPresent();
        }
        try (DurableStore store = DurableStore.open(dir)) {
            assertThat(store.get(PODS + "hot").orElseThrow().version()).isEqualTo(501);
            assertThat(store.compactedRevision()).isEqualTo(501);
        }
    }

    @Test
    @DisplayName("a second opener of the same directory is refused while the first has it")
    void secondOpenerRefused() throws IOException {
        try (DurableStore first = DurableStore.open(dir)) {
            first.create(PODS + "a", bytes("x"));
            assertThatThrownBy(() -> DurableStore.open(dir)).isInstanceOf(StoreException.Unavailable.class)
                    .hasMessageContaining("in use by another process");
        }
        try (DurableStore again = DurableStore.open(dir)) {
            assertThat(again.get(PODS + "a")).isPresent();
        }
    }

    @Test
    @DisplayName("a snapshot a crash left half-written (its temporary file) is removed at start, and the log is used instead")
    void leftoverTemporarySnapshotIsRemoved() throws IOException {
        try (DurableStore store = DurableStore.open(dir)) {
            store.create(PODS + "a", bytes("whole"));
        }
        Path tmp = Snapshot.file(dir, 1).resolveSibling(Snapshot.file(dir, 1).getFileName() + ".tmp");
        Files.write(tmp, bytes("half a snapshot"));
        try (DurableStore store = DurableStore.open(dir)) {
            assertThat(tmp).doesNotExist();
            assertThat(contents(store)).containsOnlyKeys(PODS + "a");
        }
    }

    private long directorySize() throws IOException {
        try (var files = Files.list(dir)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
