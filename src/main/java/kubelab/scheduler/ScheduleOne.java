package kubelab.scheduler;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import kubelab.api.core.ConditionStatus;
import kubelab.api.core.Event;
import kubelab.api.core.Pod;
import kubelab.api.core.PodCondition;
import kubelab.api.core.PodConditionType;
import kubelab.api.core.PodStatus;
import kubelab.apiserver.ApiException;
import kubelab.scheduler.explain.SchedulingDecision;
import kubelab.scheduler.framework.CycleState;
import kubelab.scheduler.framework.FitError;
import kubelab.scheduler.framework.NodePluginScores;
import kubelab.scheduler.framework.PostFilterResult;
import kubelab.scheduler.framework.QueuedPodInfo;
import kubelab.scheduler.framework.Status;
import kubelab.scheduler.framework.runtime.Framework;

/**
 * One pod's way through the scheduler, in Kubernetes' steps:
 * <ol>
 *   <li>Pop the next pod; skip it if it is being deleted or already assumed.</li>
 *   <li>Refresh the snapshot and decide ({@link SchedulePod}); if no node fits, run PostFilter
 *       (preemption) and record the failure.</li>
 *   <li>Assume the pod on the chosen node in the cache, so the next cycle sees the room taken.</li>
 *   <li>Reserve, then Permit (which may make the pod wait).</li>
 *   <li>Binding cycle, as a separate loop task: wait for Permit, PreBind, Bind, then the
 *       {@code Scheduled} event and PostBind. A failure anywhere unreserves, forgets the assumed
 *       pod and sends it back to the queue.</li>
 * </ol>
 * A failure writes the {@code FailedScheduling} event and the {@code PodScheduled=False}
 * condition (reason {@code Unschedulable}, or {@code SchedulerError} for errors), and requeues
 * the pod unless the informer shows it deleted or bound meanwhile.
 *
 * <p>Real Kubernetes: {@code ScheduleOne}, {@code schedulingCycle}, {@code bindingCycle} and
 * {@code handleSchedulingFailure} in {@code pkg/scheduler/schedule_one.go}.
 */
final class ScheduleOne {
    static final String REASON_UNSCHEDULABLE = "Unschedulable";
    static final String REASON_SCHEDULER_ERROR = "SchedulerError";

    private final Scheduler s;

    ScheduleOne(Scheduler scheduler) {
        this.s = scheduler;
    }

    void scheduleOne() {
        // 1. Pop.
        Optional<QueuedPodInfo> next = s.queue.pop();
        if (next.isEmpty()) {
            return;
        }
        QueuedPodInfo info = next.get();
        Pod pod = info.pod();
        Framework fwk = s.frameworkFor(pod);
        if (fwk == null || pod.metadata().deletionTimestamp() != null || s.cache.isAssumedPod(pod)) {
            return;
        }
        long cycle = s.queue.schedulingCycle();
        CycleState state = new CycleState();
        // 2. Decide.
        s.cache.updateSnapshot(s.snapshot);
        int pct = fwk.profile().percentageOfNodesToScore() != null
                ? fwk.profile().percentageOfNodesToScore() : s.options.percentageOfNodesToScore();
        SchedulePod.Result r = s.algorithm.schedule(fwk, state, pod, s.snapshot.list(), pct, s.loop.random());
        if (r.host() == null) {
            failCycle(fwk, state, info, cycle, r);
            return;
        }
        String summary = summary(r);
        SchedulingDecision decision = decision(fwk, info, cycle, r, r.host(), SchedulingDecision.SCHEDULED,
                "Successfully assigned " + key(pod) + " to " + r.host() + " (" + summary + ")");
        s.decisions.record(decision);
        // 3. Assume.
        Pod assumed = pod.withSpec(pod.spec().withNodeName(r.host()));
        s.cache.assumePod(assumed);
        // 4. Reserve and Permit.
        Status st = fwk.runReservePluginsReserve(state, assumed, r.host());
        if (st.isSuccess()) {
            st = fwk.runPermitPlugins(state, assumed, r.host());
        }
        if (!st.isSuccess() && !st.isWait()) {
            undo(fwk, state, assumed, r.host());
            handleFailure(fwk, info, cycle, st, null, null);
            return;
        }
        // 5. Bind, in its own task.
        s.loop.execute("scheduler: binding cycle " + key(pod), () -> fwk.waitOnPermit(assumed,
                permit -> bindingCycle(fwk, state, info, cycle, assumed, r.host(), decision, permit)));
    }

