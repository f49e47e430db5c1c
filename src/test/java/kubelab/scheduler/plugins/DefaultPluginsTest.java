package kubelab.scheduler.plugins;

import static kubelab.scheduler.framework.Manifests.node;
import static kubelab.scheduler.framework.Manifests.pod;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import kubelab.api.core.Pod;
import kubelab.scheduler.framework.CycleState;
import kubelab.scheduler.framework.FilterPlugin;
import kubelab.scheduler.framework.FitError;
import kubelab.scheduler.framework.NodeInfo;
import kubelab.scheduler.framework.Plugin;
import kubelab.scheduler.framework.PreFilterPlugin;
import kubelab.scheduler.framework.Status;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class DefaultPluginsTest {

    /** The filter phase by hand: PreFilter once, then every filter on every node until one rejects. */
    private static Map<String, Status> filterAll(Pod pod, List<NodeInfo> nodes) {
        List<Plugin> plugins = InTreeRegistry.create().values().stream().map(Supplier::get).toList();
        CycleState state = new CycleState();
        List<String> skipped = new ArrayList<>();
        for (Plugin p : plugins) {
            if (p instanceof PreFilterPlugin pre && pre.preFilter(state, pod, nodes).isSkip()) {
                skipped.add(p.name());
            }
        }
        Map<String, Status> statuses = new LinkedHashMap<>();
        for (NodeInfo node : nodes) {
            Status verdict = Status.success();
            for (Plugin p : plugins) {
                if (p instanceof FilterPlugin f && !skipped.contains(p.name())) {
                    verdict = f.filter(state, pod, node);
                    if (!verdict.isSuccess()) {
                        break;
                    }
                }
            }
            statuses.put(node.nodeName(), verdict);
        }
        return statuses;
    }

    @Test
    @DisplayName("the unschedulable message reads like Kubernetes': one tainted node, two short of CPU")
    void unschedulableMessage() {
        NodeInfo batch = new NodeInfo(node("""
                metadata: {name: batch-1}
                spec: {taints: [{key: dedicated, value: batch, effect: NoSchedule}]}
                status: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}}
                """));
        NodeInfo small1 = NodeInfo.of(node("small-1", "2", "8Gi", 110), pod("busy-1", "1500m", null));
        NodeInfo small2 = new NodeInfo(node("small-2", "500m", "8Gi", 110));
        Pod pod = pod("web", "1", "1Gi");

        Map<String, Status> statuses = filterAll(pod, List.of(batch, small1, small2));

        assertThat(statuses.get("small-1").plugin()).isEqualTo("NodeResourcesFit");
        assertThat(FitError.of(pod, 3, statuses).message()).isEqualTo(
                "0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: batch}, 2 Insufficient cpu.");
    }

    @Test
    @DisplayName("the registry knows every default plugin by the name a profile uses")
    void registryNames() {
        assertThat(InTreeRegistry.create()).containsKeys("NodeUnschedulable", "NodeName", "TaintToleration",
                "NodeAffinity", "NodePorts", "NodeResourcesFit", "PodTopologySpread", "InterPodAffinity",
                "NodeResourcesBalancedAllocation");
        InTreeRegistry.create().forEach((name, factory) -> assertThat(factory.get().name()).isEqualTo(name));
    }
}
