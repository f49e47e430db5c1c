package kubelab.api.serialization;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import kubelab.api.ResourceType;
import kubelab.api.Scheme;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;
import kubelab.api.resource.Quantity;

/** Small test-only kinds, standing in for the real model while it is written elsewhere. */
final class TestKinds {
    private TestKinds() {
    }

    record Pod(String apiVersion, String kind, ObjectMeta metadata, PodSpec spec) implements KubeObject {
        @Override
        public Pod withMetadata(ObjectMeta m) {
            return new Pod(apiVersion, kind, m, spec);
        }
    }

    record PodSpec(List<Container> containers, String restartPolicy, Boolean hostNetwork, Long terminationGracePeriodSeconds) {
    }

    record Container(String name, String image, List<ContainerPort> ports, Resources resources) {
    }

    record ContainerPort(int containerPort, String name) {
    }

    record Resources(Map<String, Quantity> requests, Map<String, Quantity> limits) {
    }

    /** Without apiVersion and kind components: the decoder must not call those unknown. */
    record ConfigMap(ObjectMeta metadata, Map<String, String> data) implements KubeObject {
        @Override
        public String apiVersion() {
            return "v1";
        }

        @Override
        public String kind() {
            return "ConfigMap";
        }

        @Override
        public ConfigMap withMetadata(ObjectMeta m) {
            return new ConfigMap(m, data);
        }
    }

    record Lease(ObjectMeta metadata, LeaseSpec spec) {
    }

    record LeaseSpec(String holderIdentity,
                     @JsonSerialize(using = MicroTimeSerializer.class) Instant renewTime,
                     Instant observedTime) {
    }

    static Scheme scheme() {
        return new Scheme(List.of(
                new ResourceType("", "v1", "Pod", "pods", "pod", List.of("po"), true, Pod.class, Set.of("status"), List.of("all")),
                new ResourceType("", "v1", "ConfigMap", "configmaps", "configmap", List.of("cm"), true, ConfigMap.class,
                        Set.of(), List.of())));
    }
}
