package kubelab.time;

import java.time.Instant;

/**
 * Where components read the time. No component calls {@code Instant.now()} or
 * {@code System.currentTimeMillis()}: they ask their clock, which in tests and notebooks is
 * virtual and only moves when the simulation says so.
 *
 * <p>Real Kubernetes: {@code k8s.io/utils/clock}.
 */
@FunctionalInterface
public interface Clock {
    Instant now();
}
