package kubelab.client;

import java.time.Duration;
import java.util.List;

/**
 * Asks several limiters and waits for the most cautious: the longest delay, the highest requeue
 * count; {@code forget} reaches them all.
 *
 * <p>Real Kubernetes: {@code workqueue.MaxOfRateLimiter}.
 */
public final class MaxOfRateLimiter<T> implements RateLimiter<T> {
    private final List<RateLimiter<T>> limiters;

    @SafeVarargs
    public MaxOfRateLimiter(RateLimiter<T>... limiters) {
        this.limiters = List.of(limiters);
    }

    @Override
    public Duration when(T item) {
        Duration longest = Duration.ZERO;
        for (RateLimiter<T> limiter : limiters) {
            Duration d = limiter.when(item); // every limiter must count the failure
            if (d.compareTo(longest) > 0) {
                longest = d;
            }
        }
        return longest;
    }

    @Override
    public void forget(T item) {
        limiters.forEach(l -> l.forget(item));
    }

    @Override
    public int numRequeues(T item) {
        return limiters.stream().mapToInt(l -> l.numRequeues(item)).max().orElse(0);
    }
}
