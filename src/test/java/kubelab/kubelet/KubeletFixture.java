package kubelab.kubelet;

import java.util.Comparator;
import java.util.List;
import kubelab.api.Scheme;
import kubelab.api.core.Container;
import kubelab.api.core.ContainerStatus;
import kubelab.api.core.Event;
import kubelab.api.core.Node;
import kubelab.api.core.Pod;
import kubelab.api.core.PodSpec;
import kubelab.apiserver.ApiServer;
import kubelab.client.record.EventBroadcaster;
import kubelab.runtime.shell.MemoryFs;
import kubelab.store.MemoryStore;
import kubelab.time.SimulatedLoop;

/** One node for the kubelet's tests: an API server, a kubelet on node-1, a fake runtime and prober. */
abstract class KubeletFixture {
    static final String NODE = "node-1";

    final SimulatedLoop loop = new SimulatedLoop(1);
    final ApiServer api = new ApiServer(new MemoryStore(), Scheme.standard(), loop);
    final EventBroadcaster broadcaster = new EventBroadcaster(loop).startRecordingToSink(api);
    final FakeRuntime runtime = new FakeRuntime(loop);
    final FakeProbeManager probes = new FakeProbeManager();
    final MemoryFs hostFs = new MemoryFs();
    final Kubelet kubelet = new Kubelet(api, loop, Node.named(NODE), runtime, runtime, probes,
            broadcaster.newRecorder("kubelet", NODE), hostFs, KubeletConfiguration.DEFAULT);

    /** Starts the kubelet and lets it register. */
    void startNode() {
        kubelet.start();
        loop.settle();
    }

    /** Creates a pod bound to node-1. */
    Pod create(Pod pod) {
        return api.create(pod.withSpec(pod.spec().withNodeName(NODE)));
    }

    static Pod pod(String name, Container... containers) {
        return Pod.of("default", name, PodSpec.of(List.of(containers)));
    }

    static Container container(String name, String image) {
        return Container.of(name, image);
    }

    Pod get(String name) {
        return api.get(Pod.class, "default", name);
    }

    ContainerStatus status(String pod, String container) {
        Pod p = get(pod);
        return java.util.stream.Stream.concat(p.status().initContainerStatuses().stream(),
                        p.status().containerStatuses().stream())
                .filter(s -> s.name().equals(container)).findFirst().orElseThrow();
    }

    /** Events about an object (and its containers), oldest first, as "Reason: message". */
    List<String> events(String name) {
        return api.list(Event.class, null).items().stream()
                .filter(e -> e.involvedObject().name().equals(name))
                .sorted(Comparator.comparing(Event::firstTimestamp).thenComparing(e -> e.metadata().name()))
                .map(e -> e.reason() + ": " + e.message()).toList();
    }

    /** Events with a reason, as messages. */
    List<String> events(String name, String reason) {
        return events(name).stream().filter(e -> e.startsWith(reason + ": "))
                .map(e -> e.substring(reason.length() + 2)).toList();
    }
}
