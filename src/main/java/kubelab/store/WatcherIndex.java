package kubelab.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The running watches, kept in a sorted map by prefix, so that a write finds the watches of its key
 * without looking at any other watch.
 *
 * <p>A write to {@code /registry/pods/default/web-1} must reach the watches on {@code /registry/},
 * {@code /registry/pods/} and {@code /registry/pods/default/}, and none of the watches on
 * {@code /registry/services/}. Looking up each prefix of the key in a hash map would work for keys
 * shaped like the API server's, but costs one lookup per character. Instead {@link #matching} walks
 * down the sorted prefixes: it visits each prefix of the key that is indexed, and skips a whole
 * block of unrelated prefixes in one {@code floor} lookup. The cost is
 * O((matching prefixes + skips) log w) for w watched prefixes, never O(w).
 *
 * <p>Not thread-safe: {@link MemoryStore} guards it with its lock.
 *
 * <p>Real Kubernetes: etcd's {@code watcherGroup} ({@code server/storage/mvcc/watcher_group.go}),
 * which keeps single-key watchers in a map and range watchers in an interval tree.
 *
 * @param <W> the watch type
 */
final class WatcherIndex<W> {

    private final NavigableMap<String, List<W>> byPrefix = new TreeMap<>();
    private int count;

    void add(String prefix, W watch) {
        byPrefix.computeIfAbsent(prefix, p -> new ArrayList<>(1)).add(watch);
        count++;
    }

    /** Removes a watch; removing one that is not here does nothing. */
    void remove(String prefix, W watch) {
        List<W> watches = byPrefix.get(prefix);
        if (watches != null && watches.remove(watch)) {
            count--;
            if (watches.isEmpty()) {
                byPrefix.remove(prefix);
            }
        }
    }

    /** Every watch whose prefix {@code key} starts with, in a new list the caller may keep. */
    List<W> matching(String key) {
        List<W> found = new ArrayList<>();
        // Invariant: every indexed prefix of key not yet found sorts at or below the entry looked at.
        Map.Entry<String, List<W>> entry = byPrefix.floorEntry(key);
        while (entry != null) {
            String prefix = entry.getKey();
            if (key.startsWith(prefix)) {
                found.addAll(entry.getValue());
                entry = byPrefix.lowerEntry(prefix);
            } else {
                // Any prefix of key that sorts below this entry is also a prefix of the entry, hence
                // of the part the entry shares with key: jump straight to that, skipping everything
                // in between (for /registry/pods/x, all of /registry/persistentvolumes/... at once).
                String shared = key.substring(0, sharedLength(key, prefix));
                entry = byPrefix.floorEntry(shared);
            }
        }
        return found;
    }

    /** All watches, in a new list. */
    List<W> all() {
        List<W> all = new ArrayList<>(count);
        byPrefix.values().forEach(all::addAll);
        return all;
    }

    int size() {
        return count;
    }

    void clear() {
        byPrefix.clear();
        count = 0;
    }

    private static int sharedLength(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }
}
