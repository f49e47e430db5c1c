package kubelab.scheduler.plugins.defaultpreemption;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kubelab.api.core.ConditionStatus;
import kubelab.api.core.Event;
import kubelab.api.core.Pod;
import kubelab.api.core.PodCondition;
import kubelab.api.core.PodConditionType;
import kubelab.api.core.PodStatus;
import kubelab.apiserver.ApiException;
import kubelab.scheduler.framework.CycleState;
import kubelab.scheduler.framework.FitError;
import kubelab.scheduler.framework.Handle;
import kubelab.scheduler.framework.NodeInfo;
import kubelab.scheduler.framework.PostFilterPlugin;
import kubelab.scheduler.framework.PostFilterResult;
import kubelab.scheduler.framework.Status;
import kubelab.scheduler.plugins.queuesort.PrioritySort;

/**
 * Preemption: when a pod fits nowhere, find a node where evicting pods of lower priority would
 * make it fit, evict them, and nominate the node ({@code status.nominatedNodeName}); the pod is
 * scheduled in a later cycle, once the victims are gone.
 *
 * <p>The steps, as Kubernetes' Evaluator takes them:
 * <ol>
 *   <li>A pod with {@code preemptionPolicy: Never} may not preempt.</li>
 *   <li>Only nodes that failed as {@code Unschedulable} are candidates; labels, taints and names
 *       ({@code UnschedulableAndUnresolvable}) do not change by removing pods.</li>
 *   <li>On each candidate: remove every lower-priority pod; if the pod still does not fit, the
 *       node is out. Otherwise give back ("reprieve") victims from the most important down while
 *       the pod still fits; those left are the victims.</li>
 *   <li>Pick the node whose most important victim has the lowest priority, then the smallest sum
 *       of priorities, then the fewest victims, then the first.</li>
 *   <li>Mark each victim with the DisruptionTarget condition, delete it, and record a
 *       {@code Preempted} event.</li>
 * </ol>
 * When no node qualifies, the reason is a FitError of its own, appended to the pod's message:
 * {@code preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.}
 *
 * <p>Simplified: PodDisruptionBudgets are not consulted; the dry run reuses the cycle's PreFilter
 * state instead of updating it pod by pod (exact for resources and ports, approximate for
 * inter-pod affinity and topology spread); other pods' nominations are not reserved.
 *
 * <p>Real Kubernetes: {@code pkg/scheduler/framework/plugins/defaultpreemption} and
 * {@code pkg/scheduler/framework/preemption/preemption.go}.
 */
public final class DefaultPreemption implements PostFilterPlugin {
    public static final String NAME = "DefaultPreemption";
    public static final String MSG_NO_VICTIMS = "No preemption victims found for incoming pod";
    public static final String MSG_NOT_HELPFUL = "Preemption is not helpful for scheduling";
    public static final String REASON_PREEMPTION_BY_SCHEDULER = "PreemptionByScheduler";
    public static final String PREEMPT_NEVER = "Never";

    /** A node and the pods to evict there. */
    public record Candidate(String nodeName, List<Pod> victims) {
    }

    private final Handle handle;

