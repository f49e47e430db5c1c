package kubelab.kubelet.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import kubelab.api.core.ConditionStatus;
import kubelab.api.core.Container;
import kubelab.api.core.ContainerState;
import kubelab.api.core.ContainerStateTerminated;
import kubelab.api.core.ContainerStatus;
import kubelab.api.core.HostIP;
import kubelab.api.core.Pod;
import kubelab.api.core.PodCondition;
import kubelab.api.core.PodConditionType;
import kubelab.api.core.PodIP;
import kubelab.api.core.PodPhase;
import kubelab.api.core.PodStatus;
import kubelab.apiserver.registry.core.PodStrategy;
import kubelab.kubelet.container.ContainerRestarts;
import kubelab.kubelet.container.Errors;
import kubelab.kubelet.container.ReasonCache;
import kubelab.kubelet.container.RuntimePodStatus;
import kubelab.kubelet.prober.ProbeManager;
import kubelab.kubelet.prober.ProbeResult;
import kubelab.runtime.cri.PodSandboxStatus;

/**
 * Builds a pod's API status from what the runtime holds, the last start failures and the probes:
 * container statuses (state, lastState, restartCount, ready, started, ids), phase, the
 * PodReadyToStartContainers, Initialized, ContainersReady, Ready and PodScheduled conditions,
 * IPs, startTime and QoS class. Times are whole seconds, as the API keeps them.
 *
 * <p>Real Kubernetes: {@code generateAPIPodStatus} and {@code convertToAPIContainerStatuses} in
 * {@code pkg/kubelet/kubelet_pods.go}, and {@code pkg/kubelet/status/generate.go}.
 */
public final class PodStatusGenerator {
    private final ReasonCache reasons;
    private final ProbeManager probes;
    private final String runtimeName;

    public PodStatusGenerator(ReasonCache reasons, ProbeManager probes, String runtimeName) {
        this.reasons = reasons;
        this.probes = probes;
        this.runtimeName = runtimeName;
    }

    /**
     * The status to write for {@code pod}.
     *
     * @param podIsTerminal the pod is being deleted: nothing will start again
     */
    public PodStatus generate(Pod pod, RuntimePodStatus runtime, String hostIP, Instant now, boolean podIsTerminal) {
        Instant at = now.truncatedTo(ChronoUnit.SECONDS);
        PodStatus old = pod.status() == null ? PodStatus.empty() : pod.status();
        boolean hasInit = !pod.spec().initContainers().isEmpty();
        List<ContainerStatus> init = convert(pod, runtime, old.initContainerStatuses(), pod.spec().initContainers(), hasInit);
        List<ContainerStatus> app = convert(pod, runtime, old.containerStatuses(), pod.spec().containers(), hasInit);
        String phase = PodPhases.getPhase(pod.spec(), init, app, podIsTerminal);
        if (PodPhase.isTerminal(old.phase())) {
            phase = old.phase(); // a terminal phase never changes back
        }
        // A pod on the host's network has the node's IP.
        String ip = Boolean.TRUE.equals(pod.spec().hostNetwork()) && runtime.ip() != null ? hostIP : runtime.ip();
        List<PodIP> podIPs = ip == null ? old.podIPs() : List.of(new PodIP(ip));
        String podIP = ip == null ? old.podIP() : ip;

        List<PodCondition> conditions = new ArrayList<>();
        boolean sandboxReady = runtime.latestSandbox().map(s -> s.state() == PodSandboxStatus.State.SANDBOX_READY
                && s.ip() != null).orElse(false);
        conditions.add(condition(old, PodConditionType.POD_READY_TO_START_CONTAINERS, sandboxReady, null, null, at));
        conditions.add(initialized(pod, old, init, app, phase, at));
        PodCondition containersReady = containersReady(pod, old, init, app, phase, at);
        conditions.add(condition(old, PodConditionType.READY, containersReady.isTrue(), containersReady.reason(),
                containersReady.message(), at));
        conditions.add(containersReady);
        PodCondition scheduled = old.condition(PodConditionType.POD_SCHEDULED);
        conditions.add(scheduled != null ? scheduled : PodCondition.of(PodConditionType.POD_SCHEDULED, ConditionStatus.TRUE, at));
        for (PodCondition c : old.conditions()) {
            if (conditions.stream().noneMatch(x -> x.type().equals(c.type()))) {
                conditions.add(c); // conditions others own (DisruptionTarget, readiness gates) are kept
            }
        }
        return PodStatus.empty().withPhase(phase).withConditions(conditions)
                .withHostIP(hostIP).withHostIPs(hostIP == null ? null : List.of(new HostIP(hostIP)))
                .withPodIP(podIP).withPodIPs(podIPs)
                .withStartTime(old.startTime() != null ? old.startTime() : at)
                .withInitContainerStatuses(init).withContainerStatuses(app)
                .withQosClass(PodStrategy.qosClass(pod));
    }

