package kubelab.scheduler.plugins.nodeunschedulable;

import static kubelab.scheduler.framework.Manifests.node;
import static kubelab.scheduler.framework.Manifests.pod;
import static org.assertj.core.api.Assertions.assertThat;

import kubelab.api.core.Node;
import kubelab.scheduler.framework.CycleState;
import kubelab.scheduler.framework.NodeInfo;
import kubelab.scheduler.framework.Status;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class NodeUnschedulableTest {
    private static final Node CORDONED = node("""
            metadata: {name: cordoned}
            spec: {unschedulable: true}
            """);

    private final NodeUnschedulable plugin = new NodeUnschedulable();

    @Test
    @DisplayName("a cordoned node takes no new pods: node(s) were unschedulable")
    void cordonedRejects() {
        Status status = plugin.filter(new CycleState(), pod("web", "100m", null), new NodeInfo(CORDONED));

        assertThat(status).isEqualTo(Status.of(Status.Code.UnschedulableAndUnresolvable,
                "node(s) were unschedulable").withPlugin("NodeUnschedulable"));
    }

    @Test
    @DisplayName("a pod that tolerates node.kubernetes.io/unschedulable still fits a cordoned node")
    void tolerationAdmits() {
        var daemon = pod("""
                metadata: {name: agent, namespace: kube-system}
                spec:
                  tolerations: [{key: node.kubernetes.io/unschedulable, operator: Exists, effect: NoSchedule}]
                  containers: [{name: agent, image: fluentd}]
                """);

        assertThat(plugin.filter(new CycleState(), daemon, new NodeInfo(CORDONED)).isSuccess()).isTrue();
    }

    @Test
    @DisplayName("a node that is not cordoned takes any pod")
    void schedulableAdmits() {
        assertThat(NodeUnschedulable.fits(pod("web", null, null), node("n1", "1", "1Gi", 10))).isTrue();
    }
}
