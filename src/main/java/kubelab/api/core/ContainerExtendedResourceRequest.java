package kubelab.api.core;

/**
 * Which request of a generated ResourceClaim serves a container's extended resource.
 *
 * <p>Real Kubernetes: {@code corev1.ContainerExtendedResourceRequest}.
 */
public record ContainerExtendedResourceRequest(String containerName, String resourceName, String requestName) {
}
