package kubelab.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import kubelab.api.Scheme;
import kubelab.api.serialization.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class OpenApiV2Test {
    private static final OpenApi API = OpenApi.forScheme(Scheme.standard());

    /** Document{definitions 9: Definitions{additional_properties 1: NamedSchema}}. */
    private static ProtoReader definition(ProtoReader doc, String name) {
        return doc.message(9).named(1, name);
    }

    /** Schema{vendor_extension 31: NamedAny{name 1, value 2: Any{yaml 2}}}: the extension's value. */
    private static JsonNode extension(ProtoReader schema, String name) throws Exception {
        return Json.yamlMapper().readTree(schema.named(31, name).string(2));
    }

    @Test
    @DisplayName("the JSON document is Swagger 2.0 titled Kubernetes, with paths and definitions")
    void jsonDocument() throws Exception {
        JsonNode doc = Json.mapper().readTree(API.v2Json());
        assertThat(doc.get("swagger").asText()).isEqualTo("2.0");
        assertThat(doc.get("info").get("title").asText()).isEqualTo("Kubernetes");
        assertThat(doc.get("definitions").has("io.k8s.api.core.v1.Pod")).isTrue();
        JsonNode read = doc.get("paths").get("/api/v1/namespaces/{namespace}/pods/{name}").get("get");
        assertThat(read.get("operationId").asText()).isEqualTo("readCoreV1NamespacedPod");
        assertThat(read.get("x-kubernetes-group-version-kind").get("kind").asText()).isEqualTo("Pod");
        assertThat(doc.get("paths").has("/apis/apps/v1/namespaces/{namespace}/deployments/{name}/status")).isTrue();
        assertThat(doc.get("paths").has("/api/v1/nodes/{name}")).isTrue();
    }

    @Test
    @DisplayName("the protobuf document round-trips: swagger 2.0, and the Pod definition with its fields and GVK")
    void protobufRoundTrip() throws Exception {
        ProtoReader doc = new ProtoReader(API.v2Protobuf());
        assertThat(doc.string(1)).isEqualTo("2.0");
        assertThat(doc.message(2).string(1)).isEqualTo("Kubernetes");

        ProtoReader pod = definition(doc, "io.k8s.api.core.v1.Pod");
        assertThat(pod.message(22).strings(1)).containsExactly("object");               // type
        assertThat(pod.message(25).names(1)).containsExactly("apiVersion", "kind", "metadata", "spec", "status");
        assertThat(pod.message(25).named(1, "metadata").string(1))                      // $ref
                .isEqualTo("#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta");
        JsonNode gvk = extension(pod, "x-kubernetes-group-version-kind");
        assertThat(gvk.get(0).get("group").asText()).isEmpty();
        assertThat(gvk.get(0).get("version").asText()).isEqualTo("v1");
        assertThat(gvk.get(0).get("kind").asText()).isEqualTo("Pod");
    }

    @Test
    @DisplayName("in protobuf too, containers are an array of Container merged by name")
    void protobufPatchExtensions() throws Exception {
        ProtoReader doc = new ProtoReader(API.v2Protobuf());
        ProtoReader containers = definition(doc, "io.k8s.api.core.v1.PodSpec").message(25).named(1, "containers");
        assertThat(containers.message(22).strings(1)).containsExactly("array");
        assertThat(containers.message(23).message(1).string(1)).isEqualTo("#/definitions/io.k8s.api.core.v1.Container");
        assertThat(extension(containers, "x-kubernetes-patch-merge-key").asText()).isEqualTo("name");
        assertThat(extension(containers, "x-kubernetes-patch-strategy").asText()).isEqualTo("merge");
        ProtoReader container = definition(doc, "io.k8s.api.core.v1.Container");
        assertThat(container.strings(19)).containsExactly("name");                       // required
        ProtoReader labels = definition(doc, "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta").message(25).named(1, "labels");
        assertThat(labels.message(21).message(1).message(22).strings(1)).containsExactly("string");
    }

    @Test
    @DisplayName("in protobuf, every definition of the JSON document is present, in the same order")
    void protobufHasEveryDefinition() throws Exception {
        JsonNode json = Json.mapper().readTree(API.v2Json());
        List<String> names = new java.util.ArrayList<>();
        json.get("definitions").fieldNames().forEachRemaining(names::add);
        assertThat(new ProtoReader(API.v2Protobuf()).message(9).names(1)).containsExactlyElementsOf(names);
        List<String> paths = new java.util.ArrayList<>();
        json.get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(new ProtoReader(API.v2Protobuf()).message(8).names(2)).containsExactlyElementsOf(paths);
    }

    @Test
    @DisplayName("a path's operation decodes with its id, body parameter and response schema")
    void protobufOperation() {
        ProtoReader item = new ProtoReader(API.v2Protobuf()).message(8).named(2, "/apis/apps/v1/namespaces/{namespace}/deployments");
        ProtoReader post = item.message(4);                                              // PathItem.post
        assertThat(post.string(5)).isEqualTo("createAppsV1NamespacedDeployment");
        ProtoReader body = post.all(8).get(0).message().message(1).message(1);           // ParametersItem.parameter.body
        assertThat(body.string(3)).isEqualTo("body");
        assertThat(body.message(5).string(1)).isEqualTo("#/definitions/io.k8s.api.apps.v1.Deployment");
        ProtoReader ok = post.message(9).named(1, "200").message(1);                     // ResponseValue.response
        assertThat(ok.message(2).message(1).string(1)).isEqualTo("#/definitions/io.k8s.api.apps.v1.Deployment");
        ProtoReader namespace = item.all(9).get(0).message().message(1).message(2).message(4); // path parameter
        assertThat(namespace.string(4)).isEqualTo("namespace");
        assertThat(namespace.all(1).get(0).varint()).isEqualTo(1);                       // required
    }

    @Test
    @DisplayName("the documents are computed once per scheme, and the same model always gives the same bytes")
    void deterministicAndCached() {
        assertThat(OpenApi.forScheme(Scheme.standard())).isSameAs(API);
        OpenApiV2 again = new OpenApiV2(Scheme.standard(), "unversioned", true);
        assertThat(again.protobuf()).isEqualTo(API.v2Protobuf());
        assertThat(again.jsonBytes()).isEqualTo(API.v2Json());
    }
}
