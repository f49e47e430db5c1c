package kubelab.api.core;

import java.util.List;
import kubelab.api.meta.Condition;
import kubelab.api.meta.PatchStrategy;

/**
 * What is known about a Service once created: the external load balancer, if any, and conditions.
 *
 * <p>Real Kubernetes: {@code corev1.ServiceStatus}.
 */
public record ServiceStatus(LoadBalancerStatus loadBalancer,
                            @PatchStrategy(value = "merge", mergeKey = "type") List<Condition> conditions) {
    public ServiceStatus {
        conditions = Copies.list(conditions);
    }
}
