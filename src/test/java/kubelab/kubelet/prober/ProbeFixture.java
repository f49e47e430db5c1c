package kubelab.kubelet.prober;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kubelab.api.Scheme;
import kubelab.api.core.Event;
import kubelab.api.core.Pod;
import kubelab.api.core.PodStatus;
import kubelab.api.serialization.Json;
import kubelab.api.serialization.ManifestReader;
import kubelab.api.serialization.ObjectDecoder;
import kubelab.client.record.EventBroadcaster;
import kubelab.time.SimulatedLoop;

/**
 * One node's prober on a simulated loop, with a fake runtime and network, the events it records
 * and the changes it reports. Pods come from the documentation's manifests or from YAML.
 */
final class ProbeFixture {
    static final String POD_IP = "10.244.1.5";
    private static final Path EXAMPLES = Path.of(System.getProperty("kubelab.shared", "../shared"), "k8s-examples");

    final SimulatedLoop loop = new SimulatedLoop(7);
    final FakeRuntime runtime = new FakeRuntime(loop);
    final FakeNetwork network = new FakeNetwork();
    final List<Event> events = new ArrayList<>();
    final List<String> changes = new ArrayList<>();
    final DefaultProbeManager manager;

    ProbeFixture() {
        EventBroadcaster broadcaster = new EventBroadcaster(loop).startEventWatcher(events::add);
        manager = new DefaultProbeManager(loop, runtime, network, broadcaster.newRecorder("kubelet", "node-1"),
                uid -> POD_IP);
        manager.onChange((uid, container) -> changes.add(container));
    }

    /** The first object of a manifest of the documentation's examples, as a pod on this node. */
    static Pod example(String file) {
        Pod pod = (Pod) new ObjectDecoder(Scheme.standard())
                .decodeAll(ManifestReader.read(EXAMPLES.resolve(file))).get(0).object();
        return onNode(pod);
    }

    static Pod yaml(String yaml) {
        try {
            return onNode(Json.yamlMapper().readValue(yaml, Pod.class));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Pod onNode(Pod pod) {
        String name = pod.metadata().name();
        return pod.withMetadata(pod.metadata().withNamespace("default").withUid("uid-" + name))
                .withStatus(PodStatus.empty());
    }

    /** Virtual seconds since the loop started. */
    double seconds() {
        return loop.elapsed().toMillis() / 1000.0;
    }

    void advanceSeconds(double seconds) {
        loop.advance(Duration.ofMillis(Math.round(seconds * 1000)));
    }

    /** The messages of the events recorded so far, one per occurrence. */
    List<String> messages() {
        return events.stream().map(Event::message).toList();
    }
}
