package kubelab.scheduler.plugins.noderesources;

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
class FitTest {
    private final Fit plugin = new Fit();

    private Status filter(Pod pod, NodeInfo node) {
        CycleState state = new CycleState();
        assertThat(plugin.preFilter(state, pod, List.of()).isSuccess()).isTrue();
        return plugin.filter(state, pod, node);
    }

    @Test
    @DisplayName("a pod requesting 500m fits a node with 1 CPU allocatable and 600m requested? no: Insufficient cpu")
    void insufficientCpu() {
        NodeInfo node = NodeInfo.of(node("n1", "1", "4Gi", 110), pod("existing", "600m", null));

        Status status = filter(pod("new", "500m", null), node);

        assertThat(status.code()).isEqualTo(Status.Code.Unschedulable);
        assertThat(status.reasons()).containsExactly("Insufficient cpu");
        assertThat(status.plugin()).isEqualTo("NodeResourcesFit");
    }

    @Test
    @DisplayName("a pod requesting 400m fits exactly into the 400m left")
    void exactFit() {
        NodeInfo node = NodeInfo.of(node("n1", "1", "4Gi", 110), pod("existing", "600m", null));

        assertThat(filter(pod("new", "400m", null), node).isSuccess()).isTrue();
    }

    @Test
    @DisplayName("every shortage is reported, pods first, then cpu and memory")
    void allShortages() {
        NodeInfo full = NodeInfo.of(node("n1", "1", "1Gi", 1), pod("existing", "800m", "900Mi"));

        assertThat(Fit.fits(pod("new", "500m", "512Mi"), full))
                .extracting(InsufficientResource::reason)
                .containsExactly("Too many pods", "Insufficient cpu", "Insufficient memory");
    }

    @Test
    @DisplayName("a pod that requests nothing still needs a free pod slot")
    void podCountAlwaysChecked() {
        NodeInfo full = NodeInfo.of(node("n1", "4", "8Gi", 1), pod("existing", null, null));

        assertThat(filter(pod("besteffort", null, null), full).reasons()).containsExactly("Too many pods");
    }

    @Test
    @DisplayName("a request larger than the whole node is unresolvable: no preemption can make room")
    void biggerThanNodeIsUnresolvable() {
        NodeInfo node = new NodeInfo(node("n1", "4", "8Gi", 110));

        Status status = filter(pod("huge", "8", null), node);

        assertThat(status.code()).isEqualTo(Status.Code.UnschedulableAndUnresolvable);
        assertThat(status.reasons()).containsExactly("Insufficient cpu");
    }

    @Test
    @DisplayName("an extended resource the node does not offer is reported by name")
    void extendedResource() {
        Pod gpu = pod("""
                metadata: {name: cuda, namespace: default}
                spec:
                  containers:
                  - name: app
                    image: cuda
                    resources: {limits: {nvidia.com/gpu: 1}, requests: {nvidia.com/gpu: 1}}
                """);

        assertThat(filter(gpu, new NodeInfo(node("n1", "4", "8Gi", 110))).reasons())
                .containsExactly("Insufficient nvidia.com/gpu");
    }

    @Test
    @DisplayName("limits play no part in scheduling: only requests are counted")
    void limitsIgnored() {
        Pod limited = pod("""
                metadata: {name: limited, namespace: default}
                spec:
                  containers:
                  - name: app
                    image: nginx
                    resources: {requests: {cpu: 100m}, limits: {cpu: "16"}}
                """);

        assertThat(filter(limited, new NodeInfo(node("n1", "1", "1Gi", 110))).isSuccess()).isTrue();
    }

    @Test
    @DisplayName("init containers count by their maximum when checking fit")
    void initContainersAtFilter() {
        Pod withInit = pod("""
                metadata: {name: init, namespace: default}
                spec:
                  initContainers:
                  - {name: a, image: busybox, resources: {requests: {cpu: 600m}}}
                  - {name: b, image: busybox, resources: {requests: {cpu: 600m}}}
                  containers:
                  - {name: app, image: nginx, resources: {requests: {cpu: 500m}}}
                """);

        // Summed, the init containers would need 1200m; one at a time they need 600m.
        assertThat(filter(withInit, new NodeInfo(node("n1", "1", "1Gi", 110))).isSuccess()).isTrue();
    }
}
