package kubelab.api.autoscaling;

/**
 * A metric of one other object in the namespace, such as requests per second of an Ingress.
 *
 * <p>Real Kubernetes: {@code autoscalingv2.ObjectMetricSource}.
 */
public record ObjectMetricSource(CrossVersionObjectReference describedObject, MetricTarget target,
                                 MetricIdentifier metric) {
}
