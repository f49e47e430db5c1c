package kubelab.api.autoscaling;

/**
 * A resource of the pods ({@code cpu}, {@code memory}) as the metrics server reports it, averaged
 * over the target's pods; utilisation is relative to the containers' requests.
 *
 * <p>Real Kubernetes: {@code autoscalingv2.ResourceMetricSource}.
 */
public record ResourceMetricSource(String name, MetricTarget target) {
}
