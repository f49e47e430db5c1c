package kubelab.apiserver.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import kubelab.api.Scheme;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class StrategiesTest {

    @Test
    @DisplayName("every registered strategy serves a kind the scheme knows, by apiVersion/kind")
    void keysMatchScheme() {
        Set<String> known = Scheme.standard().all().stream().map(t -> t.apiVersion() + "/" + t.kind())
                .collect(Collectors.toSet());

        assertThat(known).containsAll(Strategies.registeredKinds());
    }

    @Test
    @DisplayName("the workload, config, service, storage and RBAC kinds have strategies of their own")
    void coverage() {
        assertThat(Strategies.registeredKinds()).contains("v1/Pod", "v1/ReplicationController", "v1/Service",
                "v1/ConfigMap", "v1/Secret", "v1/PersistentVolumeClaim", "apps/v1/Deployment", "apps/v1/StatefulSet",
                "batch/v1/Job", "batch/v1/CronJob", "rbac.authorization.k8s.io/v1/ClusterRoleBinding",
                "networking.k8s.io/v1/Ingress", "storage.k8s.io/v1/StorageClass");
    }
}
