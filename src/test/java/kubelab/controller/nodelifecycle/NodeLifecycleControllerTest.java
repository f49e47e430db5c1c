package kubelab.controller.nodelifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kubelab.api.Scheme;
import kubelab.api.coordination.Lease;
import kubelab.api.coordination.LeaseSpec;
import kubelab.api.core.ConditionStatus;
import kubelab.api.core.Container;
import kubelab.api.core.Node;
import kubelab.api.core.NodeCondition;
import kubelab.api.core.NodeConditionType;
import kubelab.api.core.NodeStatus;
import kubelab.api.core.Pod;
import kubelab.api.core.PodSpec;
import kubelab.api.core.Taint;
import kubelab.api.core.TaintEffect;
import kubelab.api.core.Toleration;
import kubelab.api.core.TolerationOperator;
import kubelab.api.meta.MicroTime;
import kubelab.api.serialization.Json;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.ApiServer;
import kubelab.client.InformerFactory;
import kubelab.store.MemoryStore;
import kubelab.time.EventLoop;
import kubelab.time.SimulatedLoop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
@DisplayName("The node lifecycle controller")
class NodeLifecycleControllerTest {
    private static final String NODE = "node-1";
    private static final Duration KUBELET_PERIOD = Duration.ofSeconds(10);

    private final SimulatedLoop loop = new SimulatedLoop(7);
    private final ApiServer api = new ApiServer(new MemoryStore(), Scheme.standard(), loop);
    private final InformerFactory informers = new InformerFactory(api, loop, Duration.ZERO);
    private final NodeLifecycleController controller = new NodeLifecycleController(api, informers, loop);
    private EventLoop.Timer kubelet;

    @BeforeEach
    void startCluster() {
        NodeCondition ready = new NodeCondition(NodeConditionType.READY, ConditionStatus.TRUE, loop.now(),
                loop.now(), "KubeletReady", "kubelet is posting ready status");
        Node node = api.create(Node.named(NODE));
        api.updateStatus(node.withStatus(NodeStatus.empty().withCondition(ready)));
        api.create(Lease.of(NodeLifecycleController.NODE_LEASE_NAMESPACE, NODE,
                new LeaseSpec(NODE, 40, MicroTime.of(loop.now()), MicroTime.of(loop.now()), 0, null, null)));
        startKubelet();
        informers.start();
        controller.start();
        loop.settle();
    }

    /** Plays the kubelet's node-lease controller: renews the Lease every 10 s until stopped. */
    private void startKubelet() {
        kubelet = loop.schedulePeriodic("kubelet " + NODE, KUBELET_PERIOD, () -> {
            Lease lease = api.get(Lease.class, NodeLifecycleController.NODE_LEASE_NAMESPACE, NODE);
            api.update(lease.withSpec(lease.spec().withRenewTime(MicroTime.of(loop.now()))));
        });
    }

    /** The kubelet comes back: it renews its Lease again and reports Ready=True. */
    private void restartKubelet() {
        startKubelet();
        Node node = node();
        api.updateStatus(node.withStatus(node.status().withCondition(new NodeCondition(NodeConditionType.READY,
                ConditionStatus.TRUE, loop.now(), loop.now(), "KubeletReady", "kubelet is posting ready status"))));
    }

    private Node node() {
        return api.get(Node.class, null, NODE);
    }

    private NodeCondition condition(String type) {
        return node().status().condition(type);
    }

    private List<Taint> taints() {
        return node().spec() == null ? List.of() : node().spec().taints();
    }

    /** The taint's timeAdded, after the kubelet went silent and the node turned Unknown. */
    private Instant goUnreachable() {
        kubelet.cancel();
        loop.advance(Duration.ofSeconds(60));
        Taint taint = taints().stream().filter(t -> t.key().equals(NodeLifecycleController.TAINT_NODE_UNREACHABLE))
                .findFirst().orElseThrow();
        return taint.timeAdded();
    }

    /** The tolerations the DefaultTolerationSeconds admission plug-in gives a pod that names none. */
    private static List<Toleration> defaultTolerations() {
        return List.of(
                new Toleration(NodeLifecycleController.TAINT_NODE_NOT_READY, TolerationOperator.EXISTS, null,
                        TaintEffect.NO_EXECUTE, 300L),
                new Toleration(NodeLifecycleController.TAINT_NODE_UNREACHABLE, TolerationOperator.EXISTS, null,
                        TaintEffect.NO_EXECUTE, 300L));
    }

    private void createPod(String name, List<Toleration> tolerations) {
        ObjectNode spec = (ObjectNode) Json.toTree(PodSpec.of(Container.of("web", "nginx")).withNodeName(NODE));
        spec.set("tolerations", Json.toTree(tolerations));
        api.create(Pod.of("default", name, Json.fromTree(spec, PodSpec.class)));
        loop.runReady();
    }

    /** Evicted: deleted, whether already gone or still terminating gracefully. */
    private boolean evicted(String name) {
        try {
            return api.get(Pod.class, "default", name).metadata().isBeingDeleted();
        } catch (ApiException e) {
            if (e.code() == 404) {
                return true;
            }
            throw e;
        }
    }

