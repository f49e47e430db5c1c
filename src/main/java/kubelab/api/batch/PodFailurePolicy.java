package kubelab.api.batch;

import java.util.List;

/**
 * Rules, checked in order, that decide what a failed pod means for its Job; the first match wins,
 * and a failure no rule matches counts against {@code backoffLimit}.
 *
 * <p>Real Kubernetes: {@code batchv1.PodFailurePolicy}.
 */
public record PodFailurePolicy(List<PodFailurePolicyRule> rules) {
    public PodFailurePolicy {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
