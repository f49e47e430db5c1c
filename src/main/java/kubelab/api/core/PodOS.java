package kubelab.api.core;

/**
 * The operating system the pod needs: {@code linux} or {@code windows}.
 *
 * <p>Real Kubernetes: {@code corev1.PodOS}.
 */
public record PodOS(String name) {
}
