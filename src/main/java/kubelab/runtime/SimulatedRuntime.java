package kubelab.runtime;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import kubelab.runtime.cri.ContainerConfig;
import kubelab.runtime.cri.ContainerEvent;
import kubelab.runtime.cri.ContainerState;
import kubelab.runtime.cri.ContainerStats;
import kubelab.runtime.cri.ContainerStatus;
import kubelab.runtime.cri.CriException;
import kubelab.runtime.cri.ExecResult;
import kubelab.runtime.cri.Image;
import kubelab.runtime.cri.ImageService;
import kubelab.runtime.cri.ImageSpec;
import kubelab.runtime.cri.LogLine;
import kubelab.runtime.cri.PodSandboxConfig;
import kubelab.runtime.cri.PodSandboxStatus;
import kubelab.runtime.cri.RuntimeService;
import kubelab.runtime.cri.VersionResponse;
import kubelab.runtime.images.CatalogueImage;
import kubelab.runtime.images.ImageCatalogue;
import kubelab.runtime.net.PodNetwork;
import kubelab.runtime.shell.ContainerFs;
import kubelab.time.EventLoop;

/**
 * One node's container runtime behind the CRI: sandboxes with IPs from the node's pod CIDR,
 * containers whose processes are the image catalogue's behaviours stepped on the cluster's loop,
 * images pulled in virtual time, logs kept per container until it is removed.
 *
 * <pre>{@code
 * var network = new SimulatedPodNetwork();                  // one per cluster
 * var catalogue = ImageCatalogue.standard();                 // one per cluster
 * var runtime = new SimulatedRuntime(loop, "node-1", nodeFs, network, catalogue);
 * runtime.updateRuntimeConfig("10.244.1.0/24");
 * }</pre>
 *
 * <p>Real Kubernetes: containerd with its CRI plugin (and runc, and the CNI plugins), one per node.
 */
public final class SimulatedRuntime implements RuntimeService, ImageService {

    final EventLoop loop;
    final ContainerFs hostFs;
    final PodNetwork network;
    private final String nodeName;
    private final ImageStore images;
    private final Map<String, PodSandbox> sandboxes = new LinkedHashMap<>();
    private final Map<String, Container> containers = new LinkedHashMap<>();
    private final List<Consumer<ContainerEvent>> listeners = new ArrayList<>();
    private HostLocalIpam ipam;
    private String nodeIp = "";
    private long ids;

    /**
     * @param loop      the cluster's loop: processes, pulls and grace periods run on it
     * @param nodeName  the node this runtime serves (it seeds the ids, so runs repeat)
     * @param hostFs    the node's filesystem: the kubelet writes volume directories there, and
     *                  containers' mounts are views of it
     * @param network   the cluster's pod network, where container servers listen
     * @param catalogue the images the registries know
     */
    public SimulatedRuntime(EventLoop loop, String nodeName, ContainerFs hostFs, PodNetwork network,
                            ImageCatalogue catalogue) {
        this.loop = loop;
        this.nodeName = nodeName;
        this.hostFs = hostFs;
        this.network = network;
        this.images = new ImageStore(loop, catalogue);
    }

    /** The node's own address: the IP of host-network sandboxes. */
    public void setNodeIp(String ip) {
        this.nodeIp = ip == null ? "" : ip;
    }

    /**
     * Adds CPU demand to a running container (load sent to it, as the HPA walkthrough's load
     * generator does): its usage becomes min(limit, own use + demand).
     */
    public void setCpuDemand(String containerId, long milliCores) {
        container(containerId).setCpuDemand(milliCores);
    }

    /**
     * Kills a running container with SIGKILL, as the OOM killer or {@code crictl stop -t 0} would:
     * it exits 137 at once. The cluster's "kill a container" fault.
     */
    public void killContainer(String containerId) {
        container(containerId).kill();
    }

    private String newId(String kind) {
        return Hashing.sha256().hashString(nodeName + "/" + kind + "/" + (++ids), StandardCharsets.UTF_8).toString();
    }

    @Override
    public VersionResponse version() {
        return new VersionResponse("0.1.0", "kubelab", "1.0", "v1");
    }

    @Override
    public void updateRuntimeConfig(String podCidr) {
        if (podCidr == null || podCidr.isEmpty() || (ipam != null && ipam.cidr().equals(podCidr))) {
            return;
        }
        ipam = new HostLocalIpam(podCidr);
    }

    @Override
    public String runPodSandbox(PodSandboxConfig config) {
        String id = newId("sandbox");
        String ip;
        String gateway;
        if (config.hostNetwork()) {
            ip = nodeIp;
            gateway = nodeIp;
        } else if (ipam == null) {
            throw new CriException("failed to setup network for sandbox \"" + id + "\": plugin type=\"host-local\" "
                    + "failed (add): no pod CIDR: the node has no spec.podCIDR yet (cni config uninitialized)");
        } else {
            try {
                ip = ipam.allocate();
            } catch (CriException e) {
                throw new CriException("failed to setup network for sandbox \"" + id + "\": " + e.getMessage());
            }
            gateway = ipam.gateway();
        }
        sandboxes.put(id, new PodSandbox(id, config, ip, gateway, loop.clock().now()));
        return id;
    }