    public DefaultPreemption(Handle handle) {
        this.handle = handle;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PostFilterResult postFilter(CycleState state, Pod pod, Map<String, Status> nodeToStatus) {
        if (pod.spec() != null && PREEMPT_NEVER.equals(pod.spec().preemptionPolicy())) {
            return PostFilterResult.of(unschedulable("preemption: not eligible due to preemptionPolicy=Never."));
        }
        List<NodeInfo> all = handle.nodeInfos();
        Map<String, Status> statuses = new LinkedHashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        for (NodeInfo nodeInfo : all) {
            Status s = nodeToStatus.get(nodeInfo.nodeName());
            if (s == null || s.code() != Status.Code.Unschedulable) {
                statuses.put(nodeInfo.nodeName(), Status.of(Status.Code.UnschedulableAndUnresolvable, MSG_NOT_HELPFUL));
                continue;
            }
            Object result = selectVictimsOnNode(state, pod, nodeInfo);
            if (result instanceof Candidate c) {
                candidates.add(c);
            } else {
                statuses.put(nodeInfo.nodeName(), (Status) result);
            }
        }
        if (candidates.isEmpty()) {
            String msg = FitError.of(pod, all.size(), statuses).message();
            return PostFilterResult.of(unschedulable("preemption: " + msg));
        }
        Candidate best = pickOneNodeForPreemption(candidates);
        prepareCandidate(best, pod);
        return new PostFilterResult(best.nodeName(), Status.success());
    }

    /** Step 3: a Candidate, or the Status saying why this node cannot be freed. */
    Object selectVictimsOnNode(CycleState state, Pod pod, NodeInfo nodeInfo) {
        int priority = PrioritySort.podPriority(pod);
        NodeInfo copy = nodeInfo.snapshot();
        List<Pod> potential = new ArrayList<>();
        for (Pod p : nodeInfo.pods()) {
            if (PrioritySort.podPriority(p) < priority) {
                potential.add(p);
                copy.removePod(p);
            }
        }
        if (potential.isEmpty()) {
            return Status.of(Status.Code.UnschedulableAndUnresolvable, MSG_NO_VICTIMS).withPlugin(NAME);
        }
        Status fits = handle.runFilterPlugins(state, pod, copy);
        if (!fits.isSuccess()) {
            return fits;
        }
        potential.sort(Comparator.comparingInt(PrioritySort::podPriority).reversed());
        List<Pod> victims = new ArrayList<>();
        for (Pod p : potential) {
            copy.addPod(p);
            if (!handle.runFilterPlugins(state, pod, copy).isSuccess()) {
                copy.removePod(p);
                victims.add(p);
            }
        }
        return new Candidate(nodeInfo.nodeName(), victims);
    }

    /** Step 4. */
    static Candidate pickOneNodeForPreemption(List<Candidate> candidates) {
        Comparator<Candidate> order = Comparator
                .comparingInt((Candidate c) -> c.victims().stream().mapToInt(PrioritySort::podPriority).max().orElse(Integer.MIN_VALUE))
                .thenComparingLong(c -> c.victims().stream().mapToLong(v -> (long) PrioritySort.podPriority(v) + Integer.MAX_VALUE + 1).sum())
                .thenComparingInt(c -> c.victims().size());
        Candidate best = candidates.get(0);
        for (Candidate c : candidates) {
            if (order.compare(c, best) < 0) {
                best = c;
            }
        }
        return best;
    }

    /** Step 5. */
    private void prepareCandidate(Candidate c, Pod preemptor) {
        for (Pod victim : c.victims()) {
            try {
                PodStatus status = victim.status() == null ? PodStatus.empty() : victim.status();
                PodCondition target = new PodCondition(PodConditionType.DISRUPTION_TARGET, null, ConditionStatus.TRUE,
                        null, handle.clock().now(), REASON_PREEMPTION_BY_SCHEDULER,
                        handle.profileName() + ": preempting to accommodate a higher priority pod");
                handle.api().updateStatus(victim.withStatus(status.withCondition(target)));
            } catch (ApiException e) {
                // A stale victim (changed or gone): deleting it below still frees the room.
            }
            try {
                handle.api().delete(Pod.class, victim.metadata().namespace(), victim.metadata().name());
            } catch (ApiException e) {
                continue;
            }
            handle.waitingPod(victim.metadata().namespace() + "/" + victim.metadata().name())
                    .ifPresent(w -> w.reject(NAME, "preempted"));
            handle.eventRecorder().event(victim, Event.TYPE_NORMAL, "Preempted",
                    "Preempted by a pod on node " + c.nodeName());
        }
    }

    private static Status unschedulable(String msg) {
        return Status.of(Status.Code.Unschedulable, msg).withPlugin(NAME);
    }
}
