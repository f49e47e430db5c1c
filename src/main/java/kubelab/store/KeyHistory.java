package kubelab.store;

import java.util.Arrays;

/**
 * The retained versions of one key, oldest first, with each deletion kept as a tombstone until
 * compaction forgets it.
 *
 * <p>A tombstone is the {@link KeyValue} that etcd reports in a DELETE event: the key, an empty
 * value, the revision of the deletion as modRevision, and createRevision and version 0. Keeping it
 * in the history is what lets a read at a past revision tell "deleted by then" from "not yet
 * deleted". The same objects are shared with {@link MemoryStore}'s replay log, so a version costs
 * memory once.
 *
 * <p>Most keys have one or two versions, so the array starts with room for one and doubles.
 * Not thread-safe: {@link MemoryStore} guards it with its lock.
 *
 * <p>Real Kubernetes: etcd's {@code keyIndex} ({@code server/storage/mvcc/key_index.go}), which
 * keeps a key's revisions as "generations" separated by tombstones.
 */
final class KeyHistory {

    private static final byte[] EMPTY = new byte[0];

    private KeyValue[] versions = new KeyValue[1];
    private int size;

    /** The tombstone etcd writes when {@code key} is deleted at {@code revision}. */
    static KeyValue tombstone(String key, long revision) {
        return new KeyValue(key, EMPTY, 0, revision, 0);
    }

    /** True for a tombstone: a live version has version 1 or more. */
    static boolean isTombstone(KeyValue kv) {
        return kv.version() == 0;
    }

    /** Adds the newest version; its modRevision must be above every retained one. */
    void append(KeyValue kv) {
        if (size == versions.length) {
            versions = Arrays.copyOf(versions, size * 2);
        }
        versions[size++] = kv;
    }

    /** The live value now, or null if the key is deleted. */
    KeyValue latest() {
        return size == 0 ? null : live(versions[size - 1]);
    }

    /** The live value as of {@code revision}, or null if the key did not exist then. */
    KeyValue at(long revision) {
        int i = indexAt(revision);
        return i < 0 ? null : live(versions[i]);
    }

    /**
     * The live value just before the version written at {@code revision} (a watch event's
     * prevKv), or null if that write created the key.
     */
    KeyValue before(long revision) {
        int i = indexAt(revision);
        return i <= 0 ? null : live(versions[i - 1]);
    }

    /**
     * Forgets what no read above {@code revision} can see: every version older than the newest one
     * at or below it, and that one too if it is a tombstone.
     *
     * @return how many versions were dropped
     */
    int compact(long revision) {
        int i = indexAt(revision);
        if (i < 0) {
            return 0;
        }
        int keepFrom = isTombstone(versions[i]) ? i + 1 : i;
        if (keepFrom > 0) {
            int kept = size - keepFrom;
            KeyValue[] smaller = new KeyValue[Math.max(1, kept)];
            System.arraycopy(versions, keepFrom, smaller, 0, kept);
            versions = smaller;
            size = kept;
        }
        return keepFrom;
    }

    /** True when compaction has dropped every version (a deleted key's history is gone). */
    boolean isEmpty() {
        return size == 0;
    }

    /** The index of the newest version with modRevision at or below {@code revision}, or -1. */
    private int indexAt(long revision) {
        // The newest version answers most reads, so look there before searching.
        if (size > 0 && versions[size - 1].modRevision() <= revision) {
            return size - 1;
        }
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (versions[mid].modRevision() <= revision) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return high;
    }

    private static KeyValue live(KeyValue kv) {
        return isTombstone(kv) ? null : kv;
    }
}
