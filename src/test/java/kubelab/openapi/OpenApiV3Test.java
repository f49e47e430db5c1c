package kubelab.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import kubelab.api.ResourceType;
import kubelab.api.Scheme;
import kubelab.api.serialization.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class OpenApiV3Test {
    private static final OpenApi API = OpenApi.forScheme(Scheme.standard());

    private static JsonNode read(byte[] bytes) throws Exception {
        return Json.mapper().readTree(bytes);
    }

    private static JsonNode apps(OpenApi api) throws Exception {
        return read(api.v3("apis/apps/v1").orElseThrow());
    }

    @Test
    @DisplayName("discovery lists every group version of the scheme, each URL carrying its document's hash")
    void discovery() throws Exception {
        JsonNode paths = read(API.v3Discovery()).get("paths");
        Set<String> expected = new TreeSet<>();
        for (ResourceType t : Scheme.standard().all()) {
            expected.add(t.group().isEmpty() ? "api/v1" : "apis/" + t.group() + "/" + t.version());
        }
        List<String> listed = new ArrayList<>();
        paths.fieldNames().forEachRemaining(listed::add);
        assertThat(listed).containsExactlyElementsOf(expected).contains("api/v1", "apis/apps/v1");
        for (String gv : expected) {
            String hash = OpenApiV3.sha512Hex(API.v3(gv).orElseThrow());
            assertThat(hash).hasSize(128).isUpperCase();
            assertThat(paths.get(gv).get("serverRelativeURL").asText()).isEqualTo("/openapi/v3/" + gv + "?hash=" + hash);
            assertThat(API.v3Hash(gv)).contains(hash);
        }
        assertThat(API.v3("apis/nosuch.k8s.io/v1")).isEmpty();
    }

    @Test
    @DisplayName("a hash changes when its document changes, and only then")
    void hashTracksDocument() {
        List<ResourceType> withoutStatefulSets = Scheme.standard().all().stream()
                .filter(t -> !t.kind().equals("StatefulSet")).toList();
        OpenApi smaller = OpenApi.forScheme(new Scheme(withoutStatefulSets));
        OpenApi same = OpenApi.forScheme(new Scheme(Scheme.standard().all()));
        assertThat(same).isNotSameAs(API);
        for (String gv : API.v3().groupVersions()) {
            assertThat(same.v3Hash(gv)).as(gv).isEqualTo(API.v3Hash(gv));
        }
        assertThat(smaller.v3Hash("apis/apps/v1")).isNotEqualTo(API.v3Hash("apis/apps/v1"));
        assertThat(smaller.v3Hash("api/v1")).isEqualTo(API.v3Hash("api/v1"));
        assertThat(smaller.v3Hash("apis/batch/v1")).isEqualTo(API.v3Hash("apis/batch/v1"));
    }

    @Test
    @DisplayName("a group version's document is OpenAPI 3.0.0 with its own paths and the schemas they reach")
    void groupVersionDocument() throws Exception {
        JsonNode doc = apps(API);
        assertThat(doc.get("openapi").asText()).isEqualTo("3.0.0");
        doc.get("paths").fieldNames().forEachRemaining(p -> assertThat(p).startsWith("/apis/apps/v1/"));
        JsonNode schemas = doc.get("components").get("schemas");
        assertThat(schemas.has("io.k8s.api.apps.v1.Deployment")).isTrue();
        assertThat(schemas.has("io.k8s.api.core.v1.Container")).isTrue();   // reached through the pod template
        assertThat(schemas.has("io.k8s.api.batch.v1.Job")).isFalse();       // another group's kind
        List<String> refs = new ArrayList<>();
        SchemaGeneratorTest.collectRefs(doc, refs);
        for (String ref : refs) {
            assertThat(ref).startsWith("#/components/schemas/");
            assertThat(schemas.has(ref.substring("#/components/schemas/".length()))).as(ref).isTrue();
        }
    }

    @Test
    @DisplayName("kubectl explain finds a kind by its GVK; a reference with an extension is wrapped in allOf")
    void explainable() throws Exception {
        JsonNode schemas = apps(API).get("components").get("schemas");
        JsonNode deployment = schemas.get("io.k8s.api.apps.v1.Deployment");
        assertThat(deployment.get("x-kubernetes-group-version-kind").get(0).get("kind").asText()).isEqualTo("Deployment");
        assertThat(deployment.get("properties").get("spec").get("$ref").asText())
                .isEqualTo("#/components/schemas/io.k8s.api.apps.v1.DeploymentSpec");
        JsonNode strategy = schemas.get("io.k8s.api.apps.v1.DeploymentSpec").get("properties").get("strategy");
        assertThat(strategy.get("allOf").get(0).get("$ref").asText())
                .isEqualTo("#/components/schemas/io.k8s.api.apps.v1.DeploymentStrategy");
        assertThat(strategy.get("x-kubernetes-patch-strategy").asText()).isEqualTo("retainKeys");
    }

    @Test
    @DisplayName("in v3, IntOrString is one of integer or string, and Quantity one of string or number")
    void v3Scalars() throws Exception {
        JsonNode schemas = apps(API).get("components").get("schemas");
        JsonNode intOrString = schemas.get("io.k8s.apimachinery.pkg.util.intstr.IntOrString");
        assertThat(intOrString.get("oneOf").findValuesAsText("type")).containsExactly("integer", "string");
        assertThat(intOrString.get("format").asText()).isEqualTo("int-or-string");
        JsonNode quantity = schemas.get("io.k8s.apimachinery.pkg.api.resource.Quantity");
        assertThat(quantity.get("oneOf").findValuesAsText("type")).containsExactly("string", "number");
        assertThat(quantity.has("type")).isFalse();
    }

    @Test
    @DisplayName("the PATCH of a kind lists fieldValidation, so kubectl leaves field validation to the server")
    void advertisesFieldValidation() throws Exception {
        JsonNode patch = apps(API).get("paths").get("/apis/apps/v1/namespaces/{namespace}/deployments/{name}").get("patch");
        assertThat(patch.get("x-kubernetes-group-version-kind").get("kind").asText()).isEqualTo("Deployment");
        List<String> query = new ArrayList<>();
        patch.get("parameters").forEach(p -> query.add(p.get("in").asText() + ":" + p.get("name").asText()));
        assertThat(query).contains("query:fieldValidation");
        assertThat(patch.get("requestBody").get("content").has("application/strategic-merge-patch+json")).isTrue();

        OpenApi clientSide = OpenApi.forScheme(Scheme.standard(), new OpenApi.Options("unversioned", false));
        JsonNode plain = apps(clientSide).get("paths").get("/apis/apps/v1/namespaces/{namespace}/deployments/{name}").get("patch");
        plain.get("parameters").forEach(p -> assertThat(p.get("name").asText()).isNotEqualTo("fieldValidation"));
    }
}
