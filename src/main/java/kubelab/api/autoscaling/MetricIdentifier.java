package kubelab.api.autoscaling;

import kubelab.api.meta.LabelSelector;

/**
 * A custom or external metric by name, optionally narrowed by a label selector on its series.
 *
 * <p>Real Kubernetes: {@code autoscalingv2.MetricIdentifier}.
 */
public record MetricIdentifier(String name, LabelSelector selector) {
}
