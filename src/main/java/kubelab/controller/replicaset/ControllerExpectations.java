package kubelab.controller.replicaset;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import kubelab.time.Clock;

/**
 * What a controller is waiting to see in its informer cache after it created or deleted pods, per
 * controller key: while creations or deletions are still expected, the cache lags behind the
 * controller's own writes, and acting on it again would create (or delete) the same pods twice.
 *
 * <p>Creations are counted; deletions are tracked by pod key, so that seeing the same pod go twice
 * (once with a deletionTimestamp, once removed) lowers the count only once. A record older than
 * {@link #EXPECTATIONS_TIMEOUT} counts as satisfied, so a lost watch event cannot stall a
 * controller forever.
 *
 * <p>Real Kubernetes: {@code ControllerExpectations} and {@code UIDTrackingControllerExpectations}
 * in {@code pkg/controller/controller_utils.go}.
 */
public final class ControllerExpectations {
    /** How long expectations are trusted before the controller acts again regardless. */
    public static final Duration EXPECTATIONS_TIMEOUT = Duration.ofMinutes(5);

    private static final class Expectation {
        int add;
        int del;
        final Set<String> deleteKeys = new HashSet<>();
        final Instant timestamp;

        Expectation(Instant timestamp) {
            this.timestamp = timestamp;
        }
    }

    private final Clock clock;
    private final Map<String, Expectation> byKey = new HashMap<>();

    public ControllerExpectations(Clock clock) {
        this.clock = clock;
    }

    /** True if nothing is expected for {@code key}, everything expected was seen, or the record expired. */
    public synchronized boolean satisfiedExpectations(String key) {
        Expectation e = byKey.get(key);
        if (e == null) {
            return true; // a new controller, or one whose expectations were deleted
        }
        if (e.add <= 0 && e.del <= 0) {
            return true;
        }
        return !clock.now().isBefore(e.timestamp.plus(EXPECTATIONS_TIMEOUT));
    }

    /** Records that {@code count} pods are being created for {@code key}. */
    public synchronized void expectCreations(String key, int count) {
        Expectation e = new Expectation(clock.now());
        e.add = count;
        byKey.put(key, e);
    }

    /** Records that the pods with these keys ("namespace/name") are being deleted for {@code key}. */
    public synchronized void expectDeletions(String key, Set<String> podKeys) {
        Expectation e = new Expectation(clock.now());
        e.deleteKeys.addAll(podKeys);
        e.del = e.deleteKeys.size();
        byKey.put(key, e);
    }

    /** One expected pod was seen in the cache (or its create failed, so it never will be). */
    public synchronized void creationObserved(String key) {
        Expectation e = byKey.get(key);
        if (e != null) {
            e.add--;
        }
    }

    /** The pod {@code podKey} was seen going (or its delete failed); counts only for an expected pod. */
    public synchronized void deletionObserved(String key, String podKey) {
        Expectation e = byKey.get(key);
        if (e != null && e.deleteKeys.remove(podKey)) {
            e.del--;
        }
    }

    /** Forgets {@code key}: its controller object is gone. */
    public synchronized void deleteExpectations(String key) {
        byKey.remove(key);
    }

    /** Creations and deletions still expected for {@code key}, as {@code [add, del]}; for tests and printing. */
    public synchronized int[] pending(String key) {
        Expectation e = byKey.get(key);
        return e == null ? new int[] {0, 0} : new int[] {e.add, e.del};
    }
}
