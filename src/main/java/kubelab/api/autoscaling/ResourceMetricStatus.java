package kubelab.api.autoscaling;

/**
 * The current value of a resource metric.
 *
 * <p>Real Kubernetes: {@code autoscalingv2.ResourceMetricStatus}.
 */
public record ResourceMetricStatus(String name, MetricValueStatus current) {
}
