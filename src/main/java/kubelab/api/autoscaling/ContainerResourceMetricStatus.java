package kubelab.api.autoscaling;

/**
 * The current value of a container resource metric.
 *
 * <p>Real Kubernetes: {@code autoscalingv2.ContainerResourceMetricStatus}.
 */
public record ContainerResourceMetricStatus(String name, MetricValueStatus current, String container) {
}
