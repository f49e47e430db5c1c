package kubelab.client;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-item exponential back-off: the n-th consecutive failure of an item waits
 * {@code base * 2^(n-1)}, capped at {@code max}. With the defaults: 5 ms, 10 ms, 20 ms, ...,
 * reaching the 1000 s cap after 18 failures.
 *
 * <p>Real Kubernetes: {@code workqueue.ItemExponentialFailureRateLimiter}.
 */
public final class ItemExponentialFailureRateLimiter<T> implements RateLimiter<T> {
    private final Duration base;
    private final Duration max;
    private final Map<T, Integer> failures = new HashMap<>();

    public ItemExponentialFailureRateLimiter(Duration base, Duration max) {
        this.base = base;
        this.max = max;
    }

    @Override
    public synchronized Duration when(T item) {
        int exp = failures.merge(item, 1, Integer::sum) - 1;
        // Past 2^62 the multiplication would overflow; long before that we are at the cap.
        if (exp >= 62) {
            return max;
        }
        double nanos = base.toNanos() * Math.pow(2, exp);
        return nanos >= max.toNanos() ? max : Duration.ofNanos((long) nanos);
    }

    @Override
    public synchronized void forget(T item) {
        failures.remove(item);
    }

    @Override
    public synchronized int numRequeues(T item) {
        return failures.getOrDefault(item, 0);
    }
}
