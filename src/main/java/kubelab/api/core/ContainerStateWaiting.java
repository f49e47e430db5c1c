package kubelab.api.core;

/**
 * A container not yet running, and why: ContainerCreating, PodInitializing, ErrImagePull,
 * ImagePullBackOff, CrashLoopBackOff, CreateContainerConfigError...
 *
 * <p>Real Kubernetes: {@code corev1.ContainerStateWaiting}.
 */
public record ContainerStateWaiting(String reason, String message) {
}
