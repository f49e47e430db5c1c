package kubelab.scheduler;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kubelab.api.Scheme;
import kubelab.api.core.Event;
import kubelab.api.core.Node;
import kubelab.api.core.NodeSpec;
import kubelab.api.core.NodeStatus;
import kubelab.api.core.Pod;
import kubelab.api.core.PodCondition;
import kubelab.api.core.PodConditionType;
import kubelab.api.core.Taint;
import kubelab.api.resource.Quantity;
import kubelab.api.serialization.ManifestReader;
import kubelab.api.serialization.ObjectDecoder;
import kubelab.apiserver.ApiServer;
import kubelab.client.InformerFactory;
import kubelab.client.record.EventBroadcaster;
import kubelab.scheduler.framework.Manifests;
import kubelab.store.MemoryStore;
import kubelab.time.SimulatedLoop;

/** A control plane without kubelets for the scheduler tests: API server, informers, events, and nodes made by hand. */
final class Cluster {
    static final Path EXAMPLES = Path.of(System.getProperty("kubelab.shared", "../shared"), "k8s-examples");

    final SimulatedLoop loop = new SimulatedLoop(7);
    final ApiServer api = new ApiServer(new MemoryStore(), Scheme.standard(), loop);
    final InformerFactory informers = new InformerFactory(api, loop, Duration.ZERO);
    final EventBroadcaster broadcaster = new EventBroadcaster(loop).startRecordingToSink(api);

    /** A node with allocatable = capacity, as a kubelet would report it. */
    Node node(String name, String cpu, String memory, int pods, Map<String, String> labels, List<Taint> taints) {
        Map<String, String> all = new LinkedHashMap<>(labels);
        all.putIfAbsent("kubernetes.io/hostname", name);
        Node n = Node.named(name).withSpec(NodeSpec.empty().withTaints(taints));
        n = n.withMetadata(n.metadata().withLabels(all));
        Node created = api.create(n);
        Map<String, Quantity> alloc = Map.of("cpu", Quantity.parse(cpu), "memory", Quantity.parse(memory),
                "pods", Quantity.parse(String.valueOf(pods)));
        return api.updateStatus(created.withStatus(NodeStatus.empty().withCapacity(alloc).withAllocatable(alloc)));
    }

    Node node(String name) {
        return node(name, "4", "16Gi", 110, Map.of(), List.of());
    }

    Pod create(Pod pod) {
        return api.create(pod);
    }

    Pod createYaml(String yaml) {
        return api.create(Manifests.pod(yaml));
    }

    Pod example(String file) {
        return (Pod) new ObjectDecoder(Scheme.standard()).decodeAll(ManifestReader.read(EXAMPLES.resolve(file)))
                .stream().map(d -> d.object().withMetadata(d.object().metadata().withNamespace("default")))
                .findFirst().orElseThrow();
    }

    Pod pod(String name) {
        return api.get(Pod.class, "default", name);
    }

    String nodeOf(String name) {
        return pod(name).spec().nodeName();
    }

    PodCondition scheduled(String name) {
        return pod(name).status().condition(PodConditionType.POD_SCHEDULED);
    }

    List<Event> events(String podName) {
        return api.list(Event.class, "default").items().stream()
                .filter(e -> podName.equals(e.involvedObject().name())).toList();
    }

    void labelNode(String name, String key, String value) {
        Node n = api.get(Node.class, null, name);
        api.update(n.withMetadata(n.metadata().withLabel(key, value)));
    }

    void taintNode(String name, List<Taint> taints) {
        Node n = api.get(Node.class, null, name);
        api.update(n.withSpec(n.spec().withTaints(taints)));
    }
}
