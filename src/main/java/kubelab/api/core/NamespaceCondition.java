package kubelab.api.core;

import java.time.Instant;

/**
 * One condition of a terminating Namespace (see {@link NamespaceConditionType}).
 *
 * <p>Real Kubernetes: {@code corev1.NamespaceCondition}.
 */
public record NamespaceCondition(String type, String status, Instant lastTransitionTime, String reason,
                                 String message) {
}
