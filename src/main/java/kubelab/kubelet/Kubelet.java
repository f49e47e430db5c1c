package kubelab.kubelet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import kubelab.api.core.Node;
import kubelab.api.core.Pod;
import kubelab.apiserver.Api;
import kubelab.apiserver.ApiException;
import kubelab.client.ListerWatcher;
import kubelab.client.ResourceEventHandler;
import kubelab.client.SharedInformer;
import kubelab.client.record.EventRecorder;
import kubelab.kubelet.container.ReasonCache;
import kubelab.kubelet.container.RuntimePodStatus;
import kubelab.kubelet.envvars.EnvVars;
import kubelab.kubelet.images.ImageManager;
import kubelab.kubelet.kuberuntime.KubeGenericRuntimeManager;
import kubelab.kubelet.kuberuntime.RuntimeConfigs;
import kubelab.kubelet.prober.ProbeManager;
import kubelab.kubelet.status.PodStatusGenerator;
import kubelab.kubelet.status.StatusManager;
import kubelab.kubelet.volume.VolumeManager;
import kubelab.runtime.cri.ContainerEvent;
import kubelab.runtime.cri.ContainerStatus;
import kubelab.runtime.cri.CriException;
import kubelab.runtime.cri.ExecResult;
import kubelab.runtime.cri.ImageService;
import kubelab.runtime.cri.LogLine;
import kubelab.runtime.cri.PodSandboxStatus;
import kubelab.runtime.cri.RuntimeService;
import kubelab.runtime.shell.MemoryFs;
import kubelab.time.EventLoop;

/**
 * The node agent: registers its Node and heartbeats (Lease and NodeStatus), watches the pods bound
 * to its node, and runs them through the CRI, one pod worker per pod. It sees only its own pods
 * (a watch with {@code fieldSelector=spec.nodeName=<node>}) and its own runtime, so its cost does
 * not grow with the cluster.
 *
 * <p>{@link #stop()} is a power-off: heartbeats and syncs stop, no more writes, and the runtime's
 * sandboxes and containers are gone. {@link #start()} after it is a reboot: the kubelet takes
 * over its Node and starts its pods anew.
 *
 * <p>Real Kubernetes: {@code Kubelet} in {@code pkg/kubelet/kubelet.go} ({@code Run},
 * {@code syncLoop}, {@code HandlePodAdditions} ...), with the PLEG replaced by the runtime's
 * container events (the evented PLEG).
 */
public final class Kubelet {
    private final Api api;
    private final EventLoop loop;
    private final RuntimeService runtime;
    private final ProbeManager probes;
    private final KubeletConfiguration config;
    private final NodeStatusUpdater nodeStatus;
    private final NodeLeaseController lease;
    private final StatusManager statusManager;
    private final ReasonCache reasons = new ReasonCache();
    private final PodSync podSync;
    private final Map<String, Pod> podsByUid = new HashMap<>();
    private final Map<String, String> uidByName = new HashMap<>();
    private final Map<String, String> uidByContainer = new HashMap<>();
    private final List<EventLoop.Timer> timers = new ArrayList<>();
    private SharedInformer<Pod> informer;
    private PodWorkers workers;
    private boolean running;

    public Kubelet(Api api, EventLoop loop, Node node, RuntimeService runtime, ImageService images, ProbeManager probes,
                   EventRecorder events, MemoryFs hostFs, KubeletConfiguration config) {
        this.api = api;
        this.loop = loop;
        this.runtime = runtime;
        this.probes = probes;
        this.config = config;
        // A node that is down records nothing, even when a pull or a stop started before finishes.
        EventRecorder recorder = (ref, type, reason, message) -> {
            if (running) {
                events.event(ref, type, reason, message);
            }
        };
        this.nodeStatus = new NodeStatusUpdater(api, node, config, runtime, images, recorder, loop.clock());
        this.lease = new NodeLeaseController(api, node.metadata().name(), config.nodeLeaseDurationSeconds(), loop.clock());
        this.statusManager = new StatusManager(api);
        var runtimeManager = new KubeGenericRuntimeManager(runtime, new ImageManager(images, recorder, loop.clock()),
                new EnvVars(api), recorder, probes, reasons, loop, nodeStatus::allocatable, hostFs, () -> running);
        var generator = new PodStatusGenerator(reasons, probes, runtime.version().runtimeName());
        this.podSync = new PodSync(podsByUid::get, runtimeManager, new VolumeManager(api, hostFs, loop.clock()),
                statusManager, generator, probes, reasons, recorder, loop.clock(), nodeStatus::hostIP,
                nodeStatus::allocatable, () -> running);
        runtime.addContainerEventListener(this::onContainerEvent);
        probes.onChange((uid, container) -> {
            if (running) {
                workers.update(uid);
            }
        });
    }

