package kubelab.apiserver.patch;

import static kubelab.apiserver.patch.JsonMergePatchTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import kubelab.apiserver.patch.PatchException.Kind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("chapter1")
class JsonPatchTest {

    /**
     * RFC 6902, appendix A, the examples that succeed: document | patch | result. (A.13, a patch
     * with two "op" members, is a parsing matter: by the time a tree reaches us one "op" is left.)
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            A.1 adding an object member       | {"foo":"bar"}                                           | [{"op":"add","path":"/baz","value":"qux"}]                               | {"baz":"qux","foo":"bar"}
            A.2 adding an array element       | {"foo":["bar","baz"]}                                   | [{"op":"add","path":"/foo/1","value":"qux"}]                             | {"foo":["bar","qux","baz"]}
            A.3 removing an object member     | {"baz":"qux","foo":"bar"}                               | [{"op":"remove","path":"/baz"}]                                          | {"foo":"bar"}
            A.4 removing an array element     | {"foo":["bar","qux","baz"]}                             | [{"op":"remove","path":"/foo/1"}]                                        | {"foo":["bar","baz"]}
            A.5 replacing a value             | {"baz":"qux","foo":"bar"}                               | [{"op":"replace","path":"/baz","value":"boo"}]                           | {"baz":"boo","foo":"bar"}
            A.6 moving a value                | {"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}} | [{"op":"move","from":"/foo/waldo","path":"/qux/thud"}]             | {"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}}
            A.7 moving an array element       | {"foo":["all","grass","cows","eat"]}                    | [{"op":"move","from":"/foo/1","path":"/foo/3"}]                          | {"foo":["all","cows","eat","grass"]}
            A.8 testing a value, success      | {"baz":"qux","foo":["a",2,"c"]}                         | [{"op":"test","path":"/baz","value":"qux"},{"op":"test","path":"/foo/1","value":2}] | {"baz":"qux","foo":["a",2,"c"]}
            A.10 adding a nested member object | {"foo":"bar"}                                          | [{"op":"add","path":"/child","value":{"grandchild":{}}}]                 | {"foo":"bar","child":{"grandchild":{}}}
            A.11 ignoring unrecognized members | {"foo":"bar"}                                          | [{"op":"add","path":"/baz","value":"qux","xyz":123}]                     | {"foo":"bar","baz":"qux"}
            A.14 ~ escape ordering            | {"/":9,"~1":10}                                         | [{"op":"test","path":"/~01","value":10}]                                 | {"/":9,"~1":10}
            A.16 adding an array value        | {"foo":["bar"]}                                         | [{"op":"add","path":"/foo/-","value":["abc","def"]}]                     | {"foo":["bar",["abc","def"]]}
            """)
    @DisplayName("RFC 6902 appendix A: each successful example gives the RFC's result")
    void rfc6902AppendixA(String name, String document, String patch, String result) {
        assertThat(JsonPatch.apply(json(document), json(patch))).isEqualTo(json(result));
    }

    /** RFC 6902, appendix A, the examples that must fail: document | patch | the error. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            A.9 testing a value, error          | {"baz":"qux"}     | [{"op":"test","path":"/baz","value":"bar"}]  | testing value /baz failed: test failed
            A.12 adding to a nonexistent target | {"foo":"bar"}     | [{"op":"add","path":"/baz/bat","value":"qux"}] | add operation does not apply: doc is missing path: "/baz/bat": missing value
            A.15 comparing strings and numbers  | {"/":9,"~1":10}   | [{"op":"test","path":"/~01","value":"10"}]   | testing value /~01 failed: test failed
            """)
    @DisplayName("RFC 6902 appendix A: each failing example is refused with a 422-kind error")
    void rfc6902AppendixAErrors(String name, String document, String patch, String message) {
        assertThatThrownBy(() -> JsonPatch.apply(json(document), json(patch)))
                .isInstanceOfSatisfying(PatchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.NOT_APPLICABLE);
                    assertThat(e.detail()).isEqualTo(message);
                });
    }

    /** Failures beyond the RFC's examples, with the words Kubernetes' JSON patch library uses. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            remove of a missing member           | [{"op":"remove","path":"/spec/nodeName"}]                    | error in remove for path: '/spec/nodeName': Unable to remove nonexistent key: nodeName: missing value
            remove under a missing parent        | [{"op":"remove","path":"/status/phase"}]                     | remove operation does not apply: doc is missing path: "/status/phase": missing value
            replace of a missing member          | [{"op":"replace","path":"/spec/nodeName","value":"n1"}]      | replace operation does not apply: doc is missing key: /spec/nodeName: missing value
            remove past the end of a list        | [{"op":"remove","path":"/spec/containers/5"}]                | error in remove for path: '/spec/containers/5': Unable to access invalid index: 5: invalid index referenced
            add past the end of a list           | [{"op":"add","path":"/spec/containers/2","value":{}}]        | error in add for path: '/spec/containers/2': Unable to access invalid index: 2: invalid index referenced
            a negative index                     | [{"op":"remove","path":"/spec/containers/-1"}]               | error in remove for path: '/spec/containers/-1': Unable to access invalid index: -1: invalid index referenced
            an index with a leading zero         | [{"op":"replace","path":"/spec/containers/00","value":{}}]   | replace operation does not apply: doc is missing key: /spec/containers/00: missing value
            move from a missing path             | [{"op":"move","from":"/spec/x","path":"/spec/y"}]            | move operation does not apply: doc is missing from path: /spec/x: missing value
            move into its own child              | [{"op":"move","from":"/spec","path":"/spec/inner"}]          | move operation does not apply: cannot move /spec into its own child /spec/inner
            copy from a missing path             | [{"op":"copy","from":"/spec/x","path":"/spec/y"}]            | copy operation does not apply: doc is missing from path: /spec/x: missing value
            test of a missing path               | [{"op":"test","path":"/status/phase","value":"Running"}]     | test operation does not apply: is missing path: /status/phase: missing value
            an unknown op                        | [{"op":"frobnicate","path":"/spec"}]                         | Unexpected kind: frobnicate
            an op without a path                 | [{"op":"remove"}]                                            | remove operation failed to decode path: missing value
            an add without a value               | [{"op":"add","path":"/spec/nodeName"}]                       | add operation failed: missing value field
            """)
    @DisplayName("an operation that does not apply names the op and the path")
    void operationErrors(String name, String patch, String message) {
        JsonNode pod = json("{\"spec\":{\"containers\":[{\"name\":\"web\"}]}}");
        assertThatThrownBy(() -> JsonPatch.apply(pod, json(patch)))
                .isInstanceOfSatisfying(PatchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.NOT_APPLICABLE);
                    assertThat(e.detail()).isEqualTo(message);
                });
    }

    @Test
    @DisplayName("a JSON patch is atomic: when the last operation fails, nothing of the earlier ones shows")
    void atomic() {
        JsonNode pod = json("{\"spec\":{\"replicas\":1,\"containers\":[{\"name\":\"web\",\"image\":\"nginx\"}]}}");
        JsonNode before = pod.deepCopy();
        JsonNode patch = json("""
                [{"op":"replace","path":"/spec/replicas","value":3},
                 {"op":"remove","path":"/spec/containers/0"},
                 {"op":"test","path":"/spec/replicas","value":1}]""");

        assertThatThrownBy(() -> JsonPatch.apply(pod, patch))
                .hasMessage("testing value /spec/replicas failed: test failed");
        assertThat(pod).isEqualTo(before);
    }

    @Test
    @DisplayName("operations apply in order, each seeing the result of the one before")
    void inOrder() {
        JsonNode pod = json("{\"metadata\":{\"labels\":{\"app\":\"web\"}}}");
        JsonNode patch = json("""
                [{"op":"test","path":"/metadata/labels/app","value":"web"},
                 {"op":"copy","from":"/metadata/labels/app","path":"/metadata/labels/tier"},
                 {"op":"replace","path":"/metadata/labels/app","value":"api"},
                 {"op":"move","from":"/metadata/labels/tier","path":"/metadata/labels/role"}]""");

        assertThat(JsonPatch.apply(pod, patch))
                .isEqualTo(json("{\"metadata\":{\"labels\":{\"app\":\"api\",\"role\":\"web\"}}}"));
    }

    @Test
    @DisplayName("~1 in a pointer is a slash in a name: the way to reach a label such as app.kubernetes.io/name")
    void escapedSlash() {
        JsonNode pod = json("{\"metadata\":{\"labels\":{\"app.kubernetes.io/name\":\"web\"}}}");
        JsonNode patch = json("[{\"op\":\"replace\",\"path\":\"/metadata/labels/app.kubernetes.io~1name\",\"value\":\"api\"}]");

        assertThat(JsonPatch.apply(pod, patch).at("/metadata/labels").get("app.kubernetes.io/name").asText())
                .isEqualTo("api");
    }

    @Test
    @DisplayName("test compares numbers by value, objects in any member order")
    void testEquality() {
        JsonNode doc = json("{\"a\":1,\"b\":{\"x\":1,\"y\":[1,2]}}");
        JsonNode patch = json("""
                [{"op":"test","path":"/a","value":1.0},
                 {"op":"test","path":"/b","value":{"y":[1,2],"x":1}}]""");

        assertThat(JsonPatch.apply(doc, patch)).isEqualTo(doc);
    }

    @Test
    @DisplayName("the empty pointer names the whole document: replace swaps it, test compares it")
    void wholeDocument() {
        JsonNode patch = json("[{\"op\":\"test\",\"path\":\"\",\"value\":{\"a\":1}},"
                + "{\"op\":\"replace\",\"path\":\"\",\"value\":{\"b\":2}}]");

        assertThat(JsonPatch.apply(json("{\"a\":1}"), patch)).isEqualTo(json("{\"b\":2}"));
    }

    @Test
    @DisplayName("a patch that is not a list of operations is malformed (400), not inapplicable")
    void malformed() {
        assertThatThrownBy(() -> JsonPatch.apply(json("{}"), json("{\"op\":\"add\"}")))
                .isInstanceOfSatisfying(PatchException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED));
        assertThatThrownBy(() -> JsonPatch.apply(json("{}"), json("[\"add\"]")))
                .isInstanceOfSatisfying(PatchException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED));
    }

    @Test
    @DisplayName("the value added is a copy: changing the patch afterwards does not change the result")
    void valuesAreCopied() {
        JsonNode patch = json("[{\"op\":\"add\",\"path\":\"/spec\",\"value\":{\"replicas\":2}}]");
        JsonNode result = JsonPatch.apply(json("{}"), patch);

        ((com.fasterxml.jackson.databind.node.ObjectNode) patch.get(0).get("value")).put("replicas", 9);

        assertThat(result.at("/spec/replicas").asInt()).isEqualTo(2);
    }
}
