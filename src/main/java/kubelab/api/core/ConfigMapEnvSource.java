package kubelab.api.core;

/**
 * The ConfigMap an {@code envFrom} entry reads; without {@code optional: true} a missing one stops
 * the container from starting (CreateContainerConfigError).
 *
 * <p>Real Kubernetes: {@code corev1.ConfigMapEnvSource}.
 */
public record ConfigMapEnvSource(String name, Boolean optional) {
}
