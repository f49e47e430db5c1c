package kubelab.client;

import kubelab.time.EventLoop;

/**
 * A {@link DelayingQueue} that spaces out retries of an item that keeps failing: a worker calls
 * {@link #addRateLimited} after a failure (the {@link RateLimiter} picks the delay, growing with
 * each failure) and {@link #forget} after a success (the item's failure count starts again).
 *
 * <p>Real Kubernetes: {@code workqueue.RateLimitingInterface} in
 * {@code client-go/util/workqueue/rate_limiting_queue.go}.
 */
public class RateLimitingQueue<T> extends DelayingQueue<T> {
    private final RateLimiter<T> rateLimiter;

    /** A queue with {@link RateLimiter#defaultControllerRateLimiter}. */
    public RateLimitingQueue(String name, EventLoop loop) {
        this(name, loop, RateLimiter.defaultControllerRateLimiter(loop.clock()));
    }

    public RateLimitingQueue(String name, EventLoop loop, RateLimiter<T> rateLimiter) {
        super(name, loop);
        this.rateLimiter = rateLimiter;
    }

    /** Adds {@code item} once the rate limiter says so. */
    public void addRateLimited(T item) {
        addAfter(item, rateLimiter.when(item));
    }

    /** Forgets {@code item}'s failures: call it when the item was processed successfully. */
    public void forget(T item) {
        rateLimiter.forget(item);
    }

    /** How many times {@code item} has been re-queued after failures. */
    public int numRequeues(T item) {
        return rateLimiter.numRequeues(item);
    }

    public RateLimiter<T> rateLimiter() {
        return rateLimiter;
    }
}
