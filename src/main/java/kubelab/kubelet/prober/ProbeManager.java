package kubelab.kubelet.prober;

import java.util.function.BiConsumer;
import kubelab.api.core.Pod;

/**
 * Runs the liveness, readiness and startup probes of the containers of the pods on one node, and
 * keeps their latest results for the kubelet's pod sync to read.
 *
 * <p>The kubelet tells the manager when a pod arrives and goes, and when each container starts or
 * stops. A probe only runs against a running container; a restart begins its initial delay anew.
 * When a result changes, the manager calls the {@link #onChange} listeners with the pod's uid and
 * the container's name, and the kubelet syncs that pod: a liveness {@code FAILURE} makes it kill
 * and restart the container, a readiness change goes into the pod's status.
 *
 * <p>Real Kubernetes: {@code prober.Manager} in {@code pkg/kubelet/prober/prober_manager.go}, with
 * one worker per container and probe type ({@code worker.go}) and the results managers.
 */
public interface ProbeManager {
    /** Starts tracking a pod; probes begin as its containers start. */
    void addPod(Pod pod);

    /** Stops every probe of the pod and forgets its results. */
    void removePod(String podUid);

    /**
     * A container (re)started: its probes begin after {@code initialDelaySeconds}, from results of
     * {@code UNKNOWN} (liveness, startup) and not-ready (readiness).
     */
    void containerStarted(Pod pod, String containerName, String containerId);

    /** A container stopped: its probes stop and it is not ready. */
    void containerStopped(String podUid, String containerName);

    /**
     * One instance of a container stopped: its probes stop unless a newer instance has started
     * meanwhile (the runtime's news of an exit can arrive after the restart).
     */
    default void containerStopped(String podUid, String containerName, String containerId) {
        containerStopped(podUid, containerName);
    }

    /**
     * The pod is being deleted (graceful termination began): liveness and startup probes stop and
     * read {@code SUCCESS}, so a container shutting down is not restarted; readiness goes on.
     * Added after the first contract, hence the default that does nothing.
     *
     * <p>Real Kubernetes: {@code StopLivenessAndStartup} in {@code prober_manager.go}.
     */
    default void stopLivenessAndStartup(String podUid) {
    }

    /** The liveness verdict; {@code SUCCESS} when the container has no liveness probe. */
    ProbeResult liveness(String podUid, String containerName);

    /** The startup verdict; {@code SUCCESS} when the container has no startup probe. */
    ProbeResult startup(String podUid, String containerName);

    /**
     * Whether the container is ready: started, its startup probe (if any) passed, and its
     * readiness probe (if any) last succeeded. A running container without probes is ready.
     */
    boolean ready(String podUid, String containerName);

    /** Adds a listener told (pod uid, container name) whenever a result changes. */
    void onChange(BiConsumer<String, String> listener);
}
