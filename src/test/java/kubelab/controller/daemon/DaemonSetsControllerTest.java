package kubelab.controller.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import kubelab.api.Scheme;
import kubelab.api.apps.AppsV1;
import kubelab.api.apps.DaemonSet;
import kubelab.api.apps.DaemonSetStatus;
import kubelab.api.apps.DaemonSetUpdateStrategy;
import kubelab.api.core.Binding;
import kubelab.api.core.ConditionStatus;
import kubelab.api.core.Container;
import kubelab.api.core.Event;
import kubelab.api.core.Node;
import kubelab.api.core.NodeSpec;
import kubelab.api.core.Pod;
import kubelab.api.core.PodCondition;
import kubelab.api.core.PodConditionType;
import kubelab.api.core.PodPhase;
import kubelab.api.core.PodSpec;
import kubelab.api.core.PodStatus;
import kubelab.api.core.Taint;
import kubelab.api.core.TaintEffect;
import kubelab.api.meta.ObjectMeta;
import kubelab.api.serialization.ManifestReader;
import kubelab.api.serialization.ObjectDecoder;
import kubelab.apiserver.ApiServer;
import kubelab.apiserver.DeleteOptions;
import kubelab.client.InformerFactory;
import kubelab.client.record.EventBroadcaster;
import kubelab.store.MemoryStore;
import kubelab.time.SimulatedLoop;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
@DisplayName("The DaemonSet controller")
class DaemonSetsControllerTest {
    private static final Path EXAMPLES = Path.of(System.getProperty("kubelab.shared", "../shared"), "k8s-examples");
    private static final String CONTROL_PLANE = "node-role.kubernetes.io/control-plane";

    private final SimulatedLoop loop = new SimulatedLoop(7);
    private final ApiServer api = new ApiServer(new MemoryStore(), Scheme.standard(), loop);
    private final InformerFactory informers = new InformerFactory(api, loop, Duration.ZERO);
    private final DaemonSetsController controller = new DaemonSetsController(api, informers, loop,
            new EventBroadcaster(loop).startRecordingToSink(api).newRecorder("daemonset-controller", null));

    private static DaemonSet example(String file, String namespace) {
        DaemonSet ds = (DaemonSet) new ObjectDecoder(Scheme.standard()).decodeAll(ManifestReader.read(EXAMPLES.resolve(file)))
                .get(0).object();
        return namespace == null ? ds : ds.withMetadata(ds.metadata().withNamespace(namespace));
    }

    private DaemonSet fluentd() {
        return example("controllers/fluentd-daemonset-update.yaml", null);
    }

    private Node node(String name, Map<String, String> labels, Taint... taints) {
        Node node = Node.named(name).withMetadata(ObjectMeta.named(name).withLabels(labels));
        return api.create(node.withSpec(NodeSpec.empty().withTaints(List.of(taints))));
    }

    private void workers(int n) {
        for (int i = 1; i <= n; i++) {
            node("node-" + i, Map.of("kubernetes.io/hostname", "node-" + i));
        }
    }

    private void controlPlane() {
        node("control-plane", Map.of(CONTROL_PLANE, ""), Taint.of(CONTROL_PLANE, null, TaintEffect.NO_SCHEDULE));
    }

    private void run() {
        informers.start();
        controller.start();
        loop.settle();
    }

    private List<Pod> pods(String ns) {
        return api.list(Pod.class, ns).items();
    }

    private List<Pod> podsOn(String ns, String node) {
        return pods(ns).stream().filter(p -> node.equals(DaemonSetUtil.getTargetNodeName(p))).toList();
    }

    private List<Event> events(String ns, String reason) {
        return api.list(Event.class, ns).items().stream().filter(e -> reason.equals(e.reason())).toList();
    }

    /** Plays scheduler and kubelet once: binds pods to the node their affinity names, runs them, finishes deletions. */
    private boolean schedulerAndKubelet(String ns) {
        boolean acted = false;
        for (Pod pod : pods(ns)) {
            if (pod.metadata().isBeingDeleted()) {
                api.delete(Pod.class, ns, pod.name(), DeleteOptions.gracePeriod(0));
                acted = true;
            } else if (pod.spec().nodeName() == null) {
                api.bind(Binding.of(ns, pod.name(), pod.metadata().uid(), DaemonSetUtil.getTargetNodeName(pod)));
                setPhase(ns, pod.name(), PodPhase.RUNNING, true);
                acted = true;
            }
        }
        loop.settle();
        return acted;
    }

