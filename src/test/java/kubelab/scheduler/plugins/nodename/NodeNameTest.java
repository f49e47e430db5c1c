package kubelab.scheduler.plugins.nodename;

import static kubelab.scheduler.framework.Manifests.node;
import static kubelab.scheduler.framework.Manifests.pod;
import static org.assertj.core.api.Assertions.assertThat;

import kubelab.scheduler.framework.CycleState;
import kubelab.scheduler.framework.NodeInfo;
import kubelab.scheduler.framework.Status;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class NodeNameTest {
    private final NodeName plugin = new NodeName();
    private final NodeInfo worker1 = new NodeInfo(node("worker-1", "1", "1Gi", 10));
    private final NodeInfo worker2 = new NodeInfo(node("worker-2", "1", "1Gi", 10));

    @Test
    @DisplayName("a pod with spec.nodeName fits only that node")
    void onlyNamedNode() {
        var pinned = pod("""
                metadata: {name: pinned, namespace: default}
                spec: {nodeName: worker-1, containers: [{name: app, image: nginx}]}
                """);

        assertThat(plugin.filter(new CycleState(), pinned, worker1).isSuccess()).isTrue();
        Status other = plugin.filter(new CycleState(), pinned, worker2);
        assertThat(other.code()).isEqualTo(Status.Code.UnschedulableAndUnresolvable);
        assertThat(other.reasons()).containsExactly("node(s) didn't match the requested node name");
    }

    @Test
    @DisplayName("a pod without spec.nodeName fits any node")
    void noNameFitsAll() {
        assertThat(NodeName.fits(pod("free", null, null), worker2)).isTrue();
    }
}
