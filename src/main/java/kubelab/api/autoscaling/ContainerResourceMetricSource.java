package kubelab.api.autoscaling;

/**
 * Like {@link ResourceMetricSource}, but for one named container of each pod only.
 *
 * <p>Real Kubernetes: {@code autoscalingv2.ContainerResourceMetricSource}.
 */
public record ContainerResourceMetricSource(String name, MetricTarget target, String container) {
}
