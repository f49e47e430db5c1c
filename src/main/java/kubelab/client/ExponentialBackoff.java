package kubelab.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import kubelab.time.Clock;

/**
 * Delays that double after each failure, up to a cap, with random jitter so that many clients
 * failing together do not retry together, and a reset to the initial delay once things have gone
 * well for a while. Jitter comes from the loop's seeded random source, so simulations repeat.
 *
 * <p>Real Kubernetes: {@code wait.NewExponentialBackoffManager} in
 * {@code k8s.io/apimachinery/pkg/util/wait}.
 */
final class ExponentialBackoff {
    private final Duration initial;
    private final Duration cap;
    private final Duration resetAfter;
    private final double factor;
    private final double jitter;
    private final Clock clock;
    private final Random random;
    private Duration current;
    private Instant lastBackoff;

    ExponentialBackoff(Duration initial, Duration cap, Duration resetAfter, double factor, double jitter,
                       Clock clock, Random random) {
        this.initial = initial;
        this.cap = cap;
        this.resetAfter = resetAfter;
        this.factor = factor;
        this.jitter = jitter;
        this.clock = clock;
        this.random = random;
        this.current = initial;
    }

    /** The next delay: the current step plus up to {@code jitter} times itself. */
    synchronized Duration next() {
        Instant now = clock.now();
        if (lastBackoff != null && Duration.between(lastBackoff, now).compareTo(resetAfter) > 0) {
            current = initial; // quiet for long enough: start again from the bottom
        }
        lastBackoff = now;
        Duration step = current;
        Duration grown = Duration.ofNanos((long) (current.toNanos() * factor));
        current = grown.compareTo(cap) > 0 ? cap : grown;
        return jitter > 0 ? step.plusNanos((long) (random.nextDouble() * jitter * step.toNanos())) : step;
    }
}
