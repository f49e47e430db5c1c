package kubelab.api.core;

import kubelab.api.meta.MicroTime;

/**
 * How often an event has recurred and when it was last seen, for events that repeat.
 *
 * <p>Real Kubernetes: {@code corev1.EventSeries}.
 */
public record EventSeries(Integer count, MicroTime lastObservedTime) {
}
