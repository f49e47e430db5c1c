package kubelab.kubelet.prober;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;
import kubelab.api.core.Container;
import kubelab.api.core.Pod;
import kubelab.client.record.EventRecorder;
import kubelab.runtime.cri.RuntimeService;
import kubelab.runtime.net.PodNetwork;
import kubelab.time.EventLoop;

/**
 * The kubelet's prober: one {@link ProbeWorker} per running container and declared probe, their
 * results by pod uid and container name, and the listeners told when a result changes.
 *
 * <p>Readiness is what the kubelet's status needs, so it is computed here as Kubernetes's
 * {@code UpdatePodStatus} does: a running container is ready once its startup probe (if any) has
 * succeeded and its readiness probe (if any) last succeeded. When a startup probe succeeds, the
 * readiness probe runs at once instead of at its next tick: in Kubernetes the pod sync that the
 * startup result causes triggers it.
 *
 * <p>All calls come on the loop. Cost: O(containers of the pod) per call; nothing is proportional
 * to the number of pods on the node.
 *
 * <p>Real Kubernetes: {@code manager} in {@code pkg/kubelet/prober/prober_manager.go}, with the
 * liveness, readiness and startup {@code results.Manager}s folded into the workers.
 */
public final class DefaultProbeManager implements ProbeManager {
    private final EventLoop loop;
    private final Prober prober;
    private final Function<String, String> podIps;
    private final Map<String, PodProbes> pods = new HashMap<>();
    private final List<BiConsumer<String, String>> listeners = new ArrayList<>();

    /**
     * A manager whose HTTP and TCP probes find a pod's IP with {@code podIps} (pod uid to IP, as
     * the kubelet knows it from the sandbox), falling back to the pod's {@code status.podIP}.
     *
     * @param recorder where {@code Unhealthy} events go (the kubelet's recorder)
     * @param podIps   pod uid to pod IP, or null to read {@code status.podIP} of the pod last given
     */
    public DefaultProbeManager(EventLoop loop, RuntimeService runtime, PodNetwork network, EventRecorder recorder,
                               Function<String, String> podIps) {
        this.loop = loop;
        this.prober = new Prober(runtime, network, recorder);
        this.podIps = podIps;
    }

    /** A manager that reads pod IPs from {@code status.podIP} of the pod last given to it. */
    public DefaultProbeManager(EventLoop loop, RuntimeService runtime, PodNetwork network, EventRecorder recorder) {
        this(loop, runtime, network, recorder, null);
    }

    @Override
    public void addPod(Pod pod) {
        pods.computeIfAbsent(pod.metadata().uid(), uid -> new PodProbes()).pod = pod;
    }

    @Override
    public void removePod(String podUid) {
        PodProbes probes = pods.remove(podUid);
        if (probes != null) {
            probes.containers.values().forEach(ContainerProbes::stop);
        }
    }

    @Override
    public void containerStarted(Pod pod, String containerName, String containerId) {
        addPod(pod);
        PodProbes probes = pods.get(pod.metadata().uid());
        ContainerProbes old = probes.containers.remove(containerName);
        if (old != null) {
            old.stop();
        }
        Container container = find(pod, containerName);
        if (container == null) {
            throw new IllegalArgumentException("pod " + pod.metadata().namespace() + "/" + pod.metadata().name()
                    + " has no container " + containerName);
        }
        ContainerProbes started = new ContainerProbes(containerId);
        for (ProbeType type : ProbeType.values()) {
            if (type.specOf(container) != null) {
                started.workers.put(type, new ProbeWorker(this, loop, prober, type, pod, container, containerId));
            }
        }
        probes.containers.put(containerName, started);
        started.workers.values().forEach(ProbeWorker::start);
    }

    /**
     * A particular instance stopped. Its news may arrive after the kubelet has already started the
     * next instance (the runtime reports exits through the loop), so only that instance's probes stop.
     */
    @Override
    public void containerStopped(String podUid, String containerName, String containerId) {
        PodProbes probes = pods.get(podUid);
        ContainerProbes current = probes == null ? null : probes.containers.get(containerName);
        if (current != null && current.containerId.equals(containerId)) {
            containerStopped(podUid, containerName);
        }
    }

    @Override
    public void containerStopped(String podUid, String containerName) {
        PodProbes probes = pods.get(podUid);
        ContainerProbes stopped = probes == null ? null : probes.containers.remove(containerName);
        if (stopped != null) {
            stopped.stop();
        }
    }

