package kubelab.store.durable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.stream.Stream;
import kubelab.store.Deleted;
import kubelab.store.ForwardingStore;
import kubelab.store.KeyValue;
import kubelab.store.MemoryStore;
import kubelab.store.StoreException;

/**
 * The embedded store that survives its process: a {@link MemoryStore} for the state and its
 * watches, and in a directory a write-ahead log of every change plus periodic snapshots.
 *
 * <h2>A write</h2>
 * Under one lock, the change is applied in memory (which gives it its revision and tells the
 * watchers) and its {@link LogRecord} is appended to the log, so the log holds the changes in
 * revision order. Then, outside the lock, the writer waits until the log is forced to disk
 * ({@code fsync}) up to its record, and only then returns: an acknowledged write is on disk.
 * Writers that arrive while a force is running wait for the next one and share it (group
 * commit), so ten writers cost about one {@code fsync}, not ten. Watchers hear of a change a
 * moment before it is on disk, as etcd's watchers hear of an entry once it is committed.
 *
 * <h2>Recovery</h2>
 * {@link #open} reads the newest whole snapshot, then replays the log files after it in order,
 * each change checked to land on the revision it was written at, so revisions, and every
 * resourceVersion a client holds, come back exactly. A torn last record is dropped and the file
 * cut back ({@link LogSegment}); damage anywhere else refuses to open. History older than the
 * snapshot is not kept: after a restart, reading or watching below it is {@code Compacted}
 * (clients list again, as after any compaction).
 *
 * <h2>Disk use</h2>
 * Every {@code snapshotEvery} records, and after each {@link #compact}, the live keys are written
 * as a snapshot and a new log file is started; older files are deleted. The directory then holds
 * about one copy of the live data plus the log since.
 *
 * <p>Real Kubernetes: etcd's own storage: a write-ahead log and snapshots ({@code server/storage/wal},
 * {@code snap}) in front of its bbolt backend, on every member of a Raft cluster.
 */
public final class DurableStore extends ForwardingStore {
    /** How many records between snapshots by default. */
    public static final int DEFAULT_SNAPSHOT_EVERY = 10_000;
    private static final String LOCK_FILE = "LOCK";

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock fileLock;
    private final int snapshotEvery;
    private final MemoryStore memory;

    /** Guards applying a change and appending its record: the log's order is the revisions' order. */
    private final Object appendLock = new Object();
    /** Held while forcing the current file; taken for writing to swap files. */
    private final ReentrantReadWriteLock channelLock = new ReentrantReadWriteLock();
    private final ReentrantLock snapshotLock = new ReentrantLock();
    private final Object forceMonitor = new Object();
    private volatile FileChannel log;
    /** Bytes appended to the log since open, over all files (guarded by appendLock for writes). */
    private volatile long appended;
    private long forced;          // guarded by forceMonitor
    private boolean forcing;      // guarded by forceMonitor
    private int sinceSnapshot;    // guarded by appendLock
    private volatile IOException failed;
    private volatile boolean closed;

    private DurableStore(Path dir, FileChannel lockChannel, FileLock fileLock, int snapshotEvery, MemoryStore memory,
                         FileChannel log) {
        super(memory);
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.fileLock = fileLock;
        this.snapshotEvery = snapshotEvery;
        this.memory = memory;
        this.log = log;
    }

    /** Opens (or creates) the store in {@code dir}, snapshotting every {@value #DEFAULT_SNAPSHOT_EVERY} records. */
    public static DurableStore open(Path dir) throws IOException {
        return open(dir, DEFAULT_SNAPSHOT_EVERY);
    }

    /**
     * Opens (or creates) the store in {@code dir}: recovers from its snapshot and log.
     *
     * @throws StoreException.Unavailable if another process has the directory open, or its log is damaged
     */
    public static DurableStore open(Path dir, int snapshotEvery) throws IOException {
        if (snapshotEvery < 1) {
            throw new IllegalArgumentException("snapshotEvery must be at least 1, got " + snapshotEvery);
        }
        Files.createDirectories(dir);
        FileChannel lockChannel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            throw new StoreException.Unavailable(dir + " is in use by another process (or another store in this one)");
        }
        try {
            MemoryStore memory = Recovery.recover(dir);
            Path current = LogSegment.file(dir, memory.currentRevision());
            FileChannel log = FileChannel.open(current, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            Snapshot.forceDirectory(dir);
            return new DurableStore(dir, lockChannel, lock, snapshotEvery, memory, log);
        } catch (IOException | RuntimeException e) {
            lock.release();
            lockChannel.close();
            throw e;
        }
    }

    /** The directory this store keeps its files in. */
    public Path directory() {
        return dir;
    }

    // ---- writes ------------------------------------------------------------------------------

    private record Written<T>(T result, LogRecord record) {
    }

    @Override
    public KeyValue create(String key, byte[] value) {
        return write(() -> {
            KeyValue kv = memory.create(key, value);
            return new Written<>(kv, LogRecord.put(kv.modRevision(), key, value));
        });
    }

    @Override
    public KeyValue update(String key, byte[] value, long expectedModRevision) {
        return write(() -> {
            KeyValue kv = memory.update(key, value, expectedModRevision);
            return new Written<>(kv, LogRecord.put(kv.modRevision(), key, value));
        });
    }

    @Override
    public Deleted delete(String key, long expectedModRevision) {
        return write(() -> {
            Deleted d = memory.delete(key, expectedModRevision);
            return new Written<>(d, LogRecord.delete(d.revision(), key));
        });
    }

