package kubelab.api.core;

import java.util.List;
import java.util.Map;
import kubelab.api.resource.Quantity;

/**
 * What a container asks for: {@code requests} are what the scheduler reserves on a node,
 * {@code limits} what the kernel enforces (CPU throttled, memory over the limit OOM-killed).
 * When only limits are given, the API server defaults requests to them.
 *
 * <p>Real Kubernetes: {@code corev1.ResourceRequirements}.
 */
public record ResourceRequirements(Map<String, Quantity> limits, Map<String, Quantity> requests,
                                   List<ResourceClaim> claims) {

    public ResourceRequirements {
        limits = Copies.map(limits);
        requests = Copies.map(requests);
        claims = Copies.list(claims);
    }

    public static ResourceRequirements of(Map<String, Quantity> requests, Map<String, Quantity> limits) {
        return new ResourceRequirements(limits, requests, null);
    }
}
