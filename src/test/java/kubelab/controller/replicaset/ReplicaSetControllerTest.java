package kubelab.controller.replicaset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import kubelab.api.Scheme;
import kubelab.api.apps.ReplicaSet;
import kubelab.api.core.ConditionStatus;
import kubelab.api.core.Event;
import kubelab.api.core.Namespace;
import kubelab.api.core.Pod;
import kubelab.api.core.PodCondition;
import kubelab.api.core.PodConditionType;
import kubelab.api.core.PodPhase;
import kubelab.api.core.PodStatus;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.OwnerReference;
import kubelab.api.serialization.ManifestReader;
import kubelab.api.serialization.ObjectDecoder;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.ApiServer;
import kubelab.apiserver.admission.AdmissionPlugin;
import kubelab.apiserver.admission.AdmissionRequest;
import kubelab.apiserver.admission.Operation;
import kubelab.client.InformerFactory;
import kubelab.client.record.EventBroadcaster;
import kubelab.store.MemoryStore;
import kubelab.time.SimulatedLoop;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
@DisplayName("The ReplicaSet controller")
class ReplicaSetControllerTest {
    private static final Path EXAMPLES = Path.of(System.getProperty("kubelab.shared", "../shared"), "k8s-examples");

    private final SimulatedLoop loop = new SimulatedLoop(3);
    private final ApiServer server = new ApiServer(new MemoryStore(), Scheme.standard(), loop);
    private final CountingApi api = new CountingApi(server);
    private final InformerFactory informers = new InformerFactory(api, loop, Duration.ZERO);
    private final EventBroadcaster events = new EventBroadcaster(loop).startRecordingToSink(server);
    private final ReplicaSetController controller = new ReplicaSetController(api, informers, loop,
            events.newRecorder("replicaset-controller", null));

    /** The objects of an example manifest, in the default namespace. */
    private static List<KubeObject> example(String file) {
        return new ObjectDecoder(Scheme.standard()).decodeAll(ManifestReader.read(EXAMPLES.resolve(file))).stream()
                .map(d -> d.object().withMetadata(d.object().metadata().withNamespace("default")))
                .toList();
    }

    private ReplicaSet frontend() {
        return (ReplicaSet) example("controllers/frontend.yaml").get(0);
    }

    private void run() {
        informers.start();
        controller.start();
        loop.settle();
    }

    private List<Pod> pods() {
        return api.list(Pod.class, "default").items();
    }

    private List<Pod> podsOwnedBy(String rsName) {
        return pods().stream().filter(p -> p.metadata().controllerRef() != null
                && rsName.equals(p.metadata().controllerRef().name())).toList();
    }

    private void setStatus(Pod pod, String phase, boolean ready) {
        Pod current = api.get(Pod.class, "default", pod.name());
        PodStatus status = PodStatus.empty().withPhase(phase).withCondition(PodCondition.of(PodConditionType.READY,
                ready ? ConditionStatus.TRUE : ConditionStatus.FALSE, loop.now()));
        api.updateStatus(current.withStatus(status));
    }

    private void scale(String name, int replicas) {
        ReplicaSet rs = api.get(ReplicaSet.class, "default", name);
        api.update(rs.withSpec(rs.spec().withReplicas(replicas)));
    }

    @Test
    @DisplayName("a ReplicaSet of 3 creates 3 pods named <rs>-xxxxx, owned by it")
    void createsReplicas() {
        ReplicaSet rs = api.create(frontend());
        run();

        List<Pod> pods = pods();
        assertThat(pods).hasSize(3);
        assertThat(pods).allSatisfy(p -> {
            assertThat(p.name()).matches("frontend-[a-z0-9]{5}");
            assertThat(p.metadata().labels()).containsEntry("tier", "frontend");
            OwnerReference ref = p.metadata().controllerRef();
            assertThat(ref.kind()).isEqualTo("ReplicaSet");
            assertThat(ref.uid()).isEqualTo(rs.metadata().uid());
        });
    }

    @Test
    @DisplayName("a deleted pod is replaced")
    void replacesDeletedPod() {
        api.create(frontend());
        run();
        String victim = pods().get(0).name();

        api.delete(Pod.class, "default", victim);
        loop.settle();

        assertThat(pods()).hasSize(3).extracting(Pod::name).doesNotContain(victim);
    }

    @Test
    @DisplayName("scaling down deletes the pending pod before the running one")
    void scaleDownRanksPods() {
        api.create(frontend());
        run();
        List<Pod> pods = pods();
        setStatus(pods.get(0), PodPhase.RUNNING, true);
        setStatus(pods.get(1), PodPhase.PENDING, false);
        setStatus(pods.get(2), PodPhase.RUNNING, false);
        loop.settle();

        scale("frontend", 2);
        loop.settle();
        assertThat(pods()).extracting(Pod::name).containsExactlyInAnyOrder(pods.get(0).name(), pods.get(2).name());

        scale("frontend", 1); // then running but not ready goes before running and ready
        loop.settle();
        assertThat(pods()).extracting(Pod::name).containsExactly(pods.get(0).name());
    }

    @Test
    @DisplayName("a matching bare pod is adopted and counts (pod-rs.yaml: 3 replicas + 2 bare pods = 1 new pod)")
    void adoptsBarePods() {
        example("pods/pod-rs.yaml").forEach(api::create);
        ReplicaSet rs = api.create(frontend());
        run();

        assertThat(pods()).hasSize(3);
        assertThat(podsOwnedBy("frontend")).hasSize(3).extracting(Pod::name).contains("pod1", "pod2");
        assertThat(api.creates).isEqualTo(2 + 1 + 1); // two bare pods, the ReplicaSet, one pod from the template
        assertThat(api.get(Pod.class, "default", "pod1").metadata().controllerRef().uid()).isEqualTo(rs.metadata().uid());
    }