    private void bindingCycle(Framework fwk, CycleState state, QueuedPodInfo info, long cycle, Pod assumed,
                              String host, SchedulingDecision decision, Status permit) {
        Status st = permit;
        if (st.isSuccess()) {
            st = fwk.runPreBindPlugins(state, assumed, host);
        }
        if (st.isSuccess()) {
            st = fwk.runBindPlugins(state, assumed, host);
            if (!st.isSuccess()) {
                st = Status.error("binding rejected: running Bind plugin \"" + st.plugin() + "\": " + st.message());
            }
        }
        if (!st.isSuccess()) {
            undo(fwk, state, assumed, host);
            // The choice stands in the record, but the outcome is the failure.
            s.decisions.record(new SchedulingDecision(decision.namespace(), decision.name(), decision.profile(),
                    decision.cycle(), s.loop.clock().now(), decision.attempt(), decision.numAllNodes(), decision.nodes(),
                    host, st.isRejected() ? SchedulingDecision.UNSCHEDULABLE : SchedulingDecision.ERROR, st.message()));
            handleFailure(fwk, info, cycle, st, null, null);
            return;
        }
        s.cache.finishBinding(assumed);
        fwk.eventRecorder().event(assumed, Event.TYPE_NORMAL, "Scheduled", decision.message());
        fwk.runPostBindPlugins(state, assumed, host);
    }

    private void undo(Framework fwk, CycleState state, Pod assumed, String host) {
        fwk.runReservePluginsUnreserve(state, assumed, host);
        s.cache.forgetPod(assumed);
    }

    /** No host: PostFilter for a FitError, then the failure is recorded. */
    private void failCycle(Framework fwk, CycleState state, QueuedPodInfo info, long cycle, SchedulePod.Result r) {
        Pod pod = info.pod();
        FitError fitError = r.fitError();
        String nominated = null;
        if (fitError != null && fwk.hasPostFilterPlugins()) {
            PostFilterResult pf = fwk.runPostFilterPlugins(state, pod, fitError.nodeToStatus());
            nominated = pf.nominatedNodeName();
            fitError = new FitError(pod, fitError.numAllNodes(), fitError.nodeToStatus(), fitError.preFilterMsg(),
                    pf.status().message());
        }
        Status st = fitError != null ? Status.of(Status.Code.Unschedulable, fitError.message()) : r.error();
        String outcome = st.isRejected() ? SchedulingDecision.UNSCHEDULABLE : SchedulingDecision.ERROR;
        s.decisions.record(decision(fwk, info, cycle, r, null, outcome, st.message()));
        handleFailure(fwk, info, cycle, st, fitError, nominated);
    }

    /** Requeue, event, condition. */
    private void handleFailure(Framework fwk, QueuedPodInfo info, long cycle, Status st, FitError fitError,
                               String nominatedNode) {
        Pod pod = info.pod();
        boolean rejected = st.isRejected();
        String msg = fitError != null ? fitError.message() : st.message();
        // 1. Requeue, unless deleted or bound meanwhile.
        Optional<Pod> cached = s.podLister.inNamespace(pod.metadata().namespace()).get(pod.metadata().name());
        boolean stillPending = cached.isPresent() && !EventHandlers.assigned(cached.get());
        if (stillPending) {
            Set<String> plugins = new LinkedHashSet<>();
            if (fitError != null) {
                fitError.nodeToStatus().values().forEach(x -> {
                    if (x.plugin() != null) {
                        plugins.add(x.plugin());
                    }
                });
            } else if (st.plugin() != null && rejected) {
                plugins.add(st.plugin());
            }
            s.queue.addUnschedulableIfNotPresent(info.withPod(cached.get()).withUnschedulablePlugins(plugins), cycle,
                    !rejected);
        }
        // 2. Event (Kubernetes records it even when the pod was bound meanwhile).
        fwk.eventRecorder().event(pod, Event.TYPE_WARNING, "FailedScheduling", msg);
        // 3. Condition (and nomination), written only when it changes, and never on a bound pod.
        if (stillPending) {
            updatePodStatus(cached.get(), rejected ? REASON_UNSCHEDULABLE : REASON_SCHEDULER_ERROR, msg, nominatedNode);
        }
    }

