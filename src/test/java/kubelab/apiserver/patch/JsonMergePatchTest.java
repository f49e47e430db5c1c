package kubelab.apiserver.patch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import kubelab.api.serialization.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("chapter1")
class JsonMergePatchTest {

    /** RFC 7386, appendix A, every example: original | patch | result. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a member is replaced                  | {"a":"b"}            | {"a":"c"}                   | {"a":"c"}
            a member is added                     | {"a":"b"}            | {"b":"c"}                   | {"a":"b","b":"c"}
            null deletes the only member          | {"a":"b"}            | {"a":null}                  | {}
            null deletes one member of two        | {"a":"b","b":"c"}    | {"a":null}                  | {"b":"c"}
            a string replaces a list              | {"a":["b"]}          | {"a":"c"}                   | {"a":"c"}
            a list replaces a string              | {"a":"c"}            | {"a":["b"]}                 | {"a":["b"]}
            objects merge recursively             | {"a":{"b":"c"}}      | {"a":{"b":"d","c":null}}    | {"a":{"b":"d"}}
            a list is replaced whole              | {"a":[{"b":"c"}]}    | {"a":[1]}                   | {"a":[1]}
            a list patch replaces a list          | ["a","b"]            | ["c","d"]                   | ["c","d"]
            a list patch replaces an object       | {"a":"b"}            | ["c"]                       | ["c"]
            a null patch gives null               | {"a":"foo"}          | null                        | null
            a string patch gives the string       | {"a":"foo"}          | "bar"                       | "bar"
            a null already in the target stays    | {"e":null}           | {"a":1}                     | {"e":null,"a":1}
            an object patch replaces a list       | [1,2]                | {"a":"b","c":null}          | {"a":"b"}
            nulls inside new objects are dropped  | {}                   | {"a":{"bb":{"ccc":null}}}   | {"a":{"bb":{}}}
            """)
    @DisplayName("RFC 7386 appendix A: every example gives the RFC's result")
    void rfc7386AppendixA(String name, String original, String patch, String result) {
        assertThat(JsonMergePatch.apply(json(original), json(patch))).isEqualTo(json(result));
    }

    @Test
    @DisplayName("a merge patch never modifies the target or the patch")
    void inputsAreNotModified() {
        JsonNode target = json("{\"a\":{\"b\":\"c\",\"d\":[1]},\"e\":\"f\"}");
        JsonNode patch = json("{\"a\":{\"b\":null,\"x\":{\"y\":1}},\"e\":null}");
        JsonNode targetBefore = target.deepCopy();
        JsonNode patchBefore = patch.deepCopy();

        JsonNode result = JsonMergePatch.apply(target, patch);

        assertThat(target).isEqualTo(targetBefore);
        assertThat(patch).isEqualTo(patchBefore);
        assertThat(result).isEqualTo(json("{\"a\":{\"d\":[1],\"x\":{\"y\":1}}}"));
    }

    @Test
    @DisplayName("the result shares no nodes with the patch: changing it later changes nothing")
    void resultIsIndependent() {
        JsonNode patch = json("{\"spec\":{\"nodeSelector\":{\"disk\":\"ssd\"}}}");
        JsonNode result = JsonMergePatch.apply(json("{}"), patch);

        ((com.fasterxml.jackson.databind.node.ObjectNode) patch.get("spec").get("nodeSelector")).put("disk", "hdd");

        assertThat(result.at("/spec/nodeSelector/disk").asText()).isEqualTo("ssd");
    }

    @Test
    @DisplayName("a merge patch of the containers list drops every container it does not repeat")
    void listsAreReplacedWhole() {
        JsonNode pod = json("{\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx\"},"
                + "{\"name\":\"log\",\"image\":\"busybox\"}]}}");
        JsonNode patch = json("{\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx:1.25\"}]}}");

        JsonNode result = JsonMergePatch.apply(pod, patch);

        // This loss of the "log" container is why Kubernetes has the strategic merge patch.
        assertThat(result.at("/spec/containers")).hasSize(1);
        assertThat(result.at("/spec/containers/0/image").asText()).isEqualTo("nginx:1.25");
    }

    static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
