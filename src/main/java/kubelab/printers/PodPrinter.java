package kubelab.printers;

import static kubelab.printers.Cells.NONE;
import static kubelab.printers.Cells.isEmpty;
import static kubelab.printers.TableColumnDefinition.of;
import static kubelab.printers.TableColumnDefinition.wide;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kubelab.api.core.ConditionStatus;
import kubelab.api.core.Container;
import kubelab.api.core.ContainerRestartPolicy;
import kubelab.api.core.ContainerState;
import kubelab.api.core.ContainerStateTerminated;
import kubelab.api.core.ContainerStateWaiting;
import kubelab.api.core.ContainerStatus;
import kubelab.api.core.Pod;
import kubelab.api.core.PodCondition;
import kubelab.api.core.PodConditionType;
import kubelab.api.core.PodPhase;
import kubelab.api.core.PodReadinessGate;
import kubelab.api.core.PodSpec;
import kubelab.api.core.PodStatus;

/**
 * The row of one pod in {@code kubectl get pods}: NAME READY STATUS RESTARTS AGE, and with
 * {@code -o wide} IP NODE NOMINATED NODE READINESS GATES.
 *
 * <p>STATUS is not a field of the pod: kubectl computes it, in this order, and the last step that
 * applies wins:
 * <ol>
 *   <li>start from {@code status.phase}, or {@code status.reason} when set (Evicted, NodeAffinity...);
 *       SchedulingGated when the PodScheduled condition says so;</li>
 *   <li>walk the init containers in order and stop at the first that has not finished: it gives
 *       {@code Init:<reason>} (Init:Error, Init:CrashLoopBackOff, Init:ExitCode:N, Init:Signal:N)
 *       or {@code Init:i/n}. A started sidecar (an init container with restartPolicy Always) counts
 *       as finished, and as a container for READY;</li>
 *   <li>once initialized, walk the app containers from last to first, so the first one with a
 *       reason wins: a waiting reason (ContainerCreating, PodInitializing, CrashLoopBackOff,
 *       ErrImagePull, ImagePullBackOff, CreateContainerConfigError), a terminated reason
 *       (Completed, Error, OOMKilled) or {@code Signal:N}/{@code ExitCode:N};</li>
 *   <li>"Completed" while another container still runs and is ready reads Running if the pod is
 *       Ready, NotReady if not;</li>
 *   <li>a pod being deleted reads Terminating (unless its phase is terminal), or Unknown when the
 *       node controller marked it NodeLost.</li>
 * </ol>
 * RESTARTS adds up the restart counts of the containers that decided the status and says when the
 * last of them restarted: {@code 3 (45s ago)}, from {@code lastState.terminated.finishedAt}.
 *
 * <p>Real Kubernetes: {@code printPod} in {@code pkg/printers/internalversion/printers.go}.
 */
final class PodPrinter {

    /** The reason the node lifecycle controller gives a pod on an unreachable node. */
    static final String NODE_UNREACHABLE_POD_REASON = "NodeLost";
    static final String SCHEDULING_GATED = "SchedulingGated";

    static final List<TableColumnDefinition> COLUMNS = List.of(of("Name"), of("Ready"), of("Status"),
            of("Restarts"), of("Age"), wide("IP"), wide("Node"), wide("Nominated Node"), wide("Readiness Gates"));

    static final TableHandler<Pod> HANDLER = TableHandler.of(Pod.class, COLUMNS, PodPrinter::cells);

    private PodPrinter() {
    }

