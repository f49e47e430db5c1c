package kubelab.api.discovery;

import java.util.List;

/**
 * Topology hints for kube-proxy: the zones (or nodes) that should prefer this endpoint.
 *
 * <p>Real Kubernetes: {@code discoveryv1.EndpointHints}.
 */
public record EndpointHints(List<ForZone> forZones, List<ForNode> forNodes) {
    public EndpointHints {
        forZones = forZones == null ? List.of() : List.copyOf(forZones);
        forNodes = forNodes == null ? List.of() : List.copyOf(forNodes);
    }

    /** A zone that should consume an endpoint. Real Kubernetes: {@code discoveryv1.ForZone}. */
    public record ForZone(String name) {
    }

    /** A node that should consume an endpoint. Real Kubernetes: {@code discoveryv1.ForNode}. */
    public record ForNode(String name) {
    }
}
