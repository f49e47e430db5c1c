package kubelab.kubelet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import kubelab.api.core.Pod;
import kubelab.kubelet.prober.ProbeManager;
import kubelab.kubelet.prober.ProbeResult;

/** A prober for tests: every running container is ready and live, unless the test says otherwise. */
final class FakeProbeManager implements ProbeManager {
    private final Set<String> started = new HashSet<>();
    private final Map<String, ProbeResult> liveness = new HashMap<>();
    private final List<BiConsumer<String, String>> listeners = new ArrayList<>();
    final List<String> calls = new ArrayList<>();

    /** The liveness probe of a container now says {@code result}; the kubelet is told. */
    void setLiveness(String uid, String container, ProbeResult result) {
        liveness.put(uid + "/" + container, result);
        listeners.forEach(l -> l.accept(uid, container));
    }

    @Override
    public void addPod(Pod pod) {
        calls.add("addPod " + pod.metadata().name());
    }

    @Override
    public void removePod(String podUid) {
        calls.add("removePod");
        started.removeIf(k -> k.startsWith(podUid + "/"));
    }

    @Override
    public void containerStarted(Pod pod, String containerName, String containerId) {
        calls.add("containerStarted " + containerName);
        started.add(pod.metadata().uid() + "/" + containerName);
        liveness.remove(pod.metadata().uid() + "/" + containerName);
    }

    @Override
    public void containerStopped(String podUid, String containerName) {
        calls.add("containerStopped " + containerName);
        started.remove(podUid + "/" + containerName);
    }

    @Override
    public ProbeResult liveness(String podUid, String containerName) {
        return liveness.getOrDefault(podUid + "/" + containerName, ProbeResult.SUCCESS);
    }

    @Override
    public ProbeResult startup(String podUid, String containerName) {
        return ProbeResult.SUCCESS;
    }

    @Override
    public boolean ready(String podUid, String containerName) {
        return started.contains(podUid + "/" + containerName);
    }

    @Override
    public void onChange(BiConsumer<String, String> listener) {
        listeners.add(listener);
    }
}
