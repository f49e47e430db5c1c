package kubelab.api.core;

/**
 * A container's use of one of the pod's {@code resourceClaims} (dynamic resource allocation).
 *
 * <p>Real Kubernetes: {@code corev1.ResourceClaim}.
 */
public record ResourceClaim(String name, String request) {
}
