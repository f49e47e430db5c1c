package kubelab.api.autoscaling;

/**
 * A custom metric of each pod (such as transactions per second), averaged before comparing with
 * the target.
 *
 * <p>Real Kubernetes: {@code autoscalingv2.PodsMetricSource}.
 */
public record PodsMetricSource(MetricIdentifier metric, MetricTarget target) {
}
