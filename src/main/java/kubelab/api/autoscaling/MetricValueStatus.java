package kubelab.api.autoscaling;

import kubelab.api.resource.Quantity;

/**
 * A metric's current value, in the same forms a {@link MetricTarget} uses.
 *
 * <p>Real Kubernetes: {@code autoscalingv2.MetricValueStatus}.
 */
public record MetricValueStatus(Quantity value, Quantity averageValue, Integer averageUtilization) {
}
