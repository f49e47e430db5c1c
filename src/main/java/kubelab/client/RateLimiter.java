package kubelab.client;

import java.time.Duration;
import kubelab.time.Clock;

/**
 * Decides how long an item must wait before it is retried. Implementations keep per-item failure
 * counts ({@link ItemExponentialFailureRateLimiter}), an overall budget ({@link BucketRateLimiter}),
 * or combine others ({@link MaxOfRateLimiter}).
 *
 * <p>Real Kubernetes: {@code workqueue.RateLimiter} in
 * {@code client-go/util/workqueue/default_rate_limiters.go}.
 */
public interface RateLimiter<T> {

    /** How long {@code item} should wait now; each call counts as one more failure. */
    Duration when(T item);

    /** Clears {@code item}'s history: it succeeded. */
    void forget(T item);

    /** How many failures of {@code item} are remembered. */
    int numRequeues(T item);

    /**
     * The limiter Kubernetes' controllers use: the larger of a per-item exponential back-off
     * (5 ms doubling to 1000 s) and an overall token bucket (10 retries a second, bursts of 100),
     * the bucket running on {@code clock}.
     */
    static <T> RateLimiter<T> defaultControllerRateLimiter(Clock clock) {
        return new MaxOfRateLimiter<>(
                new ItemExponentialFailureRateLimiter<>(Duration.ofMillis(5), Duration.ofSeconds(1000)),
                new BucketRateLimiter<>(clock, 10, 100));
    }
}
