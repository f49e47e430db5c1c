package kubelab.api.batch;

import java.util.List;

/**
 * One rule: when a failed pod's exit codes ({@code onExitCodes}) or conditions
 * ({@code onPodConditions}) match, take {@code action}: {@value #FAIL_JOB}, {@value #FAIL_INDEX},
 * {@value #IGNORE} (do not count it) or {@value #COUNT} (count it, as by default).
 *
 * <p>Real Kubernetes: {@code batchv1.PodFailurePolicyRule} and {@code batchv1.PodFailurePolicyAction}.
 */
public record PodFailurePolicyRule(String action, PodFailurePolicyOnExitCodesRequirement onExitCodes,
                                   List<PodFailurePolicyOnPodConditionsPattern> onPodConditions) {

    public static final String FAIL_JOB = "FailJob";
    public static final String FAIL_INDEX = "FailIndex";
    public static final String IGNORE = "Ignore";
    public static final String COUNT = "Count";

    public PodFailurePolicyRule {
        onPodConditions = onPodConditions == null ? List.of() : List.copyOf(onPodConditions);
    }
}
