package kubelab.api.autoscaling;

/**
 * The current value of a pods metric.
 *
 * <p>Real Kubernetes: {@code autoscalingv2.PodsMetricStatus}.
 */
public record PodsMetricStatus(MetricIdentifier metric, MetricValueStatus current) {
}
