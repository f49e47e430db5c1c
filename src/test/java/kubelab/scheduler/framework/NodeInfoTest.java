package kubelab.scheduler.framework;

import static kubelab.scheduler.framework.Manifests.node;
import static kubelab.scheduler.framework.Manifests.pod;
import static org.assertj.core.api.Assertions.assertThat;

import kubelab.api.core.Pod;
import kubelab.scheduler.framework.HostPortInfo.HostPort;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class NodeInfoTest {

    @Test
    @DisplayName("a NodeInfo adds up the requests of the pods on it, and reads allocatable from the node")
    void addsUpRequests() {
        NodeInfo info = NodeInfo.of(node("n1", "4", "16Gi", 110), pod("a", "500m", "1Gi"), pod("b", "250m", "512Mi"));

        assertThat(info.requested().milliCPU()).isEqualTo(750);
        assertThat(info.requested().memory()).isEqualTo(1536L * 1024 * 1024);
        assertThat(info.podCount()).isEqualTo(2);
        assertThat(info.allocatable()).isEqualTo(new Resource(4000, 16L << 30, 0, 110, null));
    }

    @Test
    @DisplayName("removing a pod subtracts exactly what it added; adding it twice counts it once")
    void removeSubtracts() {
        Pod a = pod("a", "500m", "1Gi");
        NodeInfo info = NodeInfo.of(node("n1", "4", "16Gi", 110), a, pod("b", "250m", null));
        info.addPod(a);
        assertThat(info.requested().milliCPU()).isEqualTo(750);

        assertThat(info.removePod(a)).isTrue();
        assertThat(info.removePod(a)).isFalse();
        assertThat(info.requested().milliCPU()).isEqualTo(250);
        assertThat(info.requested().memory()).isZero();
        assertThat(info.pods()).extracting(p -> p.metadata().name()).containsExactly("b");
    }

    @Test
    @DisplayName("init containers count by their maximum, not their sum")
    void initContainersByMaximum() {
        Pod p = pod("""
                metadata: {name: init, namespace: default}
                spec:
                  initContainers:
                  - {name: migrate, image: busybox, resources: {requests: {cpu: "2", memory: 64Mi}}}
                  - {name: warm, image: busybox, resources: {requests: {cpu: "1", memory: 1Gi}}}
                  containers:
                  - {name: app, image: nginx, resources: {requests: {cpu: 500m, memory: 128Mi}}}
                  - {name: log, image: busybox, resources: {requests: {cpu: 500m, memory: 128Mi}}}
                """);

        Resource r = PodRequests.of(p);

        // CPU: max(2, 1) beats the app sum 1; memory: max(64Mi, 1Gi) beats the app sum 256Mi.
        assertThat(r.milliCPU()).isEqualTo(2000);
        assertThat(r.memory()).isEqualTo(1L << 30);
    }

    @Test
    @DisplayName("a sidecar keeps running beside the app containers, so its request adds to theirs")
    void sidecarAdds() {
        Pod p = pod("""
                metadata: {name: sidecar, namespace: default}
                spec:
                  initContainers:
                  - {name: proxy, image: envoy, restartPolicy: Always, resources: {requests: {cpu: 300m}}}
                  - {name: setup, image: busybox, resources: {requests: {cpu: 1}}}
                  containers:
                  - {name: app, image: nginx, resources: {requests: {cpu: 500m}}}
                """);

        // Init phase: setup (1000m) runs while proxy (300m) already runs = 1300m; app phase: 800m.
        assertThat(PodRequests.of(p).milliCPU()).isEqualTo(1300);
    }

    @Test
    @DisplayName("the pod overhead is added on top of the containers' requests")
    void overheadAdds() {
        Pod p = pod("""
                metadata: {name: kata, namespace: default}
                spec:
                  overhead: {cpu: 250m, memory: 120Mi}
                  containers:
                  - {name: app, image: nginx, resources: {requests: {cpu: 500m, memory: 128Mi}}}
                """);

        assertThat(PodRequests.of(p).milliCPU()).isEqualTo(750);
        assertThat(PodRequests.of(p).memory()).isEqualTo(248L * 1024 * 1024);
    }

    @Test
    @DisplayName("a container without requests counts as 100m CPU and 200Mi memory, but only for scoring")
    void nonZeroDefaults() {
        NodeInfo info = NodeInfo.of(node("n1", "4", "16Gi", 110), pod("besteffort", null, null));

        assertThat(info.requested().milliCPU()).isZero();
        assertThat(info.nonZeroRequested().milliCPU()).isEqualTo(100);
        assertThat(info.nonZeroRequested().memory()).isEqualTo(200L * 1024 * 1024);
    }

    @Test
    @DisplayName("a host port on 0.0.0.0 clashes with the same port and protocol on any IP, and only those")
    void hostPortConflicts() {
        Pod web = pod("""
                metadata: {name: web, namespace: default}
                spec:
                  containers:
                  - name: app
                    image: nginx
                    ports: [{containerPort: 80, hostPort: 8080}]
                """);
        NodeInfo info = NodeInfo.of(node("n1", "4", "16Gi", 110), web);
        HostPortInfo used = info.usedPorts();

        assertThat(used.checkConflict(new HostPort("10.0.0.1", "TCP", 8080))).isTrue();
        assertThat(used.checkConflict(new HostPort("0.0.0.0", "TCP", 8080))).isTrue();
        assertThat(used.checkConflict(new HostPort("0.0.0.0", "UDP", 8080))).isFalse();
        assertThat(used.checkConflict(new HostPort("0.0.0.0", "TCP", 8081))).isFalse();

        info.removePod(web);
        assertThat(info.usedPorts().checkConflict(new HostPort("0.0.0.0", "TCP", 8080))).isFalse();
    }

    @Test
    @DisplayName("a port bound on one IP leaves the same port free on another IP")
    void specificIpPorts() {
        HostPortInfo used = new HostPortInfo();
        used.add(new HostPort("10.0.0.1", "TCP", 53));

        assertThat(used.checkConflict(new HostPort("10.0.0.2", "TCP", 53))).isFalse();
        assertThat(used.checkConflict(new HostPort("10.0.0.1", "TCP", 53))).isTrue();
        assertThat(used.checkConflict(new HostPort("0.0.0.0", "TCP", 53))).isTrue();
    }

    @Test
    @DisplayName("a snapshot is independent: adding a pod to it leaves the original alone")
    void snapshotIsIndependent() {
        NodeInfo info = NodeInfo.of(node("n1", "4", "16Gi", 110), pod("a", "1", null));
        NodeInfo copy = info.snapshot();
        copy.addPod(pod("b", "1", null));

        assertThat(info.podCount()).isEqualTo(1);
        assertThat(info.requested().milliCPU()).isEqualTo(1000);
        assertThat(copy.requested().milliCPU()).isEqualTo(2000);
    }
}