    @Test
    @DisplayName("a pod whose labels change no longer counts and is released")
    void releasesRelabelledPod() {
        api.create(frontend());
        run();
        Pod pod = pods().get(0);

        api.update(pod.withMetadata(pod.metadata().withLabels(Map.of("tier", "debug"))));
        loop.settle();

        assertThat(api.get(Pod.class, "default", pod.name()).metadata().ownerReferences()).isEmpty();
        assertThat(pods()).hasSize(4);
        assertThat(podsOwnedBy("frontend")).hasSize(3).extracting(Pod::name).doesNotContain(pod.name());
    }

    @Test
    @DisplayName("expectations: with the pod informer lagging, a second sync creates nothing more")
    void expectationsStopDoubleCreates() {
        informers.start(); // no worker: the test is the worker
        loop.settle();
        api.create(frontend());
        loop.settle();

        controller.syncReplicaSet("default/frontend");
        controller.syncReplicaSet("default/frontend"); // the pod informer has not seen the 3 pods yet
        assertThat(pods()).hasSize(3);
        assertThat(controller.expectations().pending("default/frontend")).containsExactly(3, 0);

        loop.settle(); // the informer catches up; each pod it sees lowers the expectations
        assertThat(controller.expectations().pending("default/frontend")).containsExactly(0, 0);
        controller.syncReplicaSet("default/frontend");
        assertThat(pods()).hasSize(3);
        assertThat(api.creates).isEqualTo(1 + 3);
    }

    @Test
    @DisplayName("expectations expire after 5 minutes, so a lost event cannot stall the ReplicaSet")
    void expectationsExpire() {
        informers.start();
        loop.settle();
        api.create(frontend());
        loop.settle();
        controller.syncReplicaSet("default/frontend");

        assertThat(controller.expectations().satisfiedExpectations("default/frontend")).isFalse();
        loop.advance(Duration.ofMinutes(5));
        assertThat(controller.expectations().satisfiedExpectations("default/frontend")).isTrue();
    }

    @Test
    @DisplayName("status reports replicas and readyReplicas")
    void reportsStatus() {
        api.create(frontend());
        run();
        List<Pod> pods = pods();
        setStatus(pods.get(0), PodPhase.RUNNING, true);
        setStatus(pods.get(1), PodPhase.RUNNING, true);
        loop.settle();

        var status = api.get(ReplicaSet.class, "default", "frontend").status();
        assertThat(status.replicas()).isEqualTo(3);
        assertThat(status.fullyLabeledReplicas()).isEqualTo(3);
        assertThat(status.readyReplicas()).isEqualTo(2);
        assertThat(status.availableReplicas()).isEqualTo(2);
        assertThat(status.observedGeneration()).isEqualTo(1L);
    }

    @Test
    @DisplayName("slow start: when creates fail (here an admission plug-in refuses them) it stops after the first batch")
    void slowStartStopsAtFirstFailedBatch() {
        server.addAdmissionPlugin(new AdmissionPlugin.Validating() {
            @Override
            public String name() {
                return "RefuseAllPods";
            }

            @Override
            public void validate(AdmissionRequest request) {
                if (request.operation() == Operation.CREATE && request.object() instanceof Pod) {
                    throw ApiException.forbidden("", "pods", request.name(), "exceeded quota: pods");
                }
            }
        });
        api.create(frontend().withSpec(frontend().spec().withReplicas(10)));
        informers.start();
        loop.settle();
        int before = api.creates;

        assertThatThrownBy(() -> controller.syncReplicaSet("default/frontend"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(403));
        assertThat(api.creates - before).isEqualTo(1);
        // The failed pod and the ones never attempted will never be seen: nothing is expected any more.
        assertThat(controller.expectations().satisfiedExpectations("default/frontend")).isTrue();
    }

    @Test
    @DisplayName("creates refused because the namespace is being terminated are not failures to retry")
    void terminatingNamespaceIsNotAFailure() {
        api.create(Namespace.named("doomed"));
        ReplicaSet rs = frontend();
        api.create(rs.withMetadata(rs.metadata().withNamespace("doomed")).withSpec(rs.spec().withReplicas(10)));
        api.delete(Namespace.class, null, "doomed");
        informers.start();
        loop.settle();
        int before = api.creates;

        controller.syncReplicaSet("doomed/frontend"); // no exception: nothing to retry
        assertThat(api.creates - before).isEqualTo(10); // every batch is tried; each is refused
        assertThat(api.list(Pod.class, "doomed").items()).isEmpty();
    }

    @Test
    @DisplayName("every pod the controller creates is reported as a SuccessfulCreate Event on the ReplicaSet")
    void successfulCreateEvents() {
        api.create(frontend());
        run();

        List<Event> recorded = server.list(Event.class, "default").items();
        assertThat(recorded).hasSize(3).allSatisfy(e -> {
            assertThat(e.reason()).isEqualTo("SuccessfulCreate");
            assertThat(e.involvedObject().kind()).isEqualTo("ReplicaSet");
            assertThat(e.involvedObject().name()).isEqualTo("frontend");
            assertThat(e.message()).startsWith("Created pod: frontend-");
            assertThat(e.source().component()).isEqualTo("replicaset-controller");
        });
    }

    @Test
    @DisplayName("slow start: batches of 1, 2, 4 ... end at the first batch with a failure")
    void slowStartBatches() {
        int[] calls = {0};
        int successes = ReplicaSetController.slowStartBatch(10, 1, () -> ++calls[0] > 3 ? 1 : 0);
        assertThat(successes).isEqualTo(3); // batch 1 and batch 2 succeed, batch 4 fails
        assertThat(calls[0]).isEqualTo(1 + 2 + 4);
    }
}
