package kubelab.api.core;

import java.time.Instant;

/**
 * A container that has exited: its exit code (or the signal that killed it), a reason such as
 * Completed, Error or OOMKilled, and when it ran.
 *
 * <p>Real Kubernetes: {@code corev1.ContainerStateTerminated}.
 */
public record ContainerStateTerminated(Integer exitCode, Integer signal, String reason, String message,
                                       Instant startedAt, Instant finishedAt, String containerID) {
}
