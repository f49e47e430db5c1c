package kubelab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kubelab.api.apps.Deployment;
import kubelab.api.core.Pod;
import kubelab.api.core.Service;
import kubelab.api.serialization.Json;
import kubelab.store.KeyValue;
import kubelab.store.MemoryStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A control plane that starts on a store already holding a cluster (a durable store reopened, a
 * real etcd another process wrote) takes it up where it was: level-based controllers find what
 * they would have made already made.
 */
@Tag("chapter1")
@DisplayName("A cluster started on a store that already holds one")
class ClusterOnExistingStoreTest {
    private static final String WEB = Examples.nginxDeployment("web", 3);

    private static List<String> podNames(Cluster c) {
        return c.pods("default").stream().map(Pod::name).sorted().toList();
    }

    @Test
    @DisplayName("carries on: the same Deployment, the same pods Running again, nothing created twice")
    void carriesOn() {
        MemoryStore store = new MemoryStore();
        Cluster first = Cluster.builder().store(store).build();
        first.apply(WEB);
        first.settle();
        List<String> before = podNames(first);
        assertThat(before).hasSize(3);

        Cluster second = Cluster.builder().store(store).build();   // the first one's process is gone
        second.settle();

        assertThat(podNames(second)).as("the ReplicaSet finds its pods and makes none").isEqualTo(before);
        assertThat(second.pods("default")).allSatisfy(p -> assertThat(p.status().phase()).isEqualTo("Running"));
        assertThat(second.api().get(Deployment.class, "default", "web").status().readyReplicas()).isEqualTo(3);
        assertThat(second.api().list(Service.class, "default").items()).extracting(s -> s.metadata().name())
                .containsExactly("kubernetes");
    }

    @Test
    @DisplayName("the new run's uids never repeat the uids the first run wrote")
    void uidsDoNotRepeat() {
        MemoryStore store = new MemoryStore();
        Cluster first = Cluster.builder().store(store).build();
        first.apply(WEB);
        first.settle();
        Cluster second = Cluster.builder().store(store).build();
        second.apply(Examples.nginxDeployment("web2", 3));
        second.settle();

        Set<String> uids = new HashSet<>();
        for (KeyValue kv : store.range("/registry/").kvs()) {
            String uid = Json.fromBytes(kv.value(), com.fasterxml.jackson.databind.JsonNode.class).path("metadata").path("uid").asText("");
            if (!uid.isEmpty()) {
                assertThat(uids.add(uid)).as("uid %s of %s is unique", uid, kv.key()).isTrue();
            }
        }
        assertThat(uids).hasSizeGreaterThan(20);
    }
}