    private void setPhase(String ns, String name, String phase, boolean ready) {
        Pod current = api.get(Pod.class, ns, name);
        api.updateStatus(current.withStatus(PodStatus.empty().withPhase(phase).withCondition(PodCondition.of(
                PodConditionType.READY, ready ? ConditionStatus.TRUE : ConditionStatus.FALSE, loop.now()))));
    }

    private void settleWithKubelet(String ns) {
        loop.settle();
        for (int i = 0; i < 50 && schedulerAndKubelet(ns); i++) {
            // each round: the controller reacts, the "kubelet" answers
        }
    }

    private DaemonSet updateTemplate(String ns, String name, UnaryOperator<PodSpec> change) {
        DaemonSet ds = api.get(DaemonSet.class, ns, name);
        var template = ds.spec().template();
        return api.update(ds.withSpec(ds.spec().withTemplate(template.withSpec(change.apply(template.spec())))));
    }

    private static PodSpec withImage(PodSpec spec, String image) {
        List<Container> containers = new ArrayList<>(spec.containers());
        containers.set(0, containers.get(0).withImage(image));
        return spec.withContainers(containers);
    }

    @Test
    @DisplayName("fluentd-daemonset-update.yaml: one pod per node, the control-plane node included thanks to its tolerations")
    void onePodPerNode() {
        workers(2);
        controlPlane();
        DaemonSet ds = api.create(fluentd());
        run();

        List<Pod> pods = pods("kube-system");
        assertThat(pods).hasSize(3);
        assertThat(pods).extracting(DaemonSetUtil::getTargetNodeName)
                .containsExactlyInAnyOrder("node-1", "node-2", "control-plane");
        assertThat(pods).allSatisfy(p -> {
            assertThat(p.name()).matches("fluentd-elasticsearch-[a-z0-9]{5}");
            assertThat(p.spec().nodeName()).as("the default scheduler binds it").isNull();
            assertThat(p.metadata().controllerRef().uid()).isEqualTo(ds.metadata().uid());
            assertThat(p.metadata().labels()).containsEntry("name", "fluentd-elasticsearch")
                    .containsKey(AppsV1.CONTROLLER_REVISION_HASH_LABEL_KEY);
            assertThat(p.spec().tolerations()).extracting(t -> t.key() + ":" + t.effect())
                    .contains("node.kubernetes.io/not-ready:NoExecute", "node.kubernetes.io/unreachable:NoExecute",
                            "node.kubernetes.io/unschedulable:NoSchedule", CONTROL_PLANE + ":NoSchedule");
        });
        assertThat(events("kube-system", DaemonSetsController.REASON_SUCCESSFUL_CREATE)).hasSize(3)
                .allSatisfy(e -> assertThat(e.message()).matches("Created pod: fluentd-elasticsearch-[a-z0-9]{5}"));

        settleWithKubelet("kube-system");
        DaemonSetStatus status = api.get(DaemonSet.class, "kube-system", "fluentd-elasticsearch").status();
        assertThat(status.desiredNumberScheduled()).isEqualTo(3);
        assertThat(status.currentNumberScheduled()).isEqualTo(3);
        assertThat(status.numberReady()).isEqualTo(3);
        assertThat(status.numberAvailable()).isEqualTo(3);
        assertThat(status.updatedNumberScheduled()).isEqualTo(3);
        assertThat(status.numberMisscheduled()).isZero();
        assertThat(status.numberUnavailable()).isZero();
        assertThat(status.observedGeneration()).isEqualTo(ds.metadata().generation());
    }

    @Test
    @DisplayName("basic-daemonset.yaml: no pod on a node tainted node-role.kubernetes.io/control-plane:NoSchedule")
    void respectsTaints() {
        workers(2);
        controlPlane();
        api.create(example("application/basic-daemonset.yaml", "default"));
        run();

        assertThat(pods("default")).extracting(DaemonSetUtil::getTargetNodeName)
                .containsExactlyInAnyOrder("node-1", "node-2");
        assertThat(api.get(DaemonSet.class, "default", "example-daemonset").status().desiredNumberScheduled()).isEqualTo(2);
    }