    /** The node's name. */
    public String nodeName() {
        return nodeStatus.nodeName();
    }

    /** The node's InternalIP: the pods' hostIP. */
    public String hostIP() {
        return nodeStatus.hostIP();
    }

    public boolean isRunning() {
        return running;
    }

    /** Registers the node, starts the heartbeats and the watch on the node's pods. */
    public void start() {
        if (running) {
            return;
        }
        running = true;
        statusManager.start();
        workers = new PodWorkers(loop, podSync::sync, podsByUid::containsKey);
        nodeStatus.register();
        lease.renew(nodeStatus.node());
        timers.add(loop.schedulePeriodic("kubelet " + nodeName() + " lease", config.leaseRenewInterval(),
                () -> lease.renew(nodeStatus.node())));
        timers.add(loop.schedulePeriodic("kubelet " + nodeName() + " node status", config.nodeStatusUpdateFrequency(),
                nodeStatus::sync));
        timers.add(loop.schedulePeriodic("kubelet " + nodeName() + " resync", config.syncFrequency(),
                () -> List.copyOf(podsByUid.keySet()).forEach(workers::update)));
        informer = SharedInformer.create("pods on " + nodeName(),
                ListerWatcher.forApi(api, Pod.class, null, null, "spec.nodeName=" + nodeName()), loop, Duration.ZERO);
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod pod, boolean isInInitialList) {
                podChanged(pod, true);
            }

            @Override
            public void onUpdate(Pod oldPod, Pod newPod) {
                podChanged(newPod, needsSync(oldPod, newPod));
            }