    static List<String> cells(Pod pod, Instant now) {
        PodSpec spec = pod.spec() == null ? PodSpec.of(List.of()) : pod.spec();
        PodStatus status = pod.status() == null ? PodStatus.empty() : pod.status();
        int restarts = 0;
        int restartableInitRestarts = 0;
        int totalContainers = spec.containers().size();
        int readyContainers = 0;
        Instant lastRestart = null;
        Instant lastRestartableInitRestart = null;

        // 1. the phase, or the reason the kubelet or a controller gave
        String phase = Cells.str(status.phase());
        String reason = isEmpty(status.reason()) ? phase : status.reason();
        for (PodCondition c : status.conditions()) {
            if (PodConditionType.POD_SCHEDULED.equals(c.type()) && SCHEDULING_GATED.equals(c.reason())) {
                reason = SCHEDULING_GATED;
            }
        }

        Map<String, Container> initContainers = new HashMap<>();
        for (Container c : spec.initContainers()) {
            initContainers.put(c.name(), c);
            if (isRestartable(c)) {
                totalContainers++;
            }
        }

        // 2. the first init container that has not finished
        boolean initializing = false;
        List<ContainerStatus> initStatuses = status.initContainerStatuses();
        for (int i = 0; i < initStatuses.size(); i++) {
            ContainerStatus container = initStatuses.get(i);
            boolean restartable = isRestartable(initContainers.get(container.name()));
            restarts += Cells.num(container.restartCount());
            lastRestart = later(lastRestart, lastFinishedAt(container));
            if (restartable) {
                restartableInitRestarts += Cells.num(container.restartCount());
                lastRestartableInitRestart = later(lastRestartableInitRestart, lastFinishedAt(container));
            }
            ContainerStateTerminated terminated = terminated(container.state());
            ContainerStateWaiting waiting = waiting(container.state());
            if (terminated != null && Cells.num(terminated.exitCode()) == 0) {
                continue; // done
            }
            if (restartable && Boolean.TRUE.equals(container.started())) {
                if (Boolean.TRUE.equals(container.ready())) {
                    readyContainers++;
                }
                continue; // a started sidecar does not hold up initialization
            }
            if (terminated != null) {
                reason = "Init:" + terminatedReason(terminated);
            } else if (waiting != null && !isEmpty(waiting.reason()) && !"PodInitializing".equals(waiting.reason())) {
                reason = "Init:" + waiting.reason();
            } else {
                reason = "Init:" + i + "/" + spec.initContainers().size();
            }
            initializing = true;
            break;
        }

        // 3. the app containers, last to first: the first with a reason wins
        if (!initializing || isConditionTrue(status, PodConditionType.INITIALIZED)) {
            restarts = restartableInitRestarts; // init containers that ran to completion no longer count
            lastRestart = lastRestartableInitRestart;
            boolean hasRunning = false;
            List<ContainerStatus> statuses = status.containerStatuses();
            for (int i = statuses.size() - 1; i >= 0; i--) {
                ContainerStatus container = statuses.get(i);
                restarts += Cells.num(container.restartCount());
                lastRestart = later(lastRestart, lastFinishedAt(container));
                ContainerStateWaiting waiting = waiting(container.state());
                ContainerStateTerminated terminated = terminated(container.state());
                if (waiting != null && !isEmpty(waiting.reason())) {
                    reason = waiting.reason();
                } else if (terminated != null) {
                    reason = terminatedReason(terminated);
                } else if (Boolean.TRUE.equals(container.ready()) && container.state() != null
                        && container.state().running() != null) {
                    hasRunning = true;
                    readyContainers++;
                }
            }
            // 4. one container completed while another still serves
            if ("Completed".equals(reason) && hasRunning) {
                reason = isConditionTrue(status, PodConditionType.READY) ? "Running" : "NotReady";
            }
        }

        // 5. deletion
        boolean deleting = pod.metadata() != null && pod.metadata().deletionTimestamp() != null;
        if (deleting && NODE_UNREACHABLE_POD_REASON.equals(status.reason())) {
            reason = "Unknown";
        } else if (deleting && !PodPhase.SUCCEEDED.equals(phase) && !PodPhase.FAILED.equals(phase)) {
            reason = "Terminating";
        }

        String restartsCell = String.valueOf(restarts);
        if (restarts != 0 && lastRestart != null) {
            restartsCell = restarts + " (" + HumanDuration.since(lastRestart, now) + " ago)";
        }
        return List.of(Cells.name(pod), readyContainers + "/" + totalContainers, reason, restartsCell,
                Cells.age(pod, now), podIP(status), orNone(spec.nodeName()), orNone(status.nominatedNodeName()),
                readinessGates(spec, status));
    }

    /** Completed, Error, OOMKilled...; Signal:N or ExitCode:N when the runtime gave no reason. */
    private static String terminatedReason(ContainerStateTerminated t) {
        if (!isEmpty(t.reason())) {
            return t.reason();
        }
        return Cells.num(t.signal()) != 0 ? "Signal:" + t.signal() : "ExitCode:" + Cells.num(t.exitCode());
    }

    /** A sidecar: an init container with restartPolicy Always. */
    static boolean isRestartable(Container c) {
        return c != null && ContainerRestartPolicy.ALWAYS.equals(c.restartPolicy());
    }

    /** The first pod IP; {@code podIP} when {@code podIPs} is not filled in. */
    private static String podIP(PodStatus status) {
        String ip = status.podIPs().isEmpty() ? status.podIP() : status.podIPs().get(0).ip();
        return orNone(ip);
    }

    /** {@code 1/2}: how many readiness gates have their condition True; {@code <none>} without gates. */
    private static String readinessGates(PodSpec spec, PodStatus status) {
        if (spec.readinessGates().isEmpty()) {
            return NONE;
        }
        int trueConditions = 0;
        for (PodReadinessGate gate : spec.readinessGates()) {
            PodCondition c = status.condition(gate.conditionType());
            if (c != null && ConditionStatus.TRUE.equals(c.status())) {
                trueConditions++;
            }
        }
        return trueConditions + "/" + spec.readinessGates().size();
    }

    private static boolean isConditionTrue(PodStatus status, String type) {
        PodCondition c = status.condition(type);
        return c != null && ConditionStatus.TRUE.equals(c.status());
    }

    private static ContainerStateTerminated terminated(ContainerState s) {
        return s == null ? null : s.terminated();
    }

    private static ContainerStateWaiting waiting(ContainerState s) {
        return s == null ? null : s.waiting();
    }

    private static Instant lastFinishedAt(ContainerStatus c) {
        ContainerStateTerminated t = terminated(c.lastState());
        return t == null ? null : t.finishedAt();
    }

    private static Instant later(Instant current, Instant candidate) {
        return candidate != null && (current == null || current.isBefore(candidate)) ? candidate : current;
    }

    private static String orNone(String s) {
        return isEmpty(s) ? NONE : s;
    }
}
