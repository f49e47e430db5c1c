package kubelab.scheduler.plugins.nodeports;

import java.util.List;
import static kubelab.scheduler.framework.Manifests.node;
import static kubelab.scheduler.framework.Manifests.pod;
import static org.assertj.core.api.Assertions.assertThat;

import kubelab.api.core.Pod;
import kubelab.scheduler.framework.CycleState;
import kubelab.scheduler.framework.NodeInfo;
import kubelab.scheduler.framework.Status;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class NodePortsTest {
    private final NodePorts plugin = new NodePorts();

    private static Pod withHostPort(String name, int hostPort, String protocol) {
        return pod("""
                metadata: {name: %s, namespace: default}
                spec:
                  containers:
                  - name: app
                    image: nginx
                    ports: [{containerPort: 80, hostPort: %d, protocol: %s}]
                """.formatted(name, hostPort, protocol));
    }

    @Test
    @DisplayName("two pods cannot hold the same hostPort on one node")
    void sameHostPortClashes() {
        NodeInfo node = NodeInfo.of(node("n1", "4", "8Gi", 110), withHostPort("first", 8080, "TCP"));
        CycleState state = new CycleState();
        Pod second = withHostPort("second", 8080, "TCP");

        assertThat(plugin.preFilter(state, second, List.of()).isSuccess()).isTrue();
        Status status = plugin.filter(state, second, node);

        assertThat(status.code()).isEqualTo(Status.Code.Unschedulable);
        assertThat(status.reasons()).containsExactly("node(s) didn't have free ports for the requested pod ports");
    }

    @Test
    @DisplayName("the same port number over another protocol is free")
    void otherProtocolIsFree() {
        NodeInfo node = NodeInfo.of(node("n1", "4", "8Gi", 110), withHostPort("dns-tcp", 53, "TCP"));

        assertThat(NodePorts.fits(withHostPort("dns-udp", 53, "UDP"), node)).isTrue();
    }

    @Test
    @DisplayName("a pod without host ports skips the plugin: containerPort alone uses no node port")
    void noHostPortSkips() {
        Pod plain = pod("""
                metadata: {name: plain, namespace: default}
                spec: {containers: [{name: app, image: nginx, ports: [{containerPort: 80}]}]}
                """);

        assertThat(plugin.preFilter(new CycleState(), plain, List.of()).isSkip()).isTrue();
    }
}
