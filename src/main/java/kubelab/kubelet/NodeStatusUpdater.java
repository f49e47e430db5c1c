package kubelab.kubelet;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kubelab.api.core.ConditionStatus;
import kubelab.api.core.ContainerImage;
import kubelab.api.core.DaemonEndpoint;
import kubelab.api.core.Node;
import kubelab.api.core.NodeAddress;
import kubelab.api.core.NodeCondition;
import kubelab.api.core.NodeConditionType;
import kubelab.api.core.NodeDaemonEndpoints;
import kubelab.api.core.NodeSpec;
import kubelab.api.core.NodeStatus;
import kubelab.api.core.NodeSystemInfo;
import kubelab.api.core.ObjectReference;
import kubelab.api.meta.ObjectMeta;
import kubelab.api.resource.Quantity;
import kubelab.apiserver.Api;
import kubelab.apiserver.ApiException;
import kubelab.client.Retry;
import kubelab.client.record.EventRecorder;
import kubelab.runtime.cri.Image;
import kubelab.runtime.cri.ImageService;
import kubelab.runtime.cri.RuntimeService;
import kubelab.time.Clock;

/**
 * Registers the kubelet's Node and keeps its status: capacity and allocatable, the four
 * conditions the kubelet owns, addresses, the kubelet's endpoint, node info and images. Status is
 * computed every {@code nodeStatusUpdateFrequency} and written only when something other than
 * the heartbeat times changed, or when {@code nodeStatusReportFrequency} has passed since the
 * last write: the Lease is the cheap heartbeat, the status the expensive one.
 *
 * <p>The pod CIDR is assigned here when the Node has none ({@code 10.244.N.0/24}): in Kubernetes
 * the node IPAM controller of the controller manager does it right after registration, which
 * KubeLab does not have. Allocatable equals capacity: no system-reserved or eviction thresholds.
 *
 * <p>Real Kubernetes: {@code pkg/kubelet/kubelet_node_status.go} ({@code registerWithAPIServer},
 * {@code tryUpdateNodeStatus}) and {@code pkg/kubelet/nodestatus/setters.go}.
 */
final class NodeStatusUpdater {
    static final Map<String, Quantity> DEFAULT_CAPACITY = defaultCapacity();

    private final Api api;
    private final Node template;
    private final KubeletConfiguration config;
    private final RuntimeService runtime;
    private final ImageService images;
    private final EventRecorder recorder;
    private final Clock clock;
    private final ObjectReference nodeRef;
    private Node node;
    private Instant lastReport;
    private int boots;

    NodeStatusUpdater(Api api, Node template, KubeletConfiguration config, RuntimeService runtime, ImageService images,
                      EventRecorder recorder, Clock clock) {
        this.api = api;
        this.template = template;
        this.config = config;
        this.runtime = runtime;
        this.images = images;
        this.recorder = recorder;
        this.clock = clock;
        String name = template.metadata().name();
        this.nodeRef = new ObjectReference(Node.KIND, null, name, name, null, null, null);
    }

    String nodeName() {
        return template.metadata().name();
    }

    /** The node as last written. */
    Node node() {
        return node;
    }

    String hostIP() {
        if (config.internalIP() != null) {
            return config.internalIP();
        }
        int n = nodeIndex();
        return "192.168.0." + (n + 10);
    }

    Map<String, Quantity> allocatable() {
        Map<String, Quantity> a = template.status() == null ? Map.of() : template.status().allocatable();
        return a.isEmpty() ? capacity() : a;
    }

