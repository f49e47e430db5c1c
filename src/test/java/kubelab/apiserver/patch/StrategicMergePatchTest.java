package kubelab.apiserver.patch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import kubelab.api.serialization.Json;
import kubelab.apiserver.patch.PatchTestTypes.TestDeployment;
import kubelab.apiserver.patch.PatchTestTypes.TestPod;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Strategic merge patch without directives: how each kind of field merges. */
@Tag("chapter1")
class StrategicMergePatchTest {

    static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              labels: {app: web, tier: frontend}
              finalizers: [example.com/a, example.com/b]
            spec:
              nodeSelector: {disktype: ssd}
              tolerations:
              - {key: dedicated, operator: Equal, value: team-a, effect: NoSchedule}
              containers:
              - name: web
                image: nginx:1.25
                args: [--port, "80"]
                ports:
                - {containerPort: 80, name: http}
                - {containerPort: 443, name: https}
                env:
                - {name: MODE, value: prod}
              - name: log
                image: busybox
            """;

    @Test
    @DisplayName("containers merge by name: a patch naming one container changes only that one")
    void containersMergeByName() {
        JsonNode result = patchPod("""
                spec:
                  containers:
                  - {name: log, image: "busybox:1.36"}
                """);

        assertThat(names(result.at("/spec/containers"), "name")).containsExactly("web", "log");
        assertThat(result.at("/spec/containers/0")).isEqualTo(yaml(POD).at("/spec/containers/0"));
        assertThat(result.at("/spec/containers/1/image").asText()).isEqualTo("busybox:1.36");
    }

    @Test
    @DisplayName("an added container goes before the unnamed ones, as the kubectl patch task shows (redis before nginx)")
    void newItemGoesFirst() {
        // The Deployment and the patch of "Update API Objects in Place Using kubectl patch".
        JsonNode deployment = yaml("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: patch-demo}
                spec:
                  replicas: 2
                  template:
                    metadata: {labels: {app: nginx}}
                    spec:
                      containers:
                      - {name: patch-demo-ctr, image: nginx}
                      tolerations:
                      - {effect: NoSchedule, key: dedicated, value: test-team}
                """);
        JsonNode result = StrategicMergePatch.apply(deployment, yaml("""
                spec:
                  template:
                    spec:
                      containers:
                      - {name: patch-demo-ctr-2, image: redis}
                """), TestDeployment.class);

        assertThat(names(result.at("/spec/template/spec/containers"), "image")).containsExactly("redis", "nginx");
    }

    @Test
    @DisplayName("a list without a merge strategy is replaced whole: tolerations, as in the kubectl patch task")
    void tolerationsAreReplaced() {
        JsonNode result = patchPod("""
                spec:
                  tolerations:
                  - {effect: NoSchedule, key: disktype, value: ssd}
                """);

        assertThat(result.at("/spec/tolerations")).hasSize(1);
        assertThat(result.at("/spec/tolerations/0/key").asText()).isEqualTo("disktype");
    }

    @Test
    @DisplayName("a list of scalars without a merge strategy is replaced whole (args)")
    void argsAreReplaced() {
        JsonNode result = patchPod("""
                spec:
                  containers:
                  - {name: web, args: [--port, "8080"]}
                """);

        assertThat(names(result.at("/spec/containers/0/args"), null)).containsExactly("--port", "8080");
    }

    @Test
    @DisplayName("ports merge by containerPort: one renamed, one added, the other kept")
    void portsMergeByContainerPort() {
        JsonNode result = patchPod("""
                spec:
                  containers:
                  - name: web
                    ports:
                    - {containerPort: 80, name: web}
                    - {containerPort: 8080, name: alt}
                """);

        JsonNode ports = result.at("/spec/containers/0/ports");
        // Patch items in patch order; 443, which the patch does not name, after the new 8080.
        assertThat(names(ports, "containerPort")).containsExactly("80", "8080", "443");
        assertThat(names(ports, "name")).containsExactly("web", "alt", "https");
    }

    @Test
    @DisplayName("env merges by name inside a container that itself merges by name")
    void nestedMerge() {
        JsonNode result = patchPod("""
                spec:
                  containers:
                  - name: web
                    env:
                    - {name: MODE, value: debug}
                """);

        assertThat(result.at("/spec/containers/0/env")).isEqualTo(yaml("[{name: MODE, value: debug}]"));
        assertThat(result.at("/spec/containers/0/image").asText()).isEqualTo("nginx:1.25");
    }

    @Test
    @DisplayName("finalizers merge as a set: values already there are not repeated, new ones are added")
    void finalizersAreASet() {
        JsonNode result = patchPod("""
                metadata:
                  finalizers: [example.com/b, example.com/c]
                """);

        assertThat(names(result.at("/metadata/finalizers"), null))
                .containsExactly("example.com/a", "example.com/b", "example.com/c");
    }

    @Test
    @DisplayName("null deletes a field; labels merge key by key")
    void nullDeletesAndMapsMerge() {
        JsonNode result = patchPod("""
                metadata:
                  labels: {tier: null, env: prod}
                spec:
                  nodeSelector: null
                """);

        assertThat(result.at("/metadata/labels")).isEqualTo(yaml("{app: web, env: prod}"));
        assertThat(result.at("/spec").has("nodeSelector")).isFalse();
    }

    @Test
    @DisplayName("a field the type does not know merges like a JSON merge patch")
    void unknownFields() {
        JsonNode pod = yaml("""
                status:
                  phase: Pending
                  conditions: [{type: Ready, status: "False"}, {type: Initialized, status: "True"}]
                """);
        JsonNode result = StrategicMergePatch.apply(pod, yaml("""
                status:
                  phase: Running
                  conditions: [{type: Ready, status: "True"}]
                """), TestPod.class);

        assertThat(result.at("/status/phase").asText()).isEqualTo("Running");
        assertThat(result.at("/status/conditions")).hasSize(1);
    }

    @Test
    @DisplayName("a field renamed in Java is found under its JSON name (initContainers merge by name)")
    void jsonNames() {
        JsonNode pod = yaml("spec: {initContainers: [{name: setup, image: busybox}, {name: migrate, image: flyway}]}");
        JsonNode result = StrategicMergePatch.apply(pod,
                yaml("spec: {initContainers: [{name: migrate, image: 'flyway:10'}]}"), TestPod.class);

        assertThat(names(result.at("/spec/initContainers"), "image")).containsExactly("busybox", "flyway:10");
    }

    @Test
    @DisplayName("a strategic merge patch never modifies the stored object or the patch")
    void inputsAreNotModified() {
        JsonNode pod = yaml(POD);
        JsonNode patch = yaml("""
                metadata: {labels: {tier: null}, $deleteFromPrimitiveList/finalizers: [example.com/a]}
                spec:
                  $setElementOrder/containers: [{name: log}, {name: web}]
                  containers:
                  - {name: web, ports: [{$patch: delete, containerPort: 443}]}
                """);
        JsonNode podBefore = pod.deepCopy();
        JsonNode patchBefore = patch.deepCopy();

        StrategicMergePatch.apply(pod, patch, TestPod.class);

        assertThat(pod).isEqualTo(podBefore);
        assertThat(patch).isEqualTo(patchBefore);
    }

    @Test
    @DisplayName("the merged tree decodes into the record type, as the API server will do next")
    void resultDecodes() {
        JsonNode result = patchPod("spec: {containers: [{name: web, image: 'nginx:1.26'}]}");

        TestPod pod = Json.fromTree(result, TestPod.class);

        assertThat(pod.spec().containers()).extracting(c -> c.image()).containsExactly("nginx:1.26", "busybox");
        assertThat(pod.metadata().finalizers()).containsExactly("example.com/a", "example.com/b");
    }

    static JsonNode patchPod(String patch) {
        return StrategicMergePatch.apply(yaml(POD), yaml(patch), TestPod.class);
    }

    /** The values of one field of each item (or the items themselves when field is null), as text. */
    static List<String> names(JsonNode list, String field) {
        List<String> names = new ArrayList<>();
        list.forEach(item -> names.add(field == null ? item.asText() : item.path(field).asText()));
        return names;
    }

    static JsonNode yaml(String text) {
        try {
            return Json.yamlMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