    private void updatePodStatus(Pod pod, String reason, String message, String nominatedNode) {
        PodStatus status = pod.status() == null ? PodStatus.empty() : pod.status();
        PodCondition old = status.condition(PodConditionType.POD_SCHEDULED);
        boolean sameCondition = old != null && ConditionStatus.FALSE.equals(old.status())
                && Objects.equals(old.reason(), reason) && Objects.equals(old.message(), message);
        boolean sameNomination = nominatedNode == null || nominatedNode.equals(status.nominatedNodeName());
        if (sameCondition && sameNomination) {
            return;
        }
        PodCondition cond = new PodCondition(PodConditionType.POD_SCHEDULED, null, ConditionStatus.FALSE, null,
                old != null && ConditionStatus.FALSE.equals(old.status()) ? old.lastTransitionTime() : s.loop.clock().now(),
                reason, message);
        PodStatus next = status.withCondition(cond);
        if (!sameNomination) {
            next = withNominatedNodeName(next, nominatedNode);
        }
        try {
            s.api.updateStatus(pod.withStatus(next));
        } catch (ApiException e) {
            // Stale or gone: the next attempt writes it again.
        }
    }

    /** {@code status.nominatedNodeName} set (PodStatus has no wither for it). */
    private static PodStatus withNominatedNodeName(PodStatus p, String node) {
        return new PodStatus(p.observedGeneration(), p.phase(), p.conditions(), p.message(), p.reason(), node,
                p.hostIP(), p.hostIPs(), p.podIP(), p.podIPs(), p.startTime(), p.initContainerStatuses(),
                p.containerStatuses(), p.qosClass(), p.ephemeralContainerStatuses(), p.resize(),
                p.resourceClaimStatuses(), p.extendedResourceClaimStatus(), p.allocatedResources(), p.resources());
    }

    private SchedulingDecision decision(Framework fwk, QueuedPodInfo info, long cycle, SchedulePod.Result r,
                                        String host, String outcome, String message) {
        Pod pod = info.pod();
        return new SchedulingDecision(pod.metadata().namespace(), pod.metadata().name(), fwk.profileName(), cycle,
                s.loop.clock().now(), info.attempts(), s.snapshot.numNodes(), r.decisions(), host, outcome, message);
    }

    /** "3 feasible nodes of 3; score 187, next best node-2 172". */
    static String summary(SchedulePod.Result r) {
        int all = r.decisions().size();
        StringBuilder b = new StringBuilder().append(r.feasibleNodes())
                .append(r.feasibleNodes() == 1 ? " feasible node of " : " feasible nodes of ").append(all);
        if (r.evaluatedNodes() < all) {
            b.append(", ").append(r.evaluatedNodes()).append(" examined");
        }
        List<NodePluginScores> scores = r.scores();
        if (!scores.isEmpty()) {
            NodePluginScores chosen = scores.stream().filter(x -> x.name().equals(r.host())).findFirst().orElseThrow();
            b.append("; score ").append(chosen.totalScore());
            scores.stream().filter(x -> !x.name().equals(r.host()))
                    .max((x, y) -> Long.compare(x.totalScore(), y.totalScore()))
                    .ifPresent(nb -> b.append(", next best ").append(nb.name()).append(' ').append(nb.totalScore()));
        }
        return b.toString();
    }

    private static String key(Pod pod) {
        return pod.metadata().namespace() + "/" + pod.metadata().name();
    }
}