    private List<ContainerStatus> convert(Pod pod, RuntimePodStatus runtime, List<ContainerStatus> olds,
                                          List<Container> containers, boolean hasInit) {
        String uid = pod.metadata().uid();
        List<ContainerStatus> out = new ArrayList<>();
        for (Container c : containers) {
            ContainerStatus old = PodPhases.find(olds, c.name());
            var latest = runtime.latest(c.name());
            var previous = runtime.previous(c.name());
            ContainerState state;
            ContainerState last = null;
            int restarts;
            String containerId = null;
            String imageId = null;
            boolean running = false;
            if (latest == null) {
                state = ContainerState.waiting(hasInit ? Errors.POD_INITIALIZING : Errors.CONTAINER_CREATING, null);
                restarts = old == null || old.restartCount() == null ? 0 : old.restartCount();
                last = old == null ? null : old.lastState();
            } else {
                containerId = runtimeName + "://" + latest.id();
                imageId = latest.imageRef();
                restarts = latest.metadata().attempt();
                state = toApi(latest, containerId);
                running = state.running() != null;
                if (previous != null) {
                    last = toApi(previous, runtimeName + "://" + previous.id());
                } else if (old != null && restarts > 0) {
                    last = old.lastState();
                }
            }
            ReasonCache.Reason why = reasons.get(uid, c.name());
            if (why != null && !running && ContainerRestarts.shouldContainerBeRestarted(c, pod, runtime)) {
                if (state.terminated() != null) {
                    last = state;
                }
                state = ContainerState.waiting(why.reason(), why.message());
            }
            boolean ready = running && probes.ready(uid, c.name());
            boolean started = running && probes.startup(uid, c.name()) == ProbeResult.SUCCESS;
            out.add(new ContainerStatus(c.name(), state, last == null ? new ContainerState(null, null, null) : last,
                    ready, restarts, c.image(), imageId == null ? "" : imageId, containerId, started, null, null,
                    null, null, null, null));
        }
        return out;
    }

    private static ContainerState toApi(kubelab.runtime.cri.ContainerStatus s, String containerId) {
        return switch (s.state()) {
            case CONTAINER_RUNNING -> ContainerState.running(seconds(s.startedAt()));
            case CONTAINER_EXITED -> ContainerState.terminated(new ContainerStateTerminated(s.exitCode(), null,
                    s.reason() != null ? s.reason() : (s.exitCode() == 0 ? "Completed" : "Error"),
                    s.message() == null || s.message().isEmpty() ? null : s.message(), // omitempty, as in the API
                    seconds(s.startedAt()), seconds(s.finishedAt()), containerId));
            default -> ContainerState.waiting(Errors.CONTAINER_CREATING, null);
        };
    }

    private static PodCondition initialized(Pod pod, PodStatus old, List<ContainerStatus> init,
                                            List<ContainerStatus> app, String phase, Instant at) {
        List<String> unknown = new ArrayList<>();
        List<String> incomplete = new ArrayList<>();
        for (Container c : pod.spec().initContainers()) {
            ContainerStatus s = PodPhases.find(init, c.name());
            boolean done = c.isSidecar() ? s != null && Boolean.TRUE.equals(s.started())
                    : s != null && s.state().terminated() != null && Integer.valueOf(0).equals(s.state().terminated().exitCode());
            if (s == null) {
                unknown.add(c.name());
            } else if (!done) {
                incomplete.add(c.name());
            }
        }
        if (unknown.isEmpty() && incomplete.isEmpty()) {
            return condition(old, PodConditionType.INITIALIZED, true, null, null, at);
        }
        if (PodPhases.anyAppStarted(pod.spec(), app)) {
            return condition(old, PodConditionType.INITIALIZED, true, null, null, at);
        }
        List<String> messages = new ArrayList<>();
        if (!unknown.isEmpty()) {
            messages.add("containers with unknown status: " + goList(unknown));
        }
        if (!incomplete.isEmpty()) {
            messages.add("containers with incomplete status: " + goList(incomplete));
        }
        return condition(old, PodConditionType.INITIALIZED, false, "ContainersNotInitialized",
                String.join(", ", messages), at);
    }

    private static PodCondition containersReady(Pod pod, PodStatus old, List<ContainerStatus> init,
                                                List<ContainerStatus> app, String phase, Instant at) {
        if (PodPhase.SUCCEEDED.equals(phase)) {
            return condition(old, PodConditionType.CONTAINERS_READY, false, "PodCompleted", null, at);
        }
        if (PodPhase.FAILED.equals(phase)) {
            return condition(old, PodConditionType.CONTAINERS_READY, false, "PodFailed", null, at);
        }
        List<String> unready = new ArrayList<>();
        for (Container c : pod.spec().initContainers()) {
            ContainerStatus s = PodPhases.find(init, c.name());
            if (c.isSidecar() && (s == null || !Boolean.TRUE.equals(s.ready()))) {
                unready.add(c.name());
            }
        }
        for (Container c : pod.spec().containers()) {
            ContainerStatus s = PodPhases.find(app, c.name());
            if (s == null || !Boolean.TRUE.equals(s.ready())) {
                unready.add(c.name());
            }
        }
        if (unready.isEmpty()) {
            return condition(old, PodConditionType.CONTAINERS_READY, true, null, null, at);
        }
        return condition(old, PodConditionType.CONTAINERS_READY, false, "ContainersNotReady",
                "containers with unready status: " + goList(unready), at);
    }

    /** A condition whose lastTransitionTime moves only when its status changes. */
    private static PodCondition condition(PodStatus old, String type, boolean status, String reason, String message,
                                          Instant at) {
        String s = status ? ConditionStatus.TRUE : ConditionStatus.FALSE;
        PodCondition prior = old.condition(type);
        Instant since = prior != null && s.equals(prior.status()) && prior.lastTransitionTime() != null
                ? prior.lastTransitionTime() : at;
        return new PodCondition(type, null, s, null, since, reason, message);
    }

    /** A list as Go prints a slice: {@code [a b]}. */
    private static String goList(List<String> names) {
        return "[" + String.join(" ", names) + "]";
    }

    private static Instant seconds(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS);
    }
}
