package kubelab.api.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.stream.Stream;
import kubelab.api.meta.PatchStrategy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * List fields carry the strategic-merge-patch strategy of Kubernetes' Go struct tags, so
 * {@code kubectl apply} and {@code kubectl patch} merge them as a real API server does.
 */
@Tag("chapter1")
class PatchStrategyTest {

    static Stream<Arguments> fields() {
        return Stream.of(
                // record, field, strategy ("" = replaced whole), merge key
                Arguments.of(PodSpec.class, "volumes", "merge,retainKeys", "name"),
                Arguments.of(PodSpec.class, "initContainers", "merge", "name"),
                Arguments.of(PodSpec.class, "containers", "merge", "name"),
                Arguments.of(PodSpec.class, "ephemeralContainers", "merge", "name"),
                Arguments.of(PodSpec.class, "imagePullSecrets", "merge", "name"),
                Arguments.of(PodSpec.class, "hostAliases", "merge", "ip"),
                Arguments.of(PodSpec.class, "topologySpreadConstraints", "merge", "topologyKey"),
                Arguments.of(PodSpec.class, "schedulingGates", "merge", "name"),
                Arguments.of(PodSpec.class, "resourceClaims", "merge,retainKeys", "name"),
                Arguments.of(PodSpec.class, "tolerations", "", ""),
                Arguments.of(PodSpec.class, "readinessGates", "", ""),
                Arguments.of(Container.class, "ports", "merge", "containerPort"),
                Arguments.of(Container.class, "env", "merge", "name"),
                Arguments.of(Container.class, "volumeMounts", "merge", "mountPath"),
                Arguments.of(Container.class, "volumeDevices", "merge", "devicePath"),
                Arguments.of(Container.class, "envFrom", "", ""),
                Arguments.of(Container.class, "command", "", ""),
                Arguments.of(Container.class, "args", "", ""),
                Arguments.of(EphemeralContainer.class, "env", "merge", "name"),
                Arguments.of(ResourceRequirements.class, "claims", "", ""),
                Arguments.of(PodStatus.class, "conditions", "merge", "type"),
                Arguments.of(PodStatus.class, "podIPs", "merge", "ip"),
                Arguments.of(PodStatus.class, "hostIPs", "merge", "ip"),
                Arguments.of(PodStatus.class, "containerStatuses", "", ""),
                Arguments.of(ContainerStatus.class, "volumeMounts", "merge", "mountPath"),
                Arguments.of(NodeSpec.class, "podCIDRs", "merge", ""),
                Arguments.of(NodeSpec.class, "taints", "", ""),
                Arguments.of(NodeStatus.class, "conditions", "merge", "type"),
                Arguments.of(NodeStatus.class, "addresses", "merge", "type"),
                Arguments.of(NamespaceSpec.class, "finalizers", "", ""),
                Arguments.of(NamespaceStatus.class, "conditions", "merge", "type"),
                Arguments.of(ReplicationControllerStatus.class, "conditions", "merge", "type"));
    }

    @ParameterizedTest(name = "{0}.{1}: \"{2}\" by \"{3}\"")
    @MethodSource("fields")
    @DisplayName("list fields merge as Kubernetes' patchStrategy and patchMergeKey tags say")
    void strategy(Class<? extends Record> type, String field, String strategy, String mergeKey) {
        RecordComponent component = Stream.of(type.getRecordComponents())
                .filter(c -> c.getName().equals(field)).findFirst().orElseThrow();
        PatchStrategy tag = component.getAnnotation(PatchStrategy.class);

        assertThat(tag == null ? "" : tag.value()).isEqualTo(strategy);
        assertThat(tag == null ? "" : tag.mergeKey()).isEqualTo(mergeKey);
    }
}
