package kubelab.client;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Retries an item quickly a few times, then slowly: {@code fastDelay} for the first
 * {@code maxFastAttempts} failures, {@code slowDelay} after that.
 *
 * <p>Real Kubernetes: {@code workqueue.ItemFastSlowRateLimiter}.
 */
public final class ItemFastSlowRateLimiter<T> implements RateLimiter<T> {
    private final Duration fastDelay;
    private final Duration slowDelay;
    private final int maxFastAttempts;
    private final Map<T, Integer> failures = new HashMap<>();

    public ItemFastSlowRateLimiter(Duration fastDelay, Duration slowDelay, int maxFastAttempts) {
        this.fastDelay = fastDelay;
        this.slowDelay = slowDelay;
        this.maxFastAttempts = maxFastAttempts;
    }

    @Override
    public synchronized Duration when(T item) {
        int n = failures.merge(item, 1, Integer::sum);
        return n <= maxFastAttempts ? fastDelay : slowDelay;
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
