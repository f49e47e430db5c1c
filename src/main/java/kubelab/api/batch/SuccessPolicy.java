package kubelab.api.batch;

import java.util.List;

/**
 * For Indexed Jobs: rules by which the Job succeeds before all indexes have; when any rule is met
 * the Job gets {@code SuccessCriteriaMet} and its remaining pods are stopped.
 *
 * <p>Real Kubernetes: {@code batchv1.SuccessPolicy}.
 */
public record SuccessPolicy(List<SuccessPolicyRule> rules) {
    public SuccessPolicy {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
