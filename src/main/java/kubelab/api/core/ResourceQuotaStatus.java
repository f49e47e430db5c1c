package kubelab.api.core;

import java.util.Map;
import kubelab.api.resource.Quantity;

/**
 * The limits in force ({@code hard}, copied from the spec) and what the namespace uses now.
 *
 * <p>Real Kubernetes: {@code corev1.ResourceQuotaStatus}.
 */
public record ResourceQuotaStatus(Map<String, Quantity> hard, Map<String, Quantity> used) {
    public ResourceQuotaStatus {
        hard = Copies.map(hard);
        used = Copies.map(used);
    }
}
