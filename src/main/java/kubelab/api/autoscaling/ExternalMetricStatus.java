package kubelab.api.autoscaling;

/**
 * The current value of an external metric.
 *
 * <p>Real Kubernetes: {@code autoscalingv2.ExternalMetricStatus}.
 */
public record ExternalMetricStatus(MetricIdentifier metric, MetricValueStatus current) {
}