    @Override
    public void stopPodSandbox(String podSandboxId) {
        PodSandbox sandbox = sandboxes.get(podSandboxId);
        if (sandbox == null) {
            return;
        }
        containersOf(podSandboxId).forEach(Container::kill);
        sandbox.state = PodSandboxStatus.State.SANDBOX_NOTREADY;
        // The CNI DEL on stop gives the IP back (host-local releases it); the status keeps showing it.
        if (!sandbox.networkReleased && ipam != null && !sandbox.config.hostNetwork()) {
            ipam.release(sandbox.ip);
        }
        sandbox.networkReleased = true;
    }

    @Override
    public void removePodSandbox(String podSandboxId) {
        if (!sandboxes.containsKey(podSandboxId)) {
            return;
        }
        stopPodSandbox(podSandboxId);
        containersOf(podSandboxId).forEach(c -> removeContainer(c.id));
        sandboxes.remove(podSandboxId);
    }

    @Override
    public PodSandboxStatus podSandboxStatus(String podSandboxId) {
        return sandbox(podSandboxId).status();
    }

    @Override
    public List<PodSandboxStatus> listPodSandbox() {
        return sandboxes.values().stream().map(PodSandbox::status).toList();
    }

    @Override
    public String createContainer(String podSandboxId, ContainerConfig config, PodSandboxConfig sandboxConfig) {
        PodSandbox sandbox = sandbox(podSandboxId);
        if (sandbox.state != PodSandboxStatus.State.SANDBOX_READY) {
            throw new CriException("failed to create containerd container: sandbox " + podSandboxId + " is not ready");
        }
        CatalogueImage image = images.find(config.image().image()).orElseThrow(() -> new CriException(
                "failed to create containerd container: failed to get image \"" + config.image().image()
                        + "\": not found"));
        Container container = new Container(newId("container"), sandbox, config, image, this);
        containers.put(container.id, container);
        emit(container, ContainerEvent.Type.CONTAINER_CREATED_EVENT);
        return container.id;
    }

    @Override
    public void startContainer(String containerId) {
        container(containerId).start();
    }

    @Override
    public CompletionStage<Void> stopContainer(String containerId, long timeoutSeconds) {
        return container(containerId).stop(Duration.ofSeconds(Math.max(0, timeoutSeconds)));
    }

    @Override
    public void removeContainer(String containerId) {
        Container container = containers.get(containerId);
        if (container == null) {
            return;
        }
        if (container.state == ContainerState.CONTAINER_RUNNING) {
            throw new CriException("failed to remove container \"" + containerId
                    + "\": container is in CONTAINER_RUNNING state, it must be stopped first");
        }
        containers.remove(containerId);
        emit(container, ContainerEvent.Type.CONTAINER_DELETED_EVENT);
    }

    @Override
    public ContainerStatus containerStatus(String containerId) {
        return container(containerId).status();
    }

    @Override
    public List<ContainerStatus> listContainers(String podSandboxId) {
        return (podSandboxId == null ? List.copyOf(containers.values()) : containersOf(podSandboxId)).stream()
                .map(Container::status).toList();
    }

    @Override
    public CompletionStage<ExecResult> execSync(String containerId, List<String> cmd, Duration timeout) {
        Container container = containers.get(containerId);
        if (container == null) {
            return CompletableFuture.failedFuture(notFound("container", containerId));
        }
        return ExecSession.run(container, loop, cmd, timeout);
    }

    @Override
    public List<LogLine> containerLogs(String containerId) {
        return container(containerId).log.lines();
    }

    @Override
    public ContainerStats containerStats(String containerId) {
        return container(containerId).stats();
    }

    @Override
    public void addContainerEventListener(Consumer<ContainerEvent> listener) {
        listeners.add(listener);
    }

    void emit(Container container, ContainerEvent.Type type) {
        ContainerEvent event = new ContainerEvent(container.id, container.sandbox.id, type, loop.clock().now());
        for (Consumer<ContainerEvent> listener : List.copyOf(listeners)) {
            loop.execute("container event " + type, () -> listener.accept(event));
        }
    }

    // ---- ImageService ----

    @Override
    public CompletionStage<String> pullImage(ImageSpec image, PodSandboxConfig sandboxConfig) {
        return images.pull(image.image());
    }

    @Override
    public Optional<Image> imageStatus(ImageSpec image) {
        return images.status(image.image());
    }

    @Override
    public List<Image> listImages() {
        return images.list();
    }

    @Override
    public void removeImage(ImageSpec image) {
        images.remove(image.image());
    }

    // ---- lookups ----

    private List<Container> containersOf(String podSandboxId) {
        return containers.values().stream().filter(c -> c.sandbox.id.equals(podSandboxId)).toList();
    }

    private PodSandbox sandbox(String id) {
        PodSandbox sandbox = sandboxes.get(id);
        if (sandbox == null) {
            throw notFound("sandbox", id);
        }
        return sandbox;
    }

    private Container container(String id) {
        Container container = containers.get(id);
        if (container == null) {
            throw notFound("container", id);
        }
        return container;
    }

    private static CriException notFound(String kind, String id) {
        return new CriException("an error occurred when try to find " + kind + " \"" + id + "\": not found");
    }
}