    @Test
    @DisplayName("a cordoned node still gets its daemon pod (the controller adds the unschedulable toleration)")
    void cordonedNodeGetsPod() {
        Node cordoned = Node.named("cordoned").withSpec(NodeSpec.empty().withUnschedulable(true)
                .withTaints(List.of(Taint.of(DaemonSetUtil.TAINT_NODE_UNSCHEDULABLE, null, TaintEffect.NO_SCHEDULE))));
        api.create(cordoned);
        api.create(example("application/basic-daemonset.yaml", "default"));
        run();

        assertThat(podsOn("default", "cordoned")).hasSize(1);
    }

    @Test
    @DisplayName("a new node gets a pod, and only that node's pod is created")
    void newNodeGetsPod() {
        workers(3);
        api.create(fluentd());
        run();
        settleWithKubelet("kube-system");

        node("node-4", Map.of());
        loop.settle();

        assertThat(podsOn("kube-system", "node-4")).hasSize(1);
        assertThat(pods("kube-system")).hasSize(4);
        assertThat(events("kube-system", DaemonSetsController.REASON_SUCCESSFUL_CREATE)).hasSize(4);
        assertThat(events("kube-system", DaemonSetsController.REASON_SUCCESSFUL_DELETE)).isEmpty();
    }

    @Test
    @DisplayName("a nodeSelector restricts the pods to matching nodes; relabelling a node adds or removes its pod")
    void nodeSelectorRestricts() {
        workers(3);
        Node ssd = api.get(Node.class, null, "node-2");
        api.update(ssd.withMetadata(ssd.metadata().withLabel("disktype", "ssd")));
        DaemonSet ds = example("application/basic-daemonset.yaml", "default");
        var template = ds.spec().template();
        ds = ds.withSpec(ds.spec().withTemplate(template.withSpec(withNodeSelector(template.spec(), Map.of("disktype", "ssd")))));
        api.create(ds);
        run();
        assertThat(pods("default")).extracting(DaemonSetUtil::getTargetNodeName).containsExactly("node-2");

        Node n3 = api.get(Node.class, null, "node-3");
        api.update(n3.withMetadata(n3.metadata().withLabel("disktype", "ssd")));
        loop.settle();
        assertThat(pods("default")).extracting(DaemonSetUtil::getTargetNodeName).containsExactlyInAnyOrder("node-2", "node-3");

        Node n2 = api.get(Node.class, null, "node-2");
        api.update(n2.withMetadata(n2.metadata().withLabels(Map.of())));
        loop.settle();
        assertThat(pods("default")).extracting(DaemonSetUtil::getTargetNodeName).containsExactly("node-3");
        assertThat(events("default", DaemonSetsController.REASON_SUCCESSFUL_DELETE)).hasSize(1);
    }

