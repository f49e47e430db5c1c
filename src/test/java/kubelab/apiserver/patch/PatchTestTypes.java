package kubelab.apiserver.patch;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import kubelab.api.meta.ObjectMeta;
import kubelab.api.meta.PatchStrategy;

/**
 * Small stand-ins for the API kinds, with the same field names and patch strategies as Kubernetes'
 * {@code core/v1} and {@code apps/v1} types, so the strategic merge patch can be tested before (and
 * independently of) the real model records.
 *
 * <p>Real Kubernetes: {@code k8s.io/api/core/v1/types.go} ({@code patchStrategy} and
 * {@code patchMergeKey} tags on {@code PodSpec}, {@code Container}) and {@code k8s.io/api/apps/v1}.
 */
final class PatchTestTypes {
    private PatchTestTypes() {
    }

    record TestPod(String apiVersion, String kind, ObjectMeta metadata, TestPodSpec spec) {
    }

    record TestPodSpec(
            @PatchStrategy(value = "merge", mergeKey = "name") List<TestContainer> containers,
            // Renamed in Java, to check that the JSON name is what the patch matches.
            @JsonProperty("initContainers")
            @PatchStrategy(value = "merge", mergeKey = "name") List<TestContainer> setupContainers,
            @PatchStrategy(value = "merge,retainKeys", mergeKey = "name") List<TestVolume> volumes,
            Map<String, String> nodeSelector,
            List<TestToleration> tolerations) {
    }

    record TestContainer(
            String name,
            String image,
            @PatchStrategy(value = "merge", mergeKey = "containerPort") List<TestPort> ports,
            @PatchStrategy(value = "merge", mergeKey = "name") List<TestEnv> env,
            List<String> args) {
    }

    record TestPort(Integer containerPort, String name, String protocol) {
    }

    record TestEnv(String name, String value) {
    }

    record TestToleration(String key, String operator, String value, String effect) {
    }

    /** A union type: exactly one source is meant to be set, hence retainKeys on the list. */
    record TestVolume(String name, TestEmptyDir emptyDir, TestHostPath hostPath, TestConfigMapSource configMap) {
    }

    record TestEmptyDir(String medium) {
    }

    record TestHostPath(String path, String type) {
    }

    record TestConfigMapSource(String name) {
    }

    record TestDeployment(String apiVersion, String kind, ObjectMeta metadata, TestDeploymentSpec spec) {
    }

    record TestDeploymentSpec(
            Integer replicas,
            @PatchStrategy("retainKeys") TestDeploymentStrategy strategy,
            TestPodTemplate template) {
    }

    record TestDeploymentStrategy(String type, TestRollingUpdate rollingUpdate) {
    }

    record TestRollingUpdate(String maxSurge, String maxUnavailable) {
    }

    record TestPodTemplate(ObjectMeta metadata, TestPodSpec spec) {
    }
}
