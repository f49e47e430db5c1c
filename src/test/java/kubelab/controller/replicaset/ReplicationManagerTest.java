package kubelab.controller.replicaset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import kubelab.api.Scheme;
import kubelab.api.core.Container;
import kubelab.api.core.Pod;
import kubelab.api.core.PodSpec;
import kubelab.api.core.PodTemplateSpec;
import kubelab.api.core.ReplicationController;
import kubelab.api.core.ReplicationControllerSpec;
import kubelab.api.meta.ObjectMeta;
import kubelab.api.meta.OwnerReference;
import kubelab.apiserver.ApiServer;
import kubelab.client.InformerFactory;
import kubelab.store.MemoryStore;
import kubelab.time.SimulatedLoop;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
@DisplayName("The ReplicationManager (ReplicationControllers)")
class ReplicationManagerTest {
    private final SimulatedLoop loop = new SimulatedLoop(5);
    private final ApiServer api = new ApiServer(new MemoryStore(), Scheme.standard(), loop);
    private final InformerFactory informers = new InformerFactory(api, loop, Duration.ZERO);
    private final ReplicationManager manager = new ReplicationManager(api, informers, loop);

    private ReplicationController nginx(int replicas) {
        PodTemplateSpec template = new PodTemplateSpec(ObjectMeta.of(null, null).withLabels(Map.of("app", "nginx")),
                PodSpec.of(Container.of("nginx", "nginx:1.14.2")));
        return ReplicationController.of(ObjectMeta.of("default", "nginx"),
                ReplicationControllerSpec.of(replicas, Map.of("app", "nginx"), template));
    }

    private List<Pod> pods() {
        return api.list(Pod.class, "default").items();
    }

    @Test
    @DisplayName("a ReplicationController of 3 creates 3 pods owned by the v1 ReplicationController, and counts them in its status")
    void createsPodsOwnedByTheRc() {
        ReplicationController rc = api.create(nginx(3));
        informers.start();
        manager.start();
        loop.settle();

        assertThat(pods()).hasSize(3).allSatisfy(p -> {
            assertThat(p.name()).startsWith("nginx-");
            OwnerReference ref = p.metadata().controllerRef();
            assertThat(ref.apiVersion()).isEqualTo("v1");
            assertThat(ref.kind()).isEqualTo("ReplicationController");
            assertThat(ref.uid()).isEqualTo(rc.metadata().uid());
        });
        var status = api.get(ReplicationController.class, "default", "nginx").status();
        assertThat(status.replicas()).isEqualTo(3);
        assertThat(status.observedGeneration()).isEqualTo(1L);
    }

    @Test
    @DisplayName("scaling a ReplicationController down deletes the extra pods")
    void scalesDown() {
        api.create(nginx(3));
        informers.start();
        manager.start();
        loop.settle();

        ReplicationController rc = api.get(ReplicationController.class, "default", "nginx");
        api.update(rc.withSpec(rc.spec().withReplicas(1)));
        loop.settle();

        assertThat(pods()).hasSize(1);
        assertThat(api.get(ReplicationController.class, "default", "nginx").status().replicas()).isEqualTo(1);
    }
}
