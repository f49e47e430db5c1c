package kubelab.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import kubelab.api.ResourceType;
import kubelab.api.Scheme;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class SchemaGeneratorTest {
    private static final SortedMap<String, ObjectNode> DEFS = SchemaGenerator.definitions(Scheme.standard());

    private static JsonNode def(String name) {
        assertThat(DEFS).containsKey(name);
        return DEFS.get(name);
    }

    private static List<String> properties(String name) {
        List<String> names = new ArrayList<>();
        def(name).get("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Follows a property's $ref (directly, or through items) to the definition it names. */
    private static String target(JsonNode property) {
        JsonNode ref = property.has("items") ? property.get("items").get("$ref") : property.get("$ref");
        return ref.asText().substring(SchemaGenerator.REF_PREFIX.length());
    }

    @Test
    @DisplayName("the Pod definition has its fields under their JSON names, nested types as references")
    void podFields() {
        assertThat(properties("io.k8s.api.core.v1.Pod")).containsExactly("apiVersion", "kind", "metadata", "spec", "status");
        JsonNode pod = def("io.k8s.api.core.v1.Pod").get("properties");
        assertThat(target(pod.get("metadata"))).isEqualTo("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta");
        assertThat(target(pod.get("spec"))).isEqualTo("io.k8s.api.core.v1.PodSpec");
        assertThat(def("io.k8s.api.core.v1.Pod").get("type").asText()).isEqualTo("object");
    }

    @Test
    @DisplayName("a field renamed for JSON appears under its JSON name, and an ignored accessor not at all")
    void jacksonDecidesNames() {
        assertThat(properties("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta")).contains("continue")
                .doesNotContain("continueToken");
        assertThat(properties("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"))
                .contains("name", "namespace", "labels", "ownerReferences", "creationTimestamp")
                .doesNotContain("beingDeleted");
    }

    @Test
    @DisplayName("Quantity and IntOrString are strings, IntOrString in the int-or-string format")
    void scalarsAreStrings() {
        assertThat(def("io.k8s.apimachinery.pkg.api.resource.Quantity").get("type").asText()).isEqualTo("string");
        JsonNode intOrString = def("io.k8s.apimachinery.pkg.util.intstr.IntOrString");
        assertThat(intOrString.get("type").asText()).isEqualTo("string");
        assertThat(intOrString.get("format").asText()).isEqualTo("int-or-string");
        JsonNode limits = def("io.k8s.api.core.v1.ResourceRequirements").get("properties").get("limits");
        assertThat(limits.get("type").asText()).isEqualTo("object");
        assertThat(limits.get("additionalProperties").get("$ref").asText())
                .endsWith("io.k8s.apimachinery.pkg.api.resource.Quantity");
    }

    @Test
    @DisplayName("timestamps refer to metav1.Time, a string in date-time format")
    void timestamps() {
        JsonNode created = def("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta").get("properties").get("creationTimestamp");
        assertThat(target(created)).isEqualTo("io.k8s.apimachinery.pkg.apis.meta.v1.Time");
        assertThat(def("io.k8s.apimachinery.pkg.apis.meta.v1.Time").get("format").asText()).isEqualTo("date-time");
    }

    @Test
    @DisplayName("labels are a map: an object whose additionalProperties are strings")
    void maps() {
        JsonNode labels = def("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta").get("properties").get("labels");
        assertThat(labels.get("type").asText()).isEqualTo("object");
        assertThat(labels.get("additionalProperties").get("type").asText()).isEqualTo("string");
    }

    @Test
    @DisplayName("a Deployment's containers list carries merge key name and strategy merge")
    void containersMergeByName() {
        JsonNode spec = def(target(def("io.k8s.api.apps.v1.Deployment").get("properties").get("spec")));
        JsonNode template = def(target(spec.get("properties").get("template")));
        JsonNode podSpec = def(target(template.get("properties").get("spec")));
        JsonNode containers = podSpec.get("properties").get("containers");
        assertThat(containers.get("type").asText()).isEqualTo("array");
        assertThat(target(containers)).isEqualTo("io.k8s.api.core.v1.Container");
        assertThat(containers.get("x-kubernetes-patch-merge-key").asText()).isEqualTo("name");
        assertThat(containers.get("x-kubernetes-patch-strategy").asText()).isEqualTo("merge");
        assertThat(containers.get("x-kubernetes-list-type").asText()).isEqualTo("map");
        assertThat(spec.get("properties").get("strategy").get("x-kubernetes-patch-strategy").asText())
                .isEqualTo("retainKeys");
    }

    @Test
    @DisplayName("a container requires its name and nothing else")
    void required() {
        assertThat(def("io.k8s.api.core.v1.Container").get("required")).hasSize(1);
        assertThat(def("io.k8s.api.core.v1.Container").get("required").get(0).asText()).isEqualTo("name");
        assertThat(def("io.k8s.api.core.v1.Pod").has("required")).isFalse();
    }

    @Test
    @DisplayName("every kind in the Scheme has a definition carrying its group, version and kind, and so does its list")
    void everyKindHasGvk() {
        for (ResourceType t : Scheme.standard().all()) {
            JsonNode gvk = def(SchemaGenerator.nameOf(Scheme.standard(), t)).get("x-kubernetes-group-version-kind");
            assertThat(gvk).as(t.kind()).hasSize(1);
            assertThat(gvk.get(0).get("group").asText()).isEqualTo(t.group());
            assertThat(gvk.get(0).get("version").asText()).isEqualTo(t.version());
            assertThat(gvk.get(0).get("kind").asText()).isEqualTo(t.kind());
            JsonNode list = def(SchemaGenerator.listNameOf(Scheme.standard(), t));
            assertThat(list.get("x-kubernetes-group-version-kind").get(0).get("kind").asText()).isEqualTo(t.kind() + "List");
        }
    }

    @Test
    @DisplayName("every reference points at a definition, and every definition has a type")
    void referencesResolve() {
        List<String> refs = new ArrayList<>();
        DEFS.values().forEach(d -> collectRefs(d, refs));
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(DEFS).as(ref).containsKey(ref.substring(SchemaGenerator.REF_PREFIX.length()));
        }
        DEFS.forEach((name, d) -> assertThat(d.has("type")).as(name).isTrue());
    }

    static void collectRefs(JsonNode node, List<String> refs) {
        if (node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, refs));
    }
}
