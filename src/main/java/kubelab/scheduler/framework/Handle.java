package kubelab.scheduler.framework;

import java.util.List;
import java.util.Optional;
import kubelab.api.core.Pod;
import kubelab.apiserver.Api;
import kubelab.client.record.EventRecorder;
import kubelab.time.Clock;

/**
 * What the framework offers the plugins it runs: the API (DefaultBinder binds, DefaultPreemption
 * deletes victims), the snapshot of nodes of the current cycle, the event recorder of the profile,
 * a way to run the filters again on a changed NodeInfo (preemption's dry run), and the pods
 * waiting at Permit.
 *
 * <p>Real Kubernetes: {@code Handle} in {@code pkg/scheduler/framework/interface.go}.
 */
public interface Handle {
    Api api();

    Clock clock();

    /** The profile's scheduler name ({@code default-scheduler}). */
    String profileName();

    EventRecorder eventRecorder();

    /** Every node of the snapshot of the current cycle, in the snapshot's order. */
    List<NodeInfo> nodeInfos();

    /** Runs every Filter plugin of the profile on one node; the first rejection wins. */
    Status runFilterPlugins(CycleState state, Pod pod, NodeInfo nodeInfo);

    /** The pod held at Permit under this namespace/name, if any. */
    Optional<WaitingPod> waitingPod(String podKey);
}
