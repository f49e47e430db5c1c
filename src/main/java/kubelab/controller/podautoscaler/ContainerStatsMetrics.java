package kubelab.controller.podautoscaler;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import kubelab.api.core.ContainerStatus;
import kubelab.api.core.Pod;
import kubelab.api.core.PodPhase;
import kubelab.api.labels.Selector;
import kubelab.client.Lister;
import kubelab.runtime.cri.ContainerStats;
import kubelab.runtime.cri.CriException;
import kubelab.runtime.cri.RuntimeService;

/**
 * A {@link PodMetricsLister} over the container runtimes' CRI stats, standing in for the metrics
 * server: for each running pod the selector matches, it asks the runtime of the pod's node for
 * each running container's {@code usageNanoCores} and sums them into millicores. A pod whose
 * containers cannot be measured is left out (the controller treats it as missing).
 *
 * <p>Real Kubernetes: the metrics-server, which scrapes each kubelet's resource metrics
 * endpoint (itself fed by the CRI's {@code ContainerStats}) and serves {@code metrics.k8s.io}.
 */
public final class ContainerStatsMetrics implements PodMetricsLister {
    /** The sampling window reported with each value (the metrics server's default resolution). */
    public static final Duration WINDOW = Duration.ofSeconds(15);

    private final Lister<Pod> podLister;
    private final Function<String, RuntimeService> runtimeForNode;

    /**
     * @param runtimeForNode the runtime of a node by node name, or null for a node without one
     */
    public ContainerStatsMetrics(Lister<Pod> podLister, Function<String, RuntimeService> runtimeForNode) {
        this.podLister = podLister;
        this.runtimeForNode = runtimeForNode;
    }

    @Override
    public List<PodMetric> cpuUsage(String namespace, Selector selector) {
        List<PodMetric> out = new ArrayList<>();
        for (Pod pod : podLister.inNamespace(namespace).list(selector::matches)) {
            if (pod.status() == null || !PodPhase.RUNNING.equals(pod.status().phase()) || pod.spec().nodeName() == null) {
                continue;
            }
            RuntimeService runtime = runtimeForNode.apply(pod.spec().nodeName());
            if (runtime == null) {
                continue;
            }
            long nanoCores = 0;
            Instant timestamp = null;
            boolean measured = false;
            for (ContainerStatus cs : pod.status().containerStatuses()) {
                String id = runtimeId(cs.containerID());
                if (id == null) {
                    continue;
                }
                try {
                    ContainerStats stats = runtime.containerStats(id);
                    nanoCores += stats.usageNanoCores();
                    timestamp = timestamp == null || stats.timestamp().isAfter(timestamp) ? stats.timestamp() : timestamp;
                    measured = true;
                } catch (CriException e) {
                    // a container that just went away: the pod's sample is incomplete
                    measured = false;
                    break;
                }
            }
            if (measured) {
                out.add(new PodMetric(pod.name(), nanoCores / 1_000_000, timestamp, WINDOW));
            }
        }
        return out;
    }

    /** The runtime's own id from a status's {@code <runtime>://<id>}; null if there is none yet. */
    static String runtimeId(String containerID) {
        if (containerID == null || containerID.isEmpty()) {
            return null;
        }
        int sep = containerID.indexOf("://");
        return sep < 0 ? containerID : containerID.substring(sep + 3);
    }
}