    @Test
    @DisplayName("a node whose kubelet stops renewing its lease turns Ready=Unknown after the grace period")
    void readyUnknownAfterGracePeriod() {
        loop.advance(Duration.ofSeconds(60)); // the Ready heartbeat is 60 s old, but the Lease is fresh
        assertThat(condition(NodeConditionType.READY).status()).isEqualTo(ConditionStatus.TRUE);

        kubelet.cancel(); // last renewal at t=60
        loop.advance(Duration.ofSeconds(50)); // exactly the grace period: not yet
        assertThat(condition(NodeConditionType.READY).status()).isEqualTo(ConditionStatus.TRUE);

        loop.advance(NodeLifecycleController.NODE_MONITOR_PERIOD); // the next pass sees it late
        NodeCondition ready = condition(NodeConditionType.READY);
        assertThat(ready.status()).isEqualTo(ConditionStatus.UNKNOWN);
        assertThat(ready.reason()).isEqualTo("NodeStatusUnknown");
        assertThat(ready.message()).isEqualTo("Kubelet stopped posting node status.");
        assertThat(ready.lastTransitionTime()).isEqualTo(loop.now());
        assertThat(condition(NodeConditionType.MEMORY_PRESSURE).status()).isEqualTo(ConditionStatus.UNKNOWN);
        assertThat(condition(NodeConditionType.DISK_PRESSURE).status()).isEqualTo(ConditionStatus.UNKNOWN);
        assertThat(condition(NodeConditionType.PID_PRESSURE).status()).isEqualTo(ConditionStatus.UNKNOWN);
    }

    @Test
    @DisplayName("an unreachable node gets the node.kubernetes.io/unreachable taint, NoSchedule and NoExecute")
    void unreachableTaint() {
        assertThat(taints()).isEmpty();
        Instant added = goUnreachable();
        assertThat(taints()).containsExactly(
                new Taint(NodeLifecycleController.TAINT_NODE_UNREACHABLE, null, TaintEffect.NO_SCHEDULE, added),
                new Taint(NodeLifecycleController.TAINT_NODE_UNREACHABLE, null, TaintEffect.NO_EXECUTE, added));
        assertThat(condition(NodeConditionType.READY).lastTransitionTime()).isEqualTo(added);
    }

    @Test
    @DisplayName("a node whose kubelet reports Ready=False gets the node.kubernetes.io/not-ready taint, NoSchedule and NoExecute")
    void notReadyTaint() {
        Node node = node();
        api.updateStatus(node.withStatus(node.status().withCondition(new NodeCondition(NodeConditionType.READY,
                ConditionStatus.FALSE, loop.now(), loop.now(), "KubeletNotReady", "container runtime is down"))));
        loop.advance(NodeLifecycleController.NODE_MONITOR_PERIOD);
        assertThat(taints()).extracting(Taint::key, Taint::effect)
                .containsExactly(tuple(NodeLifecycleController.TAINT_NODE_NOT_READY, TaintEffect.NO_SCHEDULE),
                        tuple(NodeLifecycleController.TAINT_NODE_NOT_READY, TaintEffect.NO_EXECUTE));
    }

    @Test
    @DisplayName("pods that tolerate unreachable for 300 s are evicted 300 s after the taint")
    void tolerationSecondsDelayEviction() {
        createPod("patient", defaultTolerations());
        Instant added = goUnreachable();
        assertThat(evicted("patient")).isFalse();
        assertThat(controller.taintManager().scheduledEviction("default/patient")).isEqualTo(added.plusSeconds(300));

        loop.advance(Duration.between(loop.now(), added.plusSeconds(299)));
        assertThat(evicted("patient")).isFalse();

        loop.advance(Duration.ofSeconds(1));
        assertThat(evicted("patient")).isTrue();
    }

    @Test
    @DisplayName("a pod that tolerates the taint for 0 seconds is evicted at once")
    void untoleratedPodEvictedAtOnce() {
        createPod("patient", defaultTolerations());
        createPod("intolerant", List.of(
                new Toleration("node.kubernetes.io/unreachable", "Exists", null, "NoExecute", 0L),
                new Toleration("node.kubernetes.io/not-ready", "Exists", null, "NoExecute", 0L)));
        kubelet.cancel();
        // Step pass by pass until the taint appears, and look right then.
        loop.runUntil(() -> !taints().isEmpty(), Duration.ofMinutes(2));
        loop.runReady();
        assertThat(evicted("intolerant")).isTrue();
        assertThat(evicted("patient")).isFalse();
    }

    @Test
    @DisplayName("a node that comes back loses its taint and its remaining pods stay")
    void nodeComesBack() {
        createPod("patient", defaultTolerations());
        Instant added = goUnreachable();
        loop.advance(Duration.ofSeconds(100));
        restartKubelet();
        loop.advance(NodeLifecycleController.NODE_MONITOR_PERIOD);
        assertThat(taints()).isEmpty();
        assertThat(controller.taintManager().scheduledEviction("default/patient")).isNull();

        loop.advance(Duration.between(loop.now(), added.plusSeconds(600)));
        assertThat(evicted("patient")).isFalse();
        assertThat(condition(NodeConditionType.READY).status()).isEqualTo(ConditionStatus.TRUE);
    }
}
