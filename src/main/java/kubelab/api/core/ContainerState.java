package kubelab.api.core;

import java.time.Instant;

/**
 * What a container is doing now; exactly one field is set (none set reads as waiting).
 *
 * <p>Real Kubernetes: {@code corev1.ContainerState}.
 */
public record ContainerState(ContainerStateWaiting waiting, ContainerStateRunning running,
                             ContainerStateTerminated terminated) {

    /** Waiting, with a reason such as ContainerCreating, ErrImagePull or CrashLoopBackOff. */
    public static ContainerState waiting(String reason, String message) {
        return new ContainerState(new ContainerStateWaiting(reason, message), null, null);
    }

    public static ContainerState running(Instant startedAt) {
        return new ContainerState(null, new ContainerStateRunning(startedAt), null);
    }

    public static ContainerState terminated(ContainerStateTerminated terminated) {
        return new ContainerState(null, null, terminated);
    }
}