            @Override
            public void onDelete(Pod pod) {
                podGone(pod);
            }
        });
        informer.start();
    }

    /**
     * Powers the node off: heartbeats and syncs stop, nothing more is written to the API, and every
     * sandbox and container of the runtime is gone.
     */
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        timers.forEach(EventLoop.Timer::cancel);
        timers.clear();
        informer.stop();
        workers.stop();
        statusManager.stop();
        for (String uid : podsByUid.keySet()) {
            probes.removePod(uid);
        }
        for (PodSandboxStatus s : runtime.listPodSandbox()) {
            runtime.stopPodSandbox(s.id());
            runtime.removePodSandbox(s.id());
        }
        podsByUid.clear();
        uidByName.clear();
        uidByContainer.clear();
        reasons.clear();
        podSync.reset();
    }

    /** A reboot: {@link #stop()}, then {@link #start()}. */
    public void restart() {
        stop();
        start();
    }

    private void podChanged(Pod pod, boolean sync) {
        String uid = pod.metadata().uid();
        Pod previous = podsByUid.put(uid, pod);
        if (previous == null) {
            uidByName.put(key(pod.metadata().namespace(), pod.metadata().name()), uid);
        }
        if (sync) {
            workers.update(uid);
        }
    }

    /**
     * Whether an update asks for a sync: a change of spec or metadata (a deletion among them). A
     * status-only change, most often the kubelet's own write coming back, is only recorded, as the
     * kubelet's pod config source reconciles it without a sync.
     */
    static boolean needsSync(Pod oldPod, Pod newPod) {
        if (!Objects.equals(oldPod.spec(), newPod.spec())) {
            return true;
        }
        // Who wrote which field (managedFields) changes with every write and says nothing to do.
        return !Objects.equals(oldPod.metadata().withResourceVersion(null).withGeneration(null).withManagedFields(null),
                newPod.metadata().withResourceVersion(null).withGeneration(null).withManagedFields(null));
    }

    private void podGone(Pod pod) {
        String uid = pod.metadata().uid();
        podsByUid.remove(uid);
        uidByName.remove(key(pod.metadata().namespace(), pod.metadata().name()), uid);
        uidByContainer.values().removeIf(uid::equals);
        workers.update(uid); // its last sync stops what still runs and cleans up
    }

    /** The runtime says a container changed: sync its pod (the evented PLEG); a stop also goes to the prober. */
    private void onContainerEvent(ContainerEvent event) {
        if (!running) {
            return;
        }
        String uid = uidByContainer.get(event.containerId());
        ContainerStatus status = null;
        try {
            status = runtime.containerStatus(event.containerId());
        } catch (CriException gone) {
            // deleted: only the uid remembered from an earlier event says whose it was
        }
        if (uid == null && status != null) {
            uid = status.labels().get(RuntimeConfigs.POD_UID_LABEL);
            if (uid == null || !podsByUid.containsKey(uid)) {
                return;
            }
            uidByContainer.put(event.containerId(), uid);
        }
        if (uid == null) {
            return;
        }
        if (event.type() == ContainerEvent.Type.CONTAINER_STOPPED_EVENT && status != null) {
            probes.containerStopped(uid, status.metadata().name(), event.containerId());
        }
        if (event.type() == ContainerEvent.Type.CONTAINER_DELETED_EVENT) {
            uidByContainer.remove(event.containerId());
        }
        workers.update(uid);
    }

    /**
     * The log of a container: its current instance, or with {@code previous} the one before it,
     * as {@code kubectl logs [-p]} prints it.
     *
     * @throws ApiException NotFound for an unknown pod; BadRequest with Kubernetes' message for an
     *                      unknown container, one still waiting, or a missing previous instance
     */
    public String logs(String namespace, String pod, String container, boolean previous) {
        Pod p = pod(namespace, pod);
        if (p.spec().allContainers().stream().noneMatch(c -> c.name().equals(container))) {
            throw ApiException.badRequest("container " + container + " is not valid for pod " + pod);
        }
        RuntimePodStatus rs = RuntimePodStatus.read(runtime, p.metadata().uid());
        ContainerStatus target = previous ? rs.previous(container) : rs.latest(container);
        if (target == null) {
            if (previous) {
                throw ApiException.badRequest("previous terminated container \"" + container + "\" in pod \"" + pod
                        + "\" not found");
            }
            throw ApiException.badRequest("container \"" + container + "\" in pod \"" + pod
                    + "\" is waiting to start: ContainerCreating");
        }
        return runtime.containerLogs(target.id()).stream().map(l -> l.text() + "\n").collect(Collectors.joining());
    }

    /** The log lines of a container's current instance, with their times and streams. */
    public List<LogLine> logLines(String namespace, String pod, String container) {
        Pod p = pod(namespace, pod);
        ContainerStatus target = RuntimePodStatus.read(runtime, p.metadata().uid()).latest(container);
        return target == null ? List.of() : runtime.containerLogs(target.id());
    }

    /**
     * Runs a command in a running container, as {@code kubectl exec} does; fails with Kubernetes'
     * message if the container is not running.
     */
    public CompletionStage<ExecResult> exec(String namespace, String pod, String container, List<String> cmd) {
        Pod p;
        try {
            p = pod(namespace, pod);
        } catch (ApiException e) {
            return CompletableFuture.failedFuture(e);
        }
        ContainerStatus target = RuntimePodStatus.read(runtime, p.metadata().uid()).latest(container);
        if (!RuntimePodStatus.isRunning(target)) {
            return CompletableFuture.failedFuture(ApiException.badRequest(
                    "unable to upgrade connection: container not found (\"" + container + "\")"));
        }
        return runtime.execSync(target.id(), cmd, Duration.ofMinutes(5));
    }

    private Pod pod(String namespace, String name) {
        String uid = uidByName.get(key(namespace, name));
        Pod p = uid == null ? null : podsByUid.get(uid);
        if (p == null) {
            throw ApiException.notFound("", "pods", name);
        }
        return p;
    }

    private static String key(String namespace, String name) {
        return namespace + "/" + name;
    }
}
