package kubelab.scheduler.framework;

import java.time.Instant;
import java.util.Set;
import kubelab.api.core.Pod;

/**
 * A pod waiting in the scheduling queue, with what the queue needs to order and back it off: when
 * it was (re-)queued, how many times scheduling was attempted, when it was first attempted, and
 * which plugins rejected it last time (so that only cluster events that could help those plugins
 * move it back).
 *
 * <p>Immutable; the queue replaces it as the pod moves between sub-queues.
 *
 * <p>Real Kubernetes: {@code QueuedPodInfo} in {@code pkg/scheduler/framework/types.go}.
 */
public record QueuedPodInfo(Pod pod, Instant timestamp, int attempts, Instant initialAttemptTimestamp,
                            Set<String> unschedulablePlugins) {

    public QueuedPodInfo {
        unschedulablePlugins = Set.copyOf(unschedulablePlugins == null ? Set.of() : unschedulablePlugins);
    }

    public static QueuedPodInfo of(Pod pod, Instant now) {
        return new QueuedPodInfo(pod, now, 0, null, Set.of());
    }

    public QueuedPodInfo withPod(Pod newPod) {
        return new QueuedPodInfo(newPod, timestamp, attempts, initialAttemptTimestamp, unschedulablePlugins);
    }

    public QueuedPodInfo withTimestamp(Instant t) {
        return new QueuedPodInfo(pod, t, attempts, initialAttemptTimestamp, unschedulablePlugins);
    }

    public QueuedPodInfo withUnschedulablePlugins(Set<String> plugins) {
        return new QueuedPodInfo(pod, timestamp, attempts, initialAttemptTimestamp, plugins);
    }

    /** One more attempt, started now: what {@code Pop} records. */
    public QueuedPodInfo attempted(Instant now) {
        return new QueuedPodInfo(pod, timestamp, attempts + 1,
                initialAttemptTimestamp == null ? now : initialAttemptTimestamp, unschedulablePlugins);
    }

    /** namespace/name. */
    public String key() {
        return pod.metadata().namespace() + "/" + pod.metadata().name();
    }
}
