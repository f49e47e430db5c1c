package kubelab.api.core;

/**
 * Hooks the kubelet runs around a container's life: {@code postStart} right after it starts,
 * {@code preStop} before it is sent the stop signal ({@code stopSignal}, default from the image).
 *
 * <p>Real Kubernetes: {@code corev1.Lifecycle}.
 */
public record Lifecycle(LifecycleHandler postStart, LifecycleHandler preStop, String stopSignal) {
}
