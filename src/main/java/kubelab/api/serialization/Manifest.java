package kubelab.api.serialization;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One object read from a manifest file, before it is given a type: where it came from and its
 * JSON tree. A YAML file with three documents gives three manifests; a {@code List} gives one per
 * item.
 *
 * <p>The tree is not copied; treat it as read-only.
 *
 * <p>Real Kubernetes: what kubectl's resource builder ({@code k8s.io/cli-runtime/pkg/resource})
 * holds per object before mapping it to a REST resource.
 *
 * @param source   the file name as given ({@code pods/simple-pod.yaml}), or another label for text
 * @param document 1-based position of the YAML document (or JSON value) in the file
 * @param line     1-based line where the object starts
 * @param tree     the object
 * @param warnings problems found while reading that do not stop it, e.g. {@code duplicate field "metadata.name"}
 */
public record Manifest(String source, int document, int line, JsonNode tree, List<String> warnings) {

    public Manifest {
        warnings = List.copyOf(warnings);
    }

    public Manifest(String source, int document, int line, JsonNode tree) {
        this(source, document, line, tree, List.of());
    }

    /** {@code apiVersion}, or "" if absent. */
    public String apiVersion() {
        return tree.path("apiVersion").asText("");
    }

    /** {@code kind}, or "" if absent. */
    public String kind() {
        return tree.path("kind").asText("");
    }

    /** {@code metadata.name}, or "" if absent. */
    public String name() {
        return tree.path("metadata").path("name").asText("");
    }

    /** Where it came from, for messages: {@code pods/x.yaml (document 2, line 14)}. */
    public String where() {
        return source + " (document " + document + ", line " + line + ")";
    }
}