    /** Creates the Node, or takes over the one that exists; sets its pod CIDR and tells the runtime. */
    void register() {
        boots++;
        recorder.event(nodeRef, "Normal", "Starting", "Starting kubelet.");
        String name = nodeName();
        Map<String, String> labels = new LinkedHashMap<>(template.metadata().labels());
        labels.putIfAbsent("kubernetes.io/hostname", name);
        labels.putIfAbsent("kubernetes.io/os", "linux");
        labels.putIfAbsent("kubernetes.io/arch", "amd64");
        labels.putIfAbsent("beta.kubernetes.io/os", "linux");
        labels.putIfAbsent("beta.kubernetes.io/arch", "amd64");
        NodeSpec spec = template.spec() == null ? NodeSpec.empty() : template.spec();
        String cidr = spec.podCIDR() != null && !spec.podCIDR().isEmpty() ? spec.podCIDR()
                : config.podCIDR() != null ? config.podCIDR() : "10.244." + nodeIndex() + ".0/24";
        Node wanted = new Node(null, null, template.metadata().withLabels(labels)
                .withAnnotation("volumes.kubernetes.io/controller-managed-attach-detach", "true"),
                spec.withPodCIDRs(List.of(cidr)), null);
        try {
            node = api.create(wanted);
        } catch (ApiException e) {
            if (e.code() != 409) {
                throw e;
            }
            node = Retry.onConflict(() -> {
                Node existing = api.get(Node.class, null, name);
                Map<String, String> merged = new LinkedHashMap<>(existing.metadata().labels());
                labels.forEach(merged::putIfAbsent);
                NodeSpec s = existing.spec() == null ? NodeSpec.empty() : existing.spec();
                if (s.podCIDR() == null || s.podCIDR().isEmpty()) {
                    s = s.withPodCIDRs(List.of(cidr));
                }
                return api.update(existing.withMetadata(existing.metadata().withLabels(merged)).withSpec(s));
            });
        }
        runtime.updateRuntimeConfig(node.spec().podCIDR());
        lastReport = null;
        sync();
    }

    /** Computes the status and writes it if it changed or is due; records condition events. */
    void sync() {
        Instant now = clock.now().truncatedTo(ChronoUnit.SECONDS);
        Node current;
        try {
            current = api.get(Node.class, null, nodeName());
        } catch (ApiException e) {
            return; // deleted: the next registration recreates it
        }
        NodeStatus old = current.status() == null ? NodeStatus.empty() : current.status();
        NodeStatus next = compute(old, now);
        boolean due = lastReport == null || !now.isBefore(lastReport.plus(config.nodeStatusReportFrequency()));
        if (!due && withoutHeartbeats(next).equals(withoutHeartbeats(old))) {
            return;
        }
        node = Retry.onConflict(() -> {
            Node fresh = api.get(Node.class, null, nodeName());
            return api.updateStatus(fresh.withStatus(next));
        });
        lastReport = now;
        recordConditionEvents(old, next);
    }

    private NodeStatus compute(NodeStatus old, Instant now) {
        List<NodeCondition> conditions = new ArrayList<>();
        conditions.add(condition(old, NodeConditionType.MEMORY_PRESSURE, ConditionStatus.FALSE,
                "KubeletHasSufficientMemory", "kubelet has sufficient memory available", now));
        conditions.add(condition(old, NodeConditionType.DISK_PRESSURE, ConditionStatus.FALSE,
                "KubeletHasNoDiskPressure", "kubelet has no disk pressure", now));
        conditions.add(condition(old, NodeConditionType.PID_PRESSURE, ConditionStatus.FALSE,
                "KubeletHasSufficientPID", "kubelet has sufficient PID available", now));
        conditions.add(condition(old, NodeConditionType.READY, ConditionStatus.TRUE,
                "KubeletReady", "kubelet is posting ready status", now));
        for (NodeCondition c : old.conditions()) {
            if (conditions.stream().noneMatch(x -> x.type().equals(c.type()))) {
                conditions.add(c); // NetworkUnavailable and others are not the kubelet's
            }
        }
        var version = runtime.version();
        NodeSystemInfo info = new NodeSystemInfo(machineId(), machineId(), bootId(), "6.8.0-kubelab",
                "KubeLab simulated node", version.runtimeName() + "://" + version.runtimeVersion(),
                config.kubeletVersion(), "", "linux", "amd64", null);
        List<Image> list = new ArrayList<>(images.listImages());
        list.sort(Comparator.comparingLong(Image::size).reversed());
        List<ContainerImage> imgs = list.stream().limit(50).map(i -> {
            List<String> names = new ArrayList<>(i.repoDigests());
            names.addAll(i.repoTags());
            return new ContainerImage(names, i.size());
        }).toList();
        return NodeStatus.empty().withCapacity(capacity()).withAllocatable(allocatable()).withConditions(conditions)
                .withAddresses(List.of(new NodeAddress("InternalIP", hostIP()), new NodeAddress("Hostname", nodeName())))
                .withDaemonEndpoints(new NodeDaemonEndpoints(new DaemonEndpoint(config.kubeletPort())))
                .withNodeInfo(info).withImages(imgs);
    }

