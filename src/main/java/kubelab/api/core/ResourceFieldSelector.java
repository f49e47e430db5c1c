package kubelab.api.core;

import kubelab.api.resource.Quantity;

/**
 * A container's resource, such as {@code limits.memory}, for the downward API, expressed in units
 * of {@code divisor} (default 1).
 *
 * <p>Real Kubernetes: {@code corev1.ResourceFieldSelector}.
 */
public record ResourceFieldSelector(String containerName, String resource, Quantity divisor) {
}
