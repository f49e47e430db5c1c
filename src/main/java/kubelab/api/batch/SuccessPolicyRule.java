package kubelab.api.batch;

/**
 * A success rule: these indexes ({@code "0,2-4"}) have succeeded, and/or at least
 * {@code succeededCount} of them have.
 *
 * <p>Real Kubernetes: {@code batchv1.SuccessPolicyRule}.
 */
public record SuccessPolicyRule(String succeededIndexes, Integer succeededCount) {
}
