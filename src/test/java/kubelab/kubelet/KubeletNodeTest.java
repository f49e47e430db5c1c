package kubelab.kubelet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import kubelab.api.coordination.Lease;
import kubelab.api.core.ConditionStatus;
import kubelab.api.core.Node;
import kubelab.api.core.NodeAddress;
import kubelab.api.core.NodeCondition;
import kubelab.api.core.NodeConditionType;
import kubelab.api.core.PodPhase;
import kubelab.api.resource.Quantity;
import kubelab.client.InformerFactory;
import kubelab.controller.nodelifecycle.NodeLifecycleController;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
@DisplayName("The kubelet registers its Node and heartbeats")
class KubeletNodeTest extends KubeletFixture {

    private Node node() {
        return api.get(Node.class, null, NODE);
    }

    private Lease lease() {
        return api.get(Lease.class, "kube-node-lease", NODE);
    }

    @Test
    @DisplayName("the kubelet registers its Node with capacity, conditions, addresses, node info and a pod CIDR")
    void registers() {
        startNode();
        Node node = node();

        assertThat(node.metadata().labels()).containsEntry("kubernetes.io/hostname", NODE)
                .containsEntry("kubernetes.io/os", "linux").containsEntry("kubernetes.io/arch", "amd64");
        assertThat(node.spec().podCIDR()).isEqualTo("10.244.1.0/24");
        assertThat(runtime.podCidr()).isEqualTo("10.244.1.0/24");
        assertThat(node.status().capacity()).containsEntry("cpu", Quantity.of("4"))
                .containsEntry("memory", Quantity.of("16Gi")).containsEntry("pods", Quantity.of("110"));
        assertThat(node.status().allocatable()).isEqualTo(node.status().capacity());
        assertThat(node.status().conditions()).extracting(NodeCondition::type, NodeCondition::status, NodeCondition::reason)
                .containsExactly(
                        tuple("MemoryPressure", "False", "KubeletHasSufficientMemory"),
                        tuple("DiskPressure", "False", "KubeletHasNoDiskPressure"),
                        tuple("PIDPressure", "False", "KubeletHasSufficientPID"),
                        tuple("Ready", "True", "KubeletReady"));
        assertThat(node.status().condition("Ready").message()).isEqualTo("kubelet is posting ready status");
        assertThat(node.status().addresses()).extracting(NodeAddress::type, NodeAddress::address)
                .containsExactly(tuple("InternalIP", "192.168.0.11"), tuple("Hostname", NODE));
        assertThat(node.status().daemonEndpoints().kubeletEndpoint().port()).isEqualTo(10250);
        assertThat(node.status().nodeInfo().containerRuntimeVersion()).isEqualTo("fakeruntime://1.0.0");
        assertThat(node.status().nodeInfo().kubeletVersion()).isEqualTo("v1.34.0");
        assertThat(node.status().nodeInfo().operatingSystem()).isEqualTo("linux");
        assertThat(events(NODE)).containsExactly(
                "Starting: Starting kubelet.",
                "NodeHasSufficientMemory: Node node-1 status is now: NodeHasSufficientMemory",
                "NodeHasNoDiskPressure: Node node-1 status is now: NodeHasNoDiskPressure",
                "NodeHasSufficientPID: Node node-1 status is now: NodeHasSufficientPID",
                "NodeAllocatableEnforced: Updated Node Allocatable limit across pods",
                "NodeReady: Node node-1 status is now: NodeReady");
    }

    @Test
    @DisplayName("a Node that exists is taken over: its labels, taints and capacity are kept")
    void takesOver() {
        Node given = Node.named(NODE);
        given = given.withMetadata(given.metadata().withLabel("disktype", "ssd"));
        api.create(given);
        startNode();

        assertThat(node().metadata().labels()).containsEntry("disktype", "ssd").containsEntry("kubernetes.io/hostname", NODE);
        assertThat(node().status().condition("Ready").status()).isEqualTo("True");
    }

    @Test
    @DisplayName("the kubelet renews its Lease every 10 s, held by the node for 40 s")
    void leaseRenewals() {
        startNode();
        assertThat(lease().spec().holderIdentity()).isEqualTo(NODE);
        assertThat(lease().spec().leaseDurationSeconds()).isEqualTo(40);
        assertThat(lease().metadata().ownerReferences()).extracting("kind").containsExactly("Node");

        loop.advance(Duration.ofSeconds(35));
        assertThat(lease().spec().renewTime().time()).isEqualTo(loop.now().minusSeconds(5));
    }

    @Test
    @DisplayName("node status is computed every 10 s but written only when it changed, or after 5 minutes")
    void statusReportFrequency() {
        startNode();
        String rv = node().metadata().resourceVersion();
        loop.advance(Duration.ofMinutes(4));
        assertThat(node().metadata().resourceVersion()).isEqualTo(rv);

        loop.advance(Duration.ofMinutes(1).plusSeconds(10));
        assertThat(node().metadata().resourceVersion()).isNotEqualTo(rv);
        assertThat(node().status().condition("Ready").lastHeartbeatTime()).isAfter(loop.now().minusSeconds(11));
    }

    @Test
    @DisplayName("a stopped node stops heartbeating and the node lifecycle controller marks it Unknown after 50 s")
    void stopIsSeenByNodeLifecycle() {
        InformerFactory informers = new InformerFactory(api, loop, Duration.ZERO);
        new NodeLifecycleController(api, informers, loop).start();
        informers.start();
        startNode();
        loop.advance(Duration.ofSeconds(30));
        assertThat(node().status().condition(NodeConditionType.READY).status()).isEqualTo(ConditionStatus.TRUE);

        kubelet.stop();
        var renewed = lease().spec().renewTime();
        loop.advance(Duration.ofSeconds(60));
        assertThat(lease().spec().renewTime()).isEqualTo(renewed);
        assertThat(node().status().condition(NodeConditionType.READY).status()).isEqualTo(ConditionStatus.UNKNOWN);

        kubelet.start();
        loop.advance(Duration.ofSeconds(10));
        assertThat(node().status().condition(NodeConditionType.READY).status()).isEqualTo(ConditionStatus.TRUE);
        assertThat(api.list(kubelab.api.core.Event.class, null).items()).filteredOn(e -> e.reason().equals("NodeReady"))
                .extracting(kubelab.api.core.Event::count).containsExactly(2); // a repeat folds into one Event
        assertThat(events(NODE, "Rebooted")).hasSize(1);
    }

    @Test
    @DisplayName("a stopped node's containers are gone and nothing is written for its pods; after a restart they run again")
    void stopAndRestart() {
        startNode();
        runtime.preload("nginx:1.14.2");
        create(pod("web", container("nginx", "nginx:1.14.2")));
        loop.settle();
        assertThat(runtime.isRunning("web", "nginx")).isTrue();

        kubelet.stop();
        loop.advance(Duration.ofSeconds(60));
        assertThat(runtime.sandboxCount()).isZero();
        assertThat(get("web").status().phase()).isEqualTo(PodPhase.RUNNING); // nobody writes for a dead node
        assertThat(status("web", "nginx").state().running()).isNotNull();

        kubelet.start();
        loop.settle();
        assertThat(runtime.isRunning("web", "nginx")).isTrue();
        assertThat(status("web", "nginx").restartCount()).isEqualTo(1);
        assertThat(get("web").status().phase()).isEqualTo(PodPhase.RUNNING);
    }
}
