package kubelab.apiserver.patch;

import static kubelab.apiserver.patch.StrategicMergePatchTest.POD;
import static kubelab.apiserver.patch.StrategicMergePatchTest.names;
import static kubelab.apiserver.patch.StrategicMergePatchTest.patchPod;
import static kubelab.apiserver.patch.StrategicMergePatchTest.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import kubelab.apiserver.patch.PatchException.Kind;
import kubelab.apiserver.patch.PatchTestTypes.TestDeployment;
import kubelab.apiserver.patch.PatchTestTypes.TestPod;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The $-directives of strategic merge patch, the patch kubectl apply sends, and the errors. */
@Tag("chapter1")
class StrategicMergePatchDirectivesTest {

    @Test
    @DisplayName("a $patch: delete item removes the container and leaves no directive behind")
    void deleteItem() {
        JsonNode result = patchPod("""
                spec:
                  containers:
                  - {$patch: delete, name: log}
                  - name: web
                    ports: [{$patch: delete, containerPort: 443}]
                """);

        assertThat(names(result.at("/spec/containers"), "name")).containsExactly("web");
        assertThat(names(result.at("/spec/containers/0/ports"), "containerPort")).containsExactly("80");
        assertThat(result.toString()).doesNotContain("$patch");
    }

    @Test
    @DisplayName("the kubectl apply patch changes an image and removes a port, and keeps another writer's container")
    void kubectlApplyPatch() {
        JsonNode live = yaml("""
                spec:
                  containers:
                  - name: web
                    image: nginx:1.25
                    ports: [{containerPort: 80, name: http}, {containerPort: 443, name: https}]
                  - {name: istio-proxy, image: proxyv2}
                """);
        // The shape kubectl apply computes (see kubectl's apply tests): order directives, the
        // changed field, and a deletion item for the port dropped from the manifest.
        JsonNode patch = JsonMergePatchTest.json("""
                {"spec":{"$setElementOrder/containers":[{"name":"web"}],
                 "containers":[{"$setElementOrder/ports":[{"containerPort":80}],"image":"nginx:1.26","name":"web",
                                "ports":[{"$patch":"delete","containerPort":443}]}]}}""");

        JsonNode result = StrategicMergePatch.apply(live, patch, TestPod.class);

        assertThat(result).isEqualTo(yaml("""
                spec:
                  containers:
                  - name: web
                    image: nginx:1.26
                    ports: [{containerPort: 80, name: http}]
                  - {name: istio-proxy, image: proxyv2}
                """));
    }

    @Test
    @DisplayName("$setElementOrder orders the merged list")
    void setElementOrder() {
        JsonNode result = patchPod("""
                spec:
                  $setElementOrder/containers: [{name: log}, {name: web}]
                  containers: [{name: log, image: "busybox:1.36"}]
                """);

        assertThat(names(result.at("/spec/containers"), "name")).containsExactly("log", "web");
        assertThat(result.toString()).doesNotContain("$setElementOrder");
    }

    @Test
    @DisplayName("an item $setElementOrder does not mention stays before the items it preceded on the server")
    void setElementOrderWithServerOnlyItems() {
        JsonNode pod = yaml("spec: {containers: [{name: web}, {name: sidecar}, {name: log}]}");
        JsonNode result = StrategicMergePatch.apply(pod,
                yaml("spec: {$setElementOrder/containers: [{name: log}, {name: web}]}"), TestPod.class);

        assertThat(names(result.at("/spec/containers"), "name")).containsExactly("sidecar", "log", "web");
    }

    @Test
    @DisplayName("finalizers merge as a set; $deleteFromPrimitiveList removes one")
    void deleteFromPrimitiveList() {
        // What kubectl apply sends when a manifest drops finalizer a.
        JsonNode result = patchPod("""
                metadata:
                  $setElementOrder/finalizers: [example.com/b]
                  $deleteFromPrimitiveList/finalizers: [example.com/a]
                """);

        assertThat(names(result.at("/metadata/finalizers"), null)).containsExactly("example.com/b");
        assertThat(result.at("/metadata").has("$deleteFromPrimitiveList/finalizers")).isFalse();
    }

    @Test
    @DisplayName("$retainKeys clears the volume source the patch does not keep (emptyDir -> hostPath)")
    void retainKeysOnVolumes() {
        JsonNode pod = yaml("""
                spec:
                  volumes:
                  - {name: data, emptyDir: {}}
                  - {name: config, configMap: {name: app}}
                """);
        JsonNode result = StrategicMergePatch.apply(pod, yaml("""
                spec:
                  $setElementOrder/volumes: [{name: data}, {name: config}]
                  volumes:
                  - {$retainKeys: [hostPath, name], name: data, hostPath: {path: /srv/data}}
                """), TestPod.class);

        assertThat(result.at("/spec/volumes")).isEqualTo(yaml("""
                - {name: data, hostPath: {path: /srv/data}}
                - {name: config, configMap: {name: app}}
                """));
    }

    @Test
    @DisplayName("$retainKeys switches a Deployment to Recreate, dropping rollingUpdate, as in the kubectl patch task")
    void retainKeysOnDeploymentStrategy() {
        JsonNode deployment = yaml("""
                spec:
                  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 30%}}
                """);
        JsonNode withoutRetainKeys = StrategicMergePatch.apply(deployment,
                yaml("spec: {strategy: {type: Recreate}}"), TestDeployment.class);
        JsonNode withRetainKeys = StrategicMergePatch.apply(deployment,
                yaml("spec: {strategy: {$retainKeys: [type], type: Recreate}}"), TestDeployment.class);

        // Without it the old rollingUpdate stays, and validation would refuse the Deployment.
        assertThat(withoutRetainKeys.at("/spec/strategy/rollingUpdate/maxSurge").asText()).isEqualTo("30%");
        assertThat(withRetainKeys.at("/spec/strategy")).isEqualTo(yaml("{type: Recreate}"));
    }

