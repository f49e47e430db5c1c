package kubelab.api.core;

import java.time.Instant;

/**
 * A running container and when it last (re)started.
 *
 * <p>Real Kubernetes: {@code corev1.ContainerStateRunning}.
 */
public record ContainerStateRunning(Instant startedAt) {
}
