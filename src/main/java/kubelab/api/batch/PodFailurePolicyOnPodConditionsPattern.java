package kubelab.api.batch;

/**
 * Matches a failed pod that has a condition of this {@code type} and {@code status} (such as
 * {@code DisruptionTarget: True} after an eviction).
 *
 * <p>Real Kubernetes: {@code batchv1.PodFailurePolicyOnPodConditionsPattern}.
 */
public record PodFailurePolicyOnPodConditionsPattern(String type, String status) {
}
