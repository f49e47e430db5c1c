package kubelab.api.core;

import java.util.List;

/**
 * The ResourceClaim the scheduler generated for extended resources backed by dynamic resource allocation.
 *
 * <p>Real Kubernetes: {@code corev1.PodExtendedResourceClaimStatus}.
 */
public record PodExtendedResourceClaimStatus(List<ContainerExtendedResourceRequest> requestMappings,
                                             String resourceClaimName) {
    public PodExtendedResourceClaimStatus {
        requestMappings = Copies.list(requestMappings);
    }
}
