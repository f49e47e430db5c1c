package kubelab.api.core;

/**
 * The identity the container's first process started with.
 *
 * <p>Real Kubernetes: {@code corev1.ContainerUser}.
 */
public record ContainerUser(LinuxContainerUser linux) {
}
