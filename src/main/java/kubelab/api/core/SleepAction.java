package kubelab.api.core;

/**
 * A lifecycle hook that just waits, typically in preStop to let endpoints drain.
 *
 * <p>Real Kubernetes: {@code corev1.SleepAction}.
 */
public record SleepAction(Long seconds) {
}
