package kubelab.api.core;

/**
 * The name of the ResourceClaim generated for one of the pod's claim templates.
 *
 * <p>Real Kubernetes: {@code corev1.PodResourceClaimStatus}.
 */
public record PodResourceClaimStatus(String name, String resourceClaimName) {
}
