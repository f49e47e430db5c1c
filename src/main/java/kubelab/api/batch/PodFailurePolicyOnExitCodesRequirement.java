package kubelab.api.batch;

import java.util.List;

/**
 * Matches a failed pod by the exit codes of its containers (or only of {@code containerName}):
 * operator {@code In} or {@code NotIn} over {@code values}. Exit code 0 never matches.
 *
 * <p>Real Kubernetes: {@code batchv1.PodFailurePolicyOnExitCodesRequirement}.
 */
public record PodFailurePolicyOnExitCodesRequirement(String containerName, String operator, List<Integer> values) {

    public static final String IN = "In";
    public static final String NOT_IN = "NotIn";

    public PodFailurePolicyOnExitCodesRequirement {
        values = values == null ? List.of() : List.copyOf(values);
    }
}
