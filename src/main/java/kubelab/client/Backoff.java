package kubelab.client;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import kubelab.time.Clock;

/**
 * Exponential back-off per key: the first {@link #next} sets the initial delay, each later one
 * doubles it up to the maximum, and an entry not bumped for twice the maximum starts over. This is
 * why a container that ran ten minutes before crashing again is restarted at once, as on its
 * first crash.
 *
 * <p>No jitter: the kubelet and the DaemonSet controller create theirs without any, and a
 * simulation must repeat.
 *
 * <p>Real Kubernetes: {@code flowcontrol.Backoff} in {@code client-go/util/flowcontrol/backoff.go}.
 */
public final class Backoff {
    private record Entry(Duration backoff, Instant lastUpdate) {
    }

    private final Clock clock;
    private final Duration initial;
    private final Duration max;
    private final Map<String, Entry> entries = new HashMap<>();

    public Backoff(Clock clock, Duration initial, Duration max) {
        this.clock = clock;
        this.initial = initial;
        this.max = max;
    }

    /** The current delay for {@code id}, zero if it has none. */
    public Duration get(String id) {
        Entry e = entries.get(id);
        return e == null ? Duration.ZERO : e.backoff;
    }

    /** Bumps the delay of {@code id}: initial the first time (or after expiry), doubled after. */
    public void next(String id, Instant eventTime) {
        Entry e = entries.get(id);
        Duration delay = e == null || hasExpired(eventTime, e.lastUpdate) ? initial : min(e.backoff.multipliedBy(2), max);
        entries.put(id, new Entry(delay, clock.now()));
    }

    /** True while less than the delay has passed since {@code eventTime} (a container's exit). */
    public boolean isInBackOffSince(String id, Instant eventTime) {
        return remainingSince(id, eventTime).compareTo(Duration.ZERO) > 0;
    }

    /** How long until {@code eventTime} + delay, zero if not in back-off. */
    public Duration remainingSince(String id, Instant eventTime) {
        Entry e = entries.get(id);
        if (e == null || hasExpired(eventTime, e.lastUpdate)) {
            return Duration.ZERO;
        }
        Duration left = e.backoff.minus(Duration.between(eventTime, clock.now()));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** True while less than the delay has passed between the last {@link #next} and {@code eventTime}. */
    public boolean isInBackOffSinceUpdate(String id, Instant eventTime) {
        return remainingSinceUpdate(id, eventTime).compareTo(Duration.ZERO) > 0;
    }

    /** How long until the last update + delay, seen from {@code eventTime}; zero if not in back-off. */
    public Duration remainingSinceUpdate(String id, Instant eventTime) {
        Entry e = entries.get(id);
        if (e == null || hasExpired(eventTime, e.lastUpdate)) {
            return Duration.ZERO;
        }
        Duration left = e.backoff.minus(Duration.between(e.lastUpdate, eventTime));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Forgets {@code id}. */
    public void reset(String id) {
        entries.remove(id);
    }

    /** Forgets every key that starts with {@code prefix} (all of a pod's containers). */
    public void resetPrefix(String prefix) {
        entries.keySet().removeIf(k -> k.startsWith(prefix));
    }

    private boolean hasExpired(Instant eventTime, Instant lastUpdate) {
        return Duration.between(lastUpdate, eventTime).compareTo(max.multipliedBy(2)) > 0;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