    /** A condition whose heartbeat is now and whose transition time moves only when its status does. */
    private static NodeCondition condition(NodeStatus old, String type, String status, String reason, String message,
                                           Instant now) {
        NodeCondition prior = old.condition(type);
        Instant since = prior != null && status.equals(prior.status()) ? prior.lastTransitionTime() : now;
        return new NodeCondition(type, status, now, since, reason, message);
    }

    private void recordConditionEvents(NodeStatus old, NodeStatus next) {
        String[][] events = {
            {NodeConditionType.MEMORY_PRESSURE, "NodeHasSufficientMemory"},
            {NodeConditionType.DISK_PRESSURE, "NodeHasNoDiskPressure"},
            {NodeConditionType.PID_PRESSURE, "NodeHasSufficientPID"},
        };
        for (String[] e : events) {
            NodeCondition before = old.condition(e[0]);
            if (before == null || !Objects.equals(before.status(), next.condition(e[0]).status())) {
                recorder.event(nodeRef, "Normal", e[1], "Node " + nodeName() + " status is now: " + e[1]);
            }
        }
        if (old.nodeInfo() != null && old.nodeInfo().bootID() != null && !old.nodeInfo().bootID().equals(bootId())) {
            recorder.event(nodeRef, "Warning", "Rebooted", "Node " + nodeName() + " has been rebooted, boot id: " + bootId());
        }
        if (old.capacity().isEmpty() || !Objects.equals(old.nodeInfo() == null ? null : old.nodeInfo().bootID(), bootId())) {
            recorder.event(nodeRef, "Normal", "NodeAllocatableEnforced", "Updated Node Allocatable limit across pods");
        }
        NodeCondition ready = old.condition(NodeConditionType.READY);
        if (ready == null || !ConditionStatus.TRUE.equals(ready.status())) {
            recorder.event(nodeRef, "Normal", "NodeReady", "Node " + nodeName() + " status is now: NodeReady");
        }
    }

    private static NodeStatus withoutHeartbeats(NodeStatus s) {
        return s.withConditions(s.conditions().stream().map(c -> new NodeCondition(c.type(), c.status(), null,
                c.lastTransitionTime(), c.reason(), c.message())).toList());
    }

    private Map<String, Quantity> capacity() {
        Map<String, Quantity> c = template.status() == null ? Map.of() : template.status().capacity();
        return c.isEmpty() ? DEFAULT_CAPACITY : c;
    }

    private static Map<String, Quantity> defaultCapacity() {
        Map<String, Quantity> m = new LinkedHashMap<>();
        m.put("cpu", Quantity.of("4"));
        m.put("ephemeral-storage", Quantity.of("100Gi"));
        m.put("hugepages-1Gi", Quantity.of("0"));
        m.put("hugepages-2Mi", Quantity.of("0"));
        m.put("memory", Quantity.of("16Gi"));
        m.put("pods", Quantity.of("110"));
        return java.util.Collections.unmodifiableMap(m);
    }

    /** N of {@code node-N} (or of any name ending in digits); otherwise a stable number from the name. */
    private int nodeIndex() {
        String name = nodeName();
        int i = name.length();
        while (i > 0 && Character.isDigit(name.charAt(i - 1))) {
            i--;
        }
        if (i < name.length() && name.length() - i < 4) {
            return Integer.parseInt(name.substring(i)) % 245;
        }
        return Math.floorMod(name.hashCode(), 245);
    }

    private String machineId() {
        return String.format("%032x", (long) nodeName().hashCode() & 0xffffffffL);
    }

    private String bootId() {
        return String.format("%08x-0000-4000-8000-%012d", (long) nodeName().hashCode() & 0xffffffffL, boots);
    }
}