    /**
     * The pod is being deleted: its liveness and startup probes stop and read {@code SUCCESS}, so
     * that a container shutting down is not restarted; readiness goes on probing. An addition to
     * the {@link ProbeManager} contract.
     *
     * <p>Real Kubernetes: {@code StopLivenessAndStartup} in {@code prober_manager.go}.
     */
    @Override
    public void stopLivenessAndStartup(String podUid) {
        PodProbes probes = pods.get(podUid);
        if (probes == null) {
            return;
        }
        for (ContainerProbes c : probes.containers.values()) {
            for (ProbeType type : List.of(ProbeType.LIVENESS, ProbeType.STARTUP)) {
                ProbeWorker worker = c.workers.get(type);
                if (worker != null) {
                    worker.stopWith(ProbeResult.SUCCESS);
                }
            }
        }
    }

    @Override
    public ProbeResult liveness(String podUid, String containerName) {
        return resultOf(podUid, containerName, ProbeType.LIVENESS);
    }

    @Override
    public ProbeResult startup(String podUid, String containerName) {
        return resultOf(podUid, containerName, ProbeType.STARTUP);
    }

    @Override
    public boolean ready(String podUid, String containerName) {
        ContainerProbes c = running(podUid, containerName);
        if (c == null || !started(podUid, containerName)) {
            return false;
        }
        ProbeWorker readiness = c.workers.get(ProbeType.READINESS);
        return readiness == null || readiness.result() == ProbeResult.SUCCESS;
    }

    @Override
    public void onChange(BiConsumer<String, String> listener) {
        listeners.add(listener);
    }

    /** Whether the running container has passed its startup probe, or has none. */
    boolean started(String podUid, String containerName) {
        ContainerProbes c = running(podUid, containerName);
        if (c == null) {
            return false;
        }
        ProbeWorker startup = c.workers.get(ProbeType.STARTUP);
        return startup == null || startup.result() == ProbeResult.SUCCESS;
    }

    /** The pod's IP now, for HTTP and TCP probes. */
    String podIP(String podUid) {
        String ip = podIps == null ? null : podIps.apply(podUid);
        if (ip == null) {
            PodProbes probes = pods.get(podUid);
            Pod pod = probes == null ? null : probes.pod;
            ip = pod == null || pod.status() == null ? null : pod.status().podIP();
        }
        return ip;
    }

    /** A worker's result changed: a startup success runs the readiness probe now; listeners are told. */
    void resultChanged(ProbeWorker worker) {
        String uid = worker.pod.metadata().uid();
        String name = worker.container.name();
        if (worker.type == ProbeType.STARTUP && worker.result() == ProbeResult.SUCCESS) {
            ContainerProbes c = running(uid, name);
            ProbeWorker readiness = c == null ? null : c.workers.get(ProbeType.READINESS);
            if (readiness != null) {
                loop.execute("trigger readiness probe of " + name, readiness::trigger);
            }
        }
        for (BiConsumer<String, String> listener : List.copyOf(listeners)) {
            listener.accept(uid, name);
        }
    }

    private ProbeResult resultOf(String podUid, String containerName, ProbeType type) {
        PodProbes probes = pods.get(podUid);
        Container container = probes == null || probes.pod == null ? null : find(probes.pod, containerName);
        if (container != null && type.specOf(container) == null) {
            return ProbeResult.SUCCESS;
        }
        ContainerProbes c = running(podUid, containerName);
        ProbeWorker worker = c == null ? null : c.workers.get(type);
        return worker == null ? ProbeResult.UNKNOWN : worker.result();
    }

    private ContainerProbes running(String podUid, String containerName) {
        PodProbes probes = pods.get(podUid);
        return probes == null ? null : probes.containers.get(containerName);
    }

    /** The container of that name, app or init (a sidecar may have probes). */
    private static Container find(Pod pod, String name) {
        if (pod.spec() == null) {
            return null;
        }
        return Stream.concat(pod.spec().containers().stream(), pod.spec().initContainers().stream())
                .filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    /** What the manager knows of one pod: the latest object it was given and its running containers. */
    private static final class PodProbes {
        Pod pod;
        final Map<String, ContainerProbes> containers = new HashMap<>();
    }

    /** The workers of one running container. */
    private static final class ContainerProbes {
        final Map<ProbeType, ProbeWorker> workers = new EnumMap<>(ProbeType.class);
        final String containerId;

        ContainerProbes(String containerId) {
            this.containerId = containerId;
        }

        void stop() {
            workers.values().forEach(ProbeWorker::stop);
        }
    }
}
