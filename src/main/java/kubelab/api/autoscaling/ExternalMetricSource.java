package kubelab.api.autoscaling;

/**
 * A metric from outside the cluster, such as the length of a cloud queue.
 *
 * <p>Real Kubernetes: {@code autoscalingv2.ExternalMetricSource}.
 */
public record ExternalMetricSource(MetricIdentifier metric, MetricTarget target) {
}
