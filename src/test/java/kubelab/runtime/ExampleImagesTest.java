package kubelab.runtime;

import static kubelab.runtime.RuntimeFixture.container;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import kubelab.api.core.ExampleManifests;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

@Tag("chapter2")
@DisplayName("every image of the documentation's examples")
class ExampleImagesTest {

    @TestFactory
    @DisplayName("is in the catalogue, pulls, and starts with the example's command and args")
    Stream<DynamicTest> everyExampleContainerStarts() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ExampleManifests.Document doc : ExampleManifests.all()) {
            JsonNode spec = doc.tree().path("spec");
            JsonNode podSpec = spec.has("template") ? spec.path("template").path("spec") : spec;
            for (String field : List.of("initContainers", "containers")) {
                for (JsonNode c : podSpec.path(field)) {
                    String image = c.path("image").asText();
                    tests.add(DynamicTest.dynamicTest(doc + " " + c.path("name").asText() + " (" + image + ")",
                            () -> starts(image, strings(c.path("command")), strings(c.path("args")))));
                }
            }
        }
        assertThat(tests).hasSizeGreaterThan(30);
        return tests.stream();
    }

    private static void starts(String image, List<String> command, List<String> args) {
        RuntimeFixture f = new RuntimeFixture();
        String id = f.run("example", container("c", image, command, args));

        assertThat(f.runtime.containerStatus(id).reason()).isNotEqualTo("StartError");
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
