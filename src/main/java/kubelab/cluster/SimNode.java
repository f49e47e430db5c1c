package kubelab.cluster;

import java.time.Instant;
import java.util.Optional;
import kubelab.api.core.Node;
import kubelab.apiserver.Api;
import kubelab.client.record.EventBroadcaster;
import kubelab.kubelet.Kubelet;
import kubelab.kubelet.KubeletConfiguration;
import kubelab.kubelet.kuberuntime.RuntimeConfigs;
import kubelab.kubelet.prober.DefaultProbeManager;
import kubelab.runtime.CriCallLog;
import kubelab.runtime.RecordingRuntimeService;
import kubelab.runtime.SimulatedRuntime;
import kubelab.runtime.cri.ContainerState;
import kubelab.runtime.cri.ContainerStatus;
import kubelab.runtime.cri.PodSandboxStatus;
import kubelab.runtime.images.ImageCatalogue;
import kubelab.runtime.net.PodNetwork;
import kubelab.runtime.shell.MemoryFs;
import kubelab.time.EventLoop;

/**
 * One simulated machine: its filesystem, a container runtime behind the CRI, and a kubelet that
 * drives the runtime and reports to the API server. Stopping the node is pulling its plug: the
 * kubelet stops heartbeating and its containers are gone.
 *
 * <p>Real Kubernetes: a worker node running the kubelet and containerd (a kind "node" container).
 */
public final class SimNode {
    private final String name;
    private final MemoryFs hostFs = new MemoryFs();
    private final SimulatedRuntime runtime;
    private final CriCallLog criCalls;
    private final Kubelet kubelet;

    SimNode(Api api, EventLoop loop, Node node, int index, PodNetwork network, ImageCatalogue images,
            EventBroadcaster events, Instant clusterStart) {
        this.name = node.name();
        seedHostFs(name);
        String ip = internalIp(index);
        this.runtime = new SimulatedRuntime(loop, name, hostFs, network, images);
        runtime.setNodeIp(ip);
        // The kubelet (and its prober) reach the runtime only through this recorder, so the log
        // holds every CRI call the kubelet made, stamped on the cluster's clock.
        this.criCalls = new CriCallLog(loop.clock(), clusterStart);
        var cri = RecordingRuntimeService.of(runtime, criCalls);
        var recorder = events.newRecorder("kubelet", name);
        // Probes dial the pod IP the runtime gave the sandbox, as the kubelet's prober reads it from
        // the pod's status; the status may not be written yet when the first probe runs.
        var probes = new DefaultProbeManager(loop, cri, network, recorder, this::podIp);
        String podCidr = node.spec() != null && node.spec().podCIDR() != null ? node.spec().podCIDR() : podCidr(index);
        var config = KubeletConfiguration.DEFAULT.withInternalIP(ip).withPodCIDR(podCidr);
        this.kubelet = new Kubelet(api, loop, node, cri, cri, probes, recorder, hostFs, config);
    }

    /**
     * What any Linux node has and the documentation's hostPath examples expect: its machine id
     * (one per node, stable for the name), its hostname, and the log directories.
     */
    private void seedHostFs(String nodeName) {
        hostFs.mkdir("/etc", true);
        hostFs.write("/etc/machine-id", java.util.UUID.nameUUIDFromBytes(nodeName.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)).toString().replace("-", "") + "\n");
        hostFs.write("/etc/hostname", nodeName + "\n");
        hostFs.mkdir("/var/log/pods", true);
        hostFs.mkdir("/var/lib/kubelet/pods", true);
    }

    /**
     * The node's address: {@code 172.18.0.2} for the first node, as kind numbers its node
     * containers, then up; room for 60,000 nodes.
     */
    static String internalIp(int index) {
        return "172.18." + (index / 250) + "." + (index % 250 + 2);
    }

    /**
     * The node's pod range, as the node IPAM controller hands them out: {@code 10.244.N.0/24} for
     * the first 256 nodes (the usual 10.244.0.0/16), then on into 10.243, 10.242, ...
     */
    static String podCidr(int index) {
        return "10." + (244 - index / 256) + "." + (index % 256) + ".0/24";
    }

    /** The IP of the pod's ready sandbox on this node, or null. */
    private String podIp(String podUid) {
        return runtime.listPodSandbox().stream()
                .filter(s -> s.state() == PodSandboxStatus.State.SANDBOX_READY && podUid.equals(s.metadata().uid()))
                .map(PodSandboxStatus::ip).findFirst().orElse(null);
    }

    public String name() {
        return name;
    }

    public Kubelet kubelet() {
        return kubelet;
    }

    public SimulatedRuntime runtime() {
        return runtime;
    }

    /**
     * The CRI calls this node's kubelet made, in order, with their virtual time: what containerd
     * would log at debug level. {@code criCalls().forPod("default", "web")} is one pod's life in
     * CRI words (RunPodSandbox, PullImage, CreateContainer, StartContainer, ...).
     */
    public CriCallLog criCalls() {
        return criCalls;
    }

    /** The node's own filesystem: hostPath volumes, and the kubelet's pod directories. */
    public MemoryFs hostFs() {
        return hostFs;
    }

    /** Whether the kubelet runs (heartbeats, syncs pods). */
    public boolean isRunning() {
        return kubelet.isRunning();
    }

    /** Pulls the plug: no more heartbeats, every container gone. */
    public void stop() {
        kubelet.stop();
    }

    /** Powers the node on again: the kubelet registers, heartbeats, and syncs the pods bound to it. */
    public void start() {
        kubelet.start();
    }

    /**
     * The running container of a pod on this node, if any: what {@code crictl ps --pod ... --name}
     * finds, by the labels the kubelet puts on every container.
     */
    public Optional<ContainerStatus> runningContainer(String namespace, String pod, String container) {
        return runtime.listContainers(null).stream()
                .filter(c -> c.state() == ContainerState.CONTAINER_RUNNING)
                .filter(c -> namespace.equals(c.labels().get(RuntimeConfigs.POD_NAMESPACE_LABEL))
                        && pod.equals(c.labels().get(RuntimeConfigs.POD_NAME_LABEL))
                        && container.equals(c.labels().get(RuntimeConfigs.CONTAINER_NAME_LABEL)))
                .findFirst();
    }

    @Override
    public String toString() {
        return "node " + name + (isRunning() ? "" : " (stopped)");
    }
}
