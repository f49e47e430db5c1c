package kubelab.api.core;

import java.util.List;

/**
 * Addresses that all serve the same ports: ready ones in {@code addresses}, the others in
 * {@code notReadyAddresses} (kept so that a pod that becomes ready is known at once).
 *
 * <p>Real Kubernetes: {@code corev1.EndpointSubset}.
 */
public record EndpointSubset(List<EndpointAddress> addresses, List<EndpointAddress> notReadyAddresses,
                             List<EndpointPort> ports) {
    public EndpointSubset {
        addresses = Copies.list(addresses);
        notReadyAddresses = Copies.list(notReadyAddresses);
        ports = Copies.list(ports);
    }
}
