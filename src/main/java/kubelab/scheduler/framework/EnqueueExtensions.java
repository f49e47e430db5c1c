package kubelab.scheduler.framework;

import java.util.Set;

/**
 * Implemented by a plugin that can reject pods: the cluster events after which a pod it rejected
 * may fit, so the queue retries the pod then and not on every change in the cluster.
 *
 * <p>A simplified QueueingHint: Kubernetes can also ask the plugin, per event and per pod, whether
 * this particular change helps; here the event type alone decides.
 *
 * <p>Real Kubernetes: {@code EnqueueExtensions.EventsToRegister} in {@code pkg/scheduler/framework/interface.go}.
 */
public interface EnqueueExtensions {
    Set<ClusterEvent> eventsToRegister();
}
