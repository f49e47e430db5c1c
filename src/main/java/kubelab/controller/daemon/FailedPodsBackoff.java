package kubelab.controller.daemon;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A per-key exponential back-off (1 s doubling to 15 min) for deleting failed daemon pods: a
 * kubelet that keeps rejecting a pod would otherwise make the controller delete and recreate it
 * in a hot loop. The key is "DaemonSet uid/node name".
 *
 * <p>Real Kubernetes: {@code failedPodsBackoff} ({@code flowcontrol.Backoff}) in
 * {@code pkg/controller/daemon/daemon_controller.go}.
 */
final class FailedPodsBackoff {
    static final Duration INITIAL = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofMinutes(15);

    private record Entry(Duration delay, Instant lastUpdate) {
    }

    private final Map<String, Entry> entries = new HashMap<>();

    /** Whether {@code key} is still within its current delay since its last {@link #next}. */
    boolean isInBackOffSinceUpdate(String key, Instant now) {
        Entry e = entries.get(key);
        return e != null && now.isBefore(e.lastUpdate().plus(e.delay()));
    }

    /** The current delay of {@code key} (zero if none). */
    Duration get(String key) {
        Entry e = entries.get(key);
        return e == null ? Duration.ZERO : e.delay();
    }

    /** Starts or doubles {@code key}'s delay; an entry idle for twice the maximum starts over. */
    void next(String key, Instant now) {
        Entry e = entries.get(key);
        Duration delay;
        if (e == null || now.isAfter(e.lastUpdate().plus(MAX.multipliedBy(2)))) {
            delay = INITIAL;
        } else {
            delay = e.delay().multipliedBy(2);
            if (delay.compareTo(MAX) > 0) {
                delay = MAX;
            }
        }
        entries.put(key, new Entry(delay, now));
    }
}
