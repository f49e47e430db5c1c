package kubelab.api.autoscaling;

/**
 * The last value read for one metric; {@code type} says which one of the other fields is set.
 *
 * <p>Real Kubernetes: {@code autoscalingv2.MetricStatus}.
 */
public record MetricStatus(String type, ObjectMetricStatus object, PodsMetricStatus pods,
                           ResourceMetricStatus resource, ContainerResourceMetricStatus containerResource,
                           ExternalMetricStatus external) {
}
