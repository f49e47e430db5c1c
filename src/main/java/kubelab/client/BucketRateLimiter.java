package kubelab.client;

import java.time.Duration;
import java.time.Instant;
import kubelab.time.Clock;

/**
 * An overall budget for retries, whatever the item: a token bucket holding up to {@code burst}
 * tokens, refilled at {@code qps} a second. Each retry takes a token; when none is left, it waits
 * until its token will have been refilled. Tokens are counted on the injected clock, so in a
 * simulation the bucket refills in virtual time (Guava's RateLimiter reads the wall clock and
 * cannot be used).
 *
 * <p>Real Kubernetes: {@code workqueue.BucketRateLimiter} over
 * {@code golang.org/x/time/rate.Limiter}; {@code when} is {@code Reserve().Delay()}.
 */
public final class BucketRateLimiter<T> implements RateLimiter<T> {
    private final Clock clock;
    private final double qps;
    private final int burst;
    private double tokens;
    private Instant last;

    public BucketRateLimiter(Clock clock, double qps, int burst) {
        if (!(qps > 0) || burst < 1) {
            throw new IllegalArgumentException("need qps > 0 and burst >= 1");
        }
        this.clock = clock;
        this.qps = qps;
        this.burst = burst;
        this.tokens = burst;
    }

    @Override
    public synchronized Duration when(T item) {
        Instant now = clock.now();
        if (last != null && now.isAfter(last)) {
            double elapsedSeconds = Duration.between(last, now).toNanos() / 1e9;
            tokens = Math.min(burst, tokens + elapsedSeconds * qps);
        }
        last = now;
        tokens -= 1; // reserve: may go negative, a debt later callers wait behind
        return tokens >= 0 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil(-tokens / qps * 1e9));
    }

    /** The bucket is shared by all items; there is nothing per item to forget. */
    @Override
    public void forget(T item) {
    }

    @Override
    public int numRequeues(T item) {
        return 0;
    }
}