    @Override
    public void compact(long revision) {
        write(() -> {
            memory.compact(revision);
            return new Written<>(null, LogRecord.compact(revision));
        });
        snapshot();   // compaction is when the disk can shrink
    }

    // tag::durable-write[]
    /** Applies a change and logs it in one step, then returns once its record is on disk. */
    private <T> T write(Supplier<Written<T>> change) {
        long position;
        Written<T> written;
        synchronized (appendLock) {
            checkWritable();
            written = change.get();                    // a refused change (409, 404) logs nothing
            ByteBuffer record = written.record().encode();
            int size = record.remaining();
            try {
                while (record.hasRemaining()) {
                    log.write(record);
                }
            } catch (IOException e) {
                throw fail(e);
            }
            appended += size;
            position = appended;
            sinceSnapshot++;
        }
        forceUpTo(position);                           // fsync, shared with the writers around us
        if (sinceSnapshot >= snapshotEvery) {
            snapshot();
        }
        return written.result();
    }
    // end::durable-write[]

    /** Returns once the log is on disk up to {@code position}: forces it, or waits for a force that covers it. */
    private void forceUpTo(long position) {
        while (true) {
            synchronized (forceMonitor) {
                while (forcing && forced < position) {
                    try {
                        forceMonitor.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new StoreException.Unavailable("interrupted while waiting for the log to reach the disk");
                    }
                }
                if (forced >= position) {
                    return;
                }
                if (failed != null) {
                    throw unavailable();
                }
                forcing = true;
            }
            long target = 0;
            boolean done = false;
            channelLock.readLock().lock();
            try {
                target = appended;   // every byte up to here is in the current file, or in a file forced already
                log.force(false);
                done = true;
            } catch (IOException e) {
                fail(e);
            } finally {
                channelLock.readLock().unlock();
                synchronized (forceMonitor) {
                    forcing = false;
                    if (done) {
                        forced = Math.max(forced, target);
                    }
                    forceMonitor.notifyAll();
                }
            }
            if (!done) {
                throw unavailable();
            }
        }
    }

    /**
     * Writes the live keys as a snapshot and starts a new log file; then deletes the files the
     * snapshot made unnecessary. One at a time; a writer that finds one running goes on.
     */
    private void snapshot() {
        if (!snapshotLock.tryLock()) {
            return;
        }
        try {
            Snapshot.State state;
            synchronized (appendLock) {
                checkWritable();
                long revision = memory.currentRevision();
                state = new Snapshot.State(revision, memory.range("", null, 0, 0).kvs());
                rotate(revision);
                sinceSnapshot = 0;
            }
            Path written = Snapshot.write(dir, state);
            removeOlderThan(state.revision(), written);
        } catch (IOException e) {
            throw fail(e);
        } finally {
            snapshotLock.unlock();
        }
    }

    /** Forces the current log file, then continues in a new one, {@code wal-<revision>}. Under appendLock. */
    private void rotate(long revision) throws IOException {
        channelLock.writeLock().lock();
        try {
            log.force(false);
            synchronized (forceMonitor) {
                forced = Math.max(forced, appended);
                forceMonitor.notifyAll();
            }
            FileChannel next = FileChannel.open(LogSegment.file(dir, revision), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            log.close();
            log = next;
            Snapshot.forceDirectory(dir);
        } finally {
            channelLock.writeLock().unlock();
        }
    }

    private void removeOlderThan(long revision, Path keep) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                boolean oldLog = name.startsWith(LogSegment.PREFIX) && LogSegment.startRevision(f) < revision;
                boolean oldSnapshot = name.startsWith(Snapshot.PREFIX) && !name.endsWith(".tmp") && !f.equals(keep);
                if (oldLog || oldSnapshot) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private void checkWritable() {
        if (closed) {
            throw new IllegalStateException("the store is closed");
        }
        if (failed != null) {
            throw unavailable();
        }
    }

    private StoreException.Unavailable fail(IOException e) {
        if (failed == null) {
            failed = e;
        }
        return unavailable();
    }

    private StoreException.Unavailable unavailable() {
        return new StoreException.Unavailable("the write-ahead log in " + dir + " cannot be written: " + failed
                + "; the store takes no more writes (restart to recover what reached the disk)");
    }

    // ---- reads and watches go to the memory (ForwardingStore); its watchers are told on the
    // writing thread, before the write returns (and before its fsync) -------------------------

    /** How many keys exist now. */
    public long size() {
        return memory.size();
    }

    /** Forces what is left to disk, closes the files and every watch, and lets another process open the directory. */
    @Override
    public void close() {
        synchronized (appendLock) {
            if (closed) {
                return;
            }
            closed = true;
            channelLock.writeLock().lock();
            try {
                if (failed == null) {
                    log.force(false);
                }
                log.close();
            } catch (IOException e) {
                // closing anyway: what was acknowledged was forced already
            } finally {
                channelLock.writeLock().unlock();
            }
        }
        memory.close();
        try {
            fileLock.release();
            lockChannel.close();
        } catch (IOException e) {
            // the process ending releases it too
        }
    }

    @Override
    public String toString() {
        return "DurableStore[" + dir + ", revision " + memory.currentRevision() + "]";
    }

    static List<Path> filesStartingWith(Path dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix) && !f.getFileName().toString().endsWith(".tmp"))
                    .sorted().toList();
        }
    }
}
