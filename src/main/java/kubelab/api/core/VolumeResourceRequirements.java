package kubelab.api.core;

import java.util.Map;
import kubelab.api.resource.Quantity;

/**
 * The storage a claim requests and may be limited to, e.g. {@code requests: {storage: 3Gi}}.
 *
 * <p>Real Kubernetes: {@code corev1.VolumeResourceRequirements}.
 */
public record VolumeResourceRequirements(Map<String, Quantity> limits, Map<String, Quantity> requests) {
    public VolumeResourceRequirements {
        limits = Copies.map(limits);
        requests = Copies.map(requests);
    }
}
