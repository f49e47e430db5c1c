package kubelab.api.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import kubelab.api.meta.PatchStrategy;
import kubelab.api.serialization.Json;

/**
 * Test fixture: the YAML documents of the Kubernetes documentation's examples in
 * {@code ../shared/k8s-examples}, the check that a document survives decode and re-encode, and a
 * look-up of a field's patch strategy. The tests of the other API groups use it too.
 *
 * <p>Both formats of that folder are read: block YAML and KYAML (flow style with trailing commas),
 * which SnakeYAML accepts.
 */
public final class ExampleManifests {

    /** One YAML document: the file it came from (relative to the examples folder), its position, its tree. */
    public record Document(String file, int index, JsonNode tree) {
        public String apiVersion() {
            return tree.path("apiVersion").asText();
        }

        public String kind() {
            return tree.path("kind").asText();
        }

        @Override
        public String toString() {
            return file + (index == 0 ? "" : "#" + index) + " (" + kind() + " " + tree.path("metadata").path("name").asText() + ")";
        }
    }

    private ExampleManifests() {
    }

    public static Path directory() {
        return Path.of(System.getProperty("kubelab.shared", "../shared"), "k8s-examples");
    }

    /** Every non-empty document of every {@code .yaml} file, in file order. */
    public static List<Document> all() {
        Path dir = directory();
        try (Stream<Path> files = Files.walk(dir)) {
            List<Document> docs = new ArrayList<>();
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                docs.addAll(read(dir, file));
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documents of one kind. */
    public static List<Document> ofKind(String apiVersion, String kind) {
        return all().stream().filter(d -> d.apiVersion().equals(apiVersion) && d.kind().equals(kind)).toList();
    }

    private static List<Document> read(Path dir, Path file) throws IOException {
        List<Document> docs = new ArrayList<>();
        try (JsonParser parser = Json.yamlMapper().getFactory().createParser(file.toFile());
             MappingIterator<JsonNode> it = Json.yamlMapper().readValues(parser, JsonNode.class)) {
            int index = 0;
            while (it.hasNext()) {
                JsonNode tree = it.next();
                if (tree != null && !tree.isMissingNode() && !tree.isNull()) {
                    docs.add(new Document(dir.relativize(file).toString(), index, tree));
                }
                index++;
            }
        }
        return docs;
    }

    /**
     * Decodes {@code tree} into {@code type}, encodes the record again, and asserts that the result
     * equals the input: no field lost, renamed or added. Numbers compare by value, because YAML
     * reads {@code 5} as an int where the record may hold a long; quantities compare by value,
     * because the API prints them canonically ({@code "0.5"} comes back as {@code "500m"}).
     */
    public static <T> T assertRoundTrips(JsonNode tree, Class<T> type) {
        T decoded = Json.fromTree(tree, type);
        JsonNode again = Json.toTree(decoded);
        assertThat(again.equals(NUMBERS_BY_VALUE, tree))
                .as("re-encoded %s%n  was: %s%n  now: %s", type.getSimpleName(), tree, again)
                .isTrue();
        return decoded;
    }

    /** Reads one YAML document given as text, as tests write their own manifests. */
    public static JsonNode yaml(String text) {
        try {
            return Json.yamlMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The patch strategy of a record component as {@code "strategy/mergeKey"} (e.g.
     * {@code "merge/type"}, {@code "retainKeys/"}), or {@code ""} for a field replaced whole.
     */
    public static String patchStrategy(Class<? extends Record> type, String field) {
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getName().equals(field)) {
                PatchStrategy tag = c.getAnnotation(PatchStrategy.class);
                return tag == null ? "" : tag.value() + "/" + tag.mergeKey();
            }
        }
        throw new IllegalArgumentException(type.getSimpleName() + " has no field " + field);
    }

    /** Two trees are the same if they differ only in how numbers or quantities are spelled. */
    public static boolean sameTree(JsonNode a, JsonNode b) {
        return a.equals(NUMBERS_BY_VALUE, b);
    }

    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        if (a.equals(b)) {
            return 0;
        }
        return a.isValueNode() && b.isValueNode() && sameQuantity(a.asText(), b.asText()) ? 0 : 1;
    };

    private static boolean sameQuantity(String a, String b) {
        try {
            return kubelab.api.resource.Quantity.parse(a).equals(kubelab.api.resource.Quantity.parse(b));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
