package kubelab.api.autoscaling;

/**
 * The current value of an object metric.
 *
 * <p>Real Kubernetes: {@code autoscalingv2.ObjectMetricStatus}.
 */
public record ObjectMetricStatus(MetricIdentifier metric, MetricValueStatus current,
                                 CrossVersionObjectReference describedObject) {
}
