package kubelab.api.core;

/**
 * A claim on a device (dynamic resource allocation) the pod's containers can use, by the name of
 * an existing ResourceClaim or of a template from which one is made for the pod.
 *
 * <p>Real Kubernetes: {@code corev1.PodResourceClaim}.
 */
public record PodResourceClaim(String name, String resourceClaimName, String resourceClaimTemplateName) {
}