    @Test
    @DisplayName("$patch: replace as a list item makes the other patch items the whole list")
    void replaceList() {
        JsonNode result = patchPod("""
                spec:
                  containers:
                  - {$patch: replace}
                  - {name: only, image: alpine}
                """);

        assertThat(result.at("/spec/containers")).isEqualTo(yaml("[{name: only, image: alpine}]"));
    }

    @Test
    @DisplayName("$patch: replace in an object replaces it instead of merging")
    void replaceObject() {
        JsonNode result = patchPod("spec: {nodeSelector: {$patch: replace, zone: a}}");

        assertThat(result.at("/spec/nodeSelector")).isEqualTo(yaml("{zone: a}"));
    }

    @Test
    @DisplayName("$patch: delete in an object empties it (Kubernetes keeps {}); null removes the field")
    void deleteObject() {
        JsonNode emptied = patchPod("spec: {nodeSelector: {$patch: delete}}");
        JsonNode removed = patchPod("spec: {nodeSelector: null}");

        assertThat(emptied.at("/spec/nodeSelector")).isEqualTo(yaml("{}"));
        assertThat(removed.at("/spec").has("nodeSelector")).isFalse();
    }

    @Test
    @DisplayName("directives in a field the object does not have yet are worked out, not copied")
    void directivesInNewFields() {
        JsonNode result = patchPod("""
                spec:
                  volumes:
                  - {$retainKeys: [emptyDir, name], name: cache, emptyDir: {}}
                  - {$patch: delete, name: old}
                  containers:
                  - name: new
                    $setElementOrder/ports: [{containerPort: 9090}]
                    ports: [{containerPort: 9090, name: metrics, protocol: null}]
                """);

        assertThat(result.at("/spec/volumes")).isEqualTo(yaml("[{name: cache, emptyDir: {}}]"));
        assertThat(result.at("/spec/containers/0")).isEqualTo(yaml("{name: new, ports: [{containerPort: 9090, name: metrics}]}"));
        assertThat(result.toString()).doesNotContain("$").doesNotContain("null");
    }

    @Test
    @DisplayName("a container without its merge key is refused, naming the field, in Kubernetes' words")
    void missingMergeKey() {
        assertThatThrownBy(() -> patchPod("spec: {containers: [{image: nginx}]}"))
                .isInstanceOfSatisfying(PatchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNCLASSIFIED);
                    assertThat(e.field()).isEqualTo("spec.containers");
                    assertThat(e.detail()).isEqualTo("map: map[image:nginx] does not contain declared merge key: name");
                });
    }

    @Test
    @DisplayName("an unknown $patch value is refused")
    void unknownDirective() {
        assertThatThrownBy(() -> patchPod("spec: {containers: [{$patch: remove, name: log}]}"))
                .isInstanceOfSatisfying(PatchException.class, e -> assertThat(e.detail())
                        .isEqualTo("unknown patch type: remove in map: map[$patch:remove name:log]"));
        assertThatThrownBy(() -> patchPod("spec: {nodeSelector: {$patch: merge}}"))
                .hasMessage("spec.nodeSelector: unknown patch type: merge in map: map[$patch:merge]");
    }

    @Test
    @DisplayName("malformed directives are bad requests (400)")
    void malformedDirectives() {
        assertKind("spec: {containers: [{name: web, $retainKeys: image}]}", Kind.MALFORMED,
                "invalid patch format of retainKeys");
        assertKind("spec: {containers: [{name: web, $retainKeys: [name], image: x}]}", Kind.MALFORMED,
                "invalid patch format of retainKeys");
        assertKind("spec: {$setElementOrder: [{name: web}]}", Kind.MALFORMED,
                "invalid patch format of setElementOrder list");
        assertKind("metadata: {$deleteFromPrimitiveListfinalizers: [a]}", Kind.MALFORMED,
                "invalid patch format of primitive list");
    }

    @Test
    @DisplayName("a $setElementOrder list that disagrees with the patch list is refused")
    void setElementOrderMismatch() {
        assertThatThrownBy(() -> patchPod("""
                spec:
                  $setElementOrder/containers: [{name: web}]
                  containers: [{name: log, image: x}]
                """))
                .isInstanceOfSatisfying(PatchException.class, e -> assertThat(e.detail()).contains("doesn't match"));
    }

    @Test
    @DisplayName("a list of lists is refused as unprocessable (422)")
    void listOfLists() {
        assertKind("metadata: {finalizers: [[a]]}", Kind.NOT_APPLICABLE, "lists of lists are not supported");
    }

    @Test
    @DisplayName("a patch that is not a JSON object is a bad request")
    void notAnObject() {
        assertThatThrownBy(() -> StrategicMergePatch.apply(yaml(POD), yaml("[1, 2]"), TestPod.class))
                .isInstanceOfSatisfying(PatchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
                    assertThat(e.detail()).isEqualTo("invalid JSON document");
                });
    }

    private static void assertKind(String patch, Kind kind, String detail) {
        assertThatThrownBy(() -> patchPod(patch))
                .isInstanceOfSatisfying(PatchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(kind);
                    assertThat(e.detail()).isEqualTo(detail);
                });
    }
}
