package kubelab.store.durable;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import kubelab.store.KeyValue;
import kubelab.store.MemoryStore;
import kubelab.store.StoreException;

/**
 * Rebuilds a store's state from its directory: the newest whole snapshot, then every log record
 * after it, in order. Each record must land on the revision it was written at; a gap or a
 * mismatch means the files do not belong together, and recovery refuses.
 *
 * <p>Real Kubernetes: etcd's start-up ({@code etcdserver.NewServer}): load the latest snapshot,
 * then replay the WAL entries after it.
 */
final class Recovery {
    private Recovery() {
    }

    static MemoryStore recover(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path tmp : files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList()) {
                Files.deleteIfExists(tmp);   // a snapshot a crash interrupted before its rename
            }
        }
        MemoryStore memory = null;
        List<Path> snapshots = DurableStore.filesStartingWith(dir, Snapshot.PREFIX);
        for (int i = snapshots.size() - 1; i >= 0 && memory == null; i--) {
            Snapshot.State state = Snapshot.read(snapshots.get(i));
            if (state != null) {
                memory = MemoryStore.restored(state.live(), state.revision());
            }
        }
        if (memory == null) {
            memory = new MemoryStore();
        }
        List<Path> segments = DurableStore.filesStartingWith(dir, LogSegment.PREFIX);
        for (int i = 0; i < segments.size(); i++) {
            Path file = segments.get(i);
            LogSegment.Contents contents = LogSegment.read(file, i == segments.size() - 1);
            for (LogRecord r : contents.records()) {
                replay(memory, r, file);
            }
            if (contents.torn()) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.truncate(contents.validBytes());
                    channel.force(true);
                }
            }
        }
        return memory;
    }

    private static void replay(MemoryStore memory, LogRecord r, Path file) {
        if (r.op() == LogRecord.Op.COMPACT) {
            if (r.revision() > memory.compactedRevision() && r.revision() <= memory.currentRevision()) {
                memory.compact(r.revision());
            }
            return;
        }
        long current = memory.currentRevision();
        if (r.revision() <= current) {
            return;   // already in the snapshot
        }
        if (r.revision() != current + 1) {
            throw new StoreException.Unavailable("the write-ahead log does not follow on: " + file + " holds revision "
                    + r.revision() + " after revision " + current + "; refusing to start with writes missing");
        }
        if (r.op() == LogRecord.Op.PUT) {
            Optional<KeyValue> existing = memory.get(r.key());
            if (existing.isPresent()) {
                memory.update(r.key(), r.value(), existing.get().modRevision());
            } else {
                memory.create(r.key(), r.value());
            }
        } else {
            memory.delete(r.key(), 0);
        }
    }
}