    private static PodSpec withNodeSelector(PodSpec spec, Map<String, String> selector) {
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) kubelab.api.serialization.Json.toTree(spec);
        tree.set("nodeSelector", kubelab.api.serialization.Json.toTree(selector));
        return kubelab.api.serialization.Json.fromTree(tree, PodSpec.class);
    }

    @Test
    @DisplayName("a template change rolls one node at a time (maxUnavailable: 1)")
    void rollingUpdateOneNodeAtATime() {
        workers(3);
        api.create(fluentd());
        run();
        settleWithKubelet("kube-system");
        String oldHash = pods("kube-system").get(0).metadata().labels().get(AppsV1.CONTROLLER_REVISION_HASH_LABEL_KEY);

        updateTemplate("kube-system", "fluentd-elasticsearch", s -> withImage(s, "quay.io/fluentd_elasticsearch/fluentd:v2.6.0"));
        loop.settle();
        int rounds = 0;
        while (pods("kube-system").stream().anyMatch(p -> oldHash.equals(hash(p))) && rounds++ < 20) {
            long notReadyOrGoing = pods("kube-system").stream()
                    .filter(p -> p.metadata().isBeingDeleted() || !DaemonSetUtil.isPodReady(p)).count();
            assertThat(notReadyOrGoing).as("nodes without an available pod").isLessThanOrEqualTo(1);
            schedulerAndKubelet("kube-system");
        }
        settleWithKubelet("kube-system");

        List<Pod> pods = pods("kube-system");
        assertThat(pods).hasSize(3).allSatisfy(p -> {
            assertThat(hash(p)).isNotEqualTo(oldHash);
            assertThat(p.spec().containers().get(0).image()).isEqualTo("quay.io/fluentd_elasticsearch/fluentd:v2.6.0");
        });
        assertThat(rounds).as("one node per round, plus one to finish").isGreaterThanOrEqualTo(3);
        DaemonSetStatus status = api.get(DaemonSet.class, "kube-system", "fluentd-elasticsearch").status();
        assertThat(status.updatedNumberScheduled()).isEqualTo(3);
        assertThat(status.numberAvailable()).isEqualTo(3);
        assertThat(events("kube-system", DaemonSetsController.REASON_SUCCESSFUL_DELETE)).hasSize(3);
    }

    private static String hash(Pod p) {
        return p.metadata().labels().get(AppsV1.CONTROLLER_REVISION_HASH_LABEL_KEY);
    }

    @Test
    @DisplayName("OnDelete: a template change replaces a pod only when it is deleted by hand")
    void onDelete() {
        workers(2);
        DaemonSet ds = fluentd();
        ds = ds.withSpec(new kubelab.api.apps.DaemonSetSpec(ds.spec().selector(), ds.spec().template(),
                new DaemonSetUpdateStrategy(DaemonSetUpdateStrategy.ON_DELETE, null), null, null));
        api.create(ds);
        run();
        settleWithKubelet("kube-system");
        String oldHash = hash(pods("kube-system").get(0));

        updateTemplate("kube-system", "fluentd-elasticsearch", s -> withImage(s, "fluentd:new"));
        settleWithKubelet("kube-system");
        assertThat(pods("kube-system")).allSatisfy(p -> assertThat(hash(p)).isEqualTo(oldHash));

        api.delete(Pod.class, "kube-system", podsOn("kube-system", "node-1").get(0).name());
        settleWithKubelet("kube-system");
        assertThat(hash(podsOn("kube-system", "node-1").get(0))).isNotEqualTo(oldHash);
        assertThat(hash(podsOn("kube-system", "node-2").get(0))).isEqualTo(oldHash);
    }

    @Test
    @DisplayName("a failed daemon pod is deleted (FailedDaemonPod) and replaced")
    void failedPodReplaced() {
        workers(1);
        api.create(fluentd());
        run();
        settleWithKubelet("kube-system");
        Pod pod = pods("kube-system").get(0);

        setPhase("kube-system", pod.name(), PodPhase.FAILED, false);
        loop.settle();
        settleWithKubelet("kube-system");

        assertThat(pods("kube-system")).hasSize(1).extracting(Pod::name).doesNotContain(pod.name());
        assertThat(events("kube-system", DaemonSetsController.REASON_FAILED_DAEMON_POD)).singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo("Found failed daemon pod kube-system/" + pod.name()
                        + " on node node-1, will try to kill it"));
    }

    @Test
    @DisplayName("a NoSchedule taint added later leaves the running pod (misscheduled); a NoExecute one removes it")
    void taintsAddedLater() {
        workers(2);
        api.create(example("application/basic-daemonset.yaml", "default"));
        run();
        settleWithKubelet("default");

        Node n1 = api.get(Node.class, null, "node-1");
        api.update(n1.withSpec(n1.spec().withTaints(List.of(Taint.of("dedicated", "batch", TaintEffect.NO_SCHEDULE)))));
        settleWithKubelet("default");
        assertThat(podsOn("default", "node-1")).hasSize(1);
        DaemonSetStatus status = api.get(DaemonSet.class, "default", "example-daemonset").status();
        assertThat(status.numberMisscheduled()).isEqualTo(1);
        assertThat(status.desiredNumberScheduled()).isEqualTo(1);

        n1 = api.get(Node.class, null, "node-1");
        api.update(n1.withSpec(n1.spec().withTaints(List.of(Taint.of("dedicated", "batch", TaintEffect.NO_EXECUTE)))));
        settleWithKubelet("default");
        assertThat(podsOn("default", "node-1")).isEmpty();
        assertThat(podsOn("default", "node-2")).hasSize(1);
    }
}
