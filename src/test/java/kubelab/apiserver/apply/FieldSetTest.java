package kubelab.apiserver.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import kubelab.api.apps.Deployment;
import kubelab.api.core.Pod;
import kubelab.api.serialization.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Field sets and their FieldsV1 JSON")
class FieldSetTest {
    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("fields are f:, list items k: with their key fields, and an owned item that has owned fields carries \".\"")
    void shapes() {
        FieldSet set = TypedValue.toFieldSet(json("""
                {"spec":{"replicas":3,"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.14.2"}]}}}}
                """), Deployment.class);

        assertThat(set.toString()).isEqualTo("{\"f:spec\":{\"f:replicas\":{},\"f:template\":{\"f:spec\":"
                + "{\"f:containers\":{\"k:{\\\"name\\\":\\\"nginx\\\"}\":{\".\":{},\"f:image\":{},\"f:name\":{}}}}}}}");
    }

    @Test
    @DisplayName("a container port is keyed by its number and protocol, and the protocol defaults to TCP")
    void portKeys() {
        FieldSet set = TypedValue.toFieldSet(json("""
                {"spec":{"containers":[{"name":"dns","ports":[{"containerPort":53},{"containerPort":53,"protocol":"UDP"}]}]}}
                """), Pod.class);

        FieldSet ports = set.child(PathElement.field("spec")).child(PathElement.field("containers"))
                .child(PathElement.key(Map.of("name", TextNode.valueOf("dns")))).child(PathElement.field("ports"));
        assertThat(ports.members()).extracting(PathElement::toFieldsV1Key).containsExactly(
                "k:{\"containerPort\":53,\"protocol\":\"TCP\"}", "k:{\"containerPort\":53,\"protocol\":\"UDP\"}");
    }

    @Test
    @DisplayName("a set of scalars is owned value by value (v:), an atomic list as a whole")
    void setsAndAtomicLists() {
        FieldSet set = TypedValue.toFieldSet(json("""
                {"metadata":{"finalizers":["a/b"]},"spec":{"containers":[{"name":"c","args":["x","y"]}]}}
                """), Pod.class);

        assertThat(set.toString()).contains("\"f:finalizers\":{\"v:\\\"a/b\\\"\":{}}")
                .contains("\"f:args\":{}");
    }

    @Test
    @DisplayName("FieldsV1 reads back to the same set")
    void roundTrip() {
        FieldSet set = FieldSet.of(List.of(
                List.of(PathElement.field("spec"), PathElement.field("replicas")),
                List.of(PathElement.field("spec"), PathElement.field("ports"), PathElement.key(Map.of("port", IntNode.valueOf(80)))),
                List.of(PathElement.field("spec"), PathElement.field("ports"), PathElement.key(Map.of("port", IntNode.valueOf(80))),
                        PathElement.field("name"))));

        assertThat(FieldSet.fromFieldsV1(json(set.toString()))).isEqualTo(set);
        assertThat(set.toString()).contains("\"k:{\\\"port\\\":80}\":{\".\":{},\"f:name\":{}}");
    }

    @Test
    @DisplayName("paths print as conflict messages print them")
    void pathStrings() {
        List<PathElement> p = List.of(PathElement.field("spec"), PathElement.field("containers"),
                PathElement.key(Map.of("name", TextNode.valueOf("nginx"))), PathElement.field("image"));

        assertThat(FieldSet.pathString(p)).isEqualTo(".spec.containers[name=\"nginx\"].image");
    }

    @Test
    @DisplayName("comparison tells added, modified and removed fields apart")
    void compare() {
        TypedValue.Comparison c = TypedValue.compare(
                json("{\"metadata\":{\"labels\":{\"a\":\"1\",\"b\":\"2\"}},\"spec\":{\"replicas\":1}}"),
                json("{\"metadata\":{\"labels\":{\"a\":\"1\",\"c\":\"3\"}},\"spec\":{\"replicas\":2}}"), Deployment.class);

        assertThat(c.added().toString()).isEqualTo("{\"f:metadata\":{\"f:labels\":{\"f:c\":{}}}}");
        assertThat(c.modified().toString()).isEqualTo("{\"f:spec\":{\"f:replicas\":{}}}");
        assertThat(c.removed().toString()).isEqualTo("{\"f:metadata\":{\"f:labels\":{\"f:b\":{}}}}");
    }

    @Test
    @DisplayName("empty managed fields are left out of an object's JSON")
    void omittedWhenEmpty() {
        assertThat(Json.toJson(kubelab.api.meta.ObjectMeta.named("x"))).doesNotContain("managedFields");
    }
}
