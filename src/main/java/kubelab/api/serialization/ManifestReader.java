package kubelab.api.serialization;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads manifest files the way {@code kubectl apply -f} does, into untyped {@link Manifest}s:
 *
 * <ul>
 *   <li>YAML with any number of documents separated by {@code ---}, in block style or in KYAML
 *       flow style (quoted strings, {@code {...}} and {@code [...]}, a comma allowed after the last
 *       item); a document may end with {@code ...}; empty documents are skipped;</li>
 *   <li>JSON: a text whose first non-blank character is <code>{</code>, holding one or more objects
 *       (if it does not parse as JSON it is tried as YAML, for KYAML without its {@code ---});</li>
 *   <li>a {@code List} (any kind ending in {@code List} with an {@code items} array) becomes one
 *       manifest per item;</li>
 *   <li>a directory means its {@code .json}, {@code .yaml} and {@code .yml} files, in name order.</li>
 * </ul>
 *
 * <p>YAML is read as Kubernetes reads it (YAML 1.1, like go-yaml v2): {@code yes} and {@code on}
 * are booleans, {@code 0644} is octal (420). Numbers stay exact.
 *
 * <p>Syntax errors become a {@link ManifestException} naming file, line and column
 * ({@code pods/bad.yaml:7:3: mapping values are not allowed here}).
 *
 * <p>Real Kubernetes: {@code k8s.io/apimachinery/pkg/util/yaml.YAMLOrJSONDecoder} and the file
 * visitors of {@code k8s.io/cli-runtime/pkg/resource}.
 */
public final class ManifestReader {
    private static final JsonFactory JSON = new JsonFactory();
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final List<String> EXTENSIONS = List.of(".json", ".yaml", ".yml");

    private ManifestReader() {
    }

    /** Reads a file, or the manifest files directly inside a directory. */
    public static List<Manifest> read(Path path) {
        return read(path, false);
    }

    /** Reads a file, or the manifest files in a directory and, if {@code recursive}, below it ({@code -R}). */
    public static List<Manifest> read(Path path, boolean recursive) {
        if (!Files.exists(path)) {
            throw new ManifestException("the path \"" + path + "\" does not exist", path.toString(), 0, 0);
        }
        if (!Files.isDirectory(path)) {
            return read(path.toString(), readString(path));
        }
        List<Manifest> out = new ArrayList<>();
        try (Stream<Path> files = recursive ? Files.walk(path) : Files.list(path)) {
            for (Path file : files.filter(Files::isRegularFile).filter(ManifestReader::isManifestFile).sorted().toList()) {
                out.addAll(read(file.toString(), readString(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static boolean isManifestFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ManifestException("the path \"" + file + "\" does not exist", file.toString(), 0, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads manifest text.
     *
     * @param source the name to use in messages, usually the file name
     * @throws ManifestException for a syntax error or a document that is not an object
     */
    public static List<Manifest> read(String source, String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        if (!text.stripLeading().startsWith("{")) {
            return parse(source, text, false);
        }
        // Looks like JSON. KYAML written without its leading "---" also starts with "{", so, as
        // kubectl does, try YAML when JSON fails, and report the JSON error if both fail.
        try {
            return parse(source, text, true);
        } catch (ManifestException jsonError) {
            try {
                return parse(source, text, false);
            } catch (ManifestException yamlError) {
                throw jsonError;
            }
        }
    }

    private static List<Manifest> parse(String source, String text, boolean json) {
        List<Manifest> out = new ArrayList<>();
        try (JsonParser p = json ? JSON.createParser(text) : YAML.createParser(text)) {
            int document = 0;
            // Each top-level value is one document (YAML) or one object of a JSON stream.
            while (p.nextToken() != null) {
                document++;
                int line = p.currentTokenLocation().getLineNr();
                TreeReader reader = new TreeReader();
                JsonNode tree = reader.read(p);
                if (tree.isNull()) {
                    continue; // an empty document, e.g. "---" followed by "---"
                }
                Manifest manifest = new Manifest(source, document, line, tree, reader.duplicates());
                requireObject(manifest);
                if (isList(tree)) {
                    out.addAll(items(manifest, reader.itemLines()));
                } else {
                    out.add(manifest);
                }
            }
        } catch (TreeReader.TreeException e) {
            throw new ManifestException(source + ":" + e.line + ":" + e.column + ": " + e.getMessage(), source, e.line, e.column);
        } catch (JsonProcessingException e) {
            throw syntaxError(source, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void requireObject(Manifest m) {
        if (!m.tree().isObject()) {
            String what = m.tree().isArray() ? "a list" : "a " + m.tree().getNodeType().name().toLowerCase(Locale.ROOT);
            throw new ManifestException(m.where() + ": a manifest must be an object, not " + what, m.source(), m.line(), 0);
        }
    }

    /** kubectl flattens any {@code *List} with {@code items}, e.g. {@code v1 List} or the output of {@code get -o yaml}. */
    private static boolean isList(JsonNode tree) {
        return tree.path("kind").asText("").endsWith("List") && tree.path("items").isArray();
    }

    private static List<Manifest> items(Manifest list, List<Integer> lines) {
        List<Manifest> out = new ArrayList<>();
        JsonNode items = list.tree().path("items");
        for (int i = 0; i < items.size(); i++) {
            String prefix = "duplicate field \"items[" + i + "].";
            List<String> warnings = new ArrayList<>();
            for (String w : list.warnings()) {
                if (w.startsWith(prefix)) {
                    warnings.add("duplicate field \"" + w.substring(prefix.length()));
                } else if (i == 0 && !w.startsWith("duplicate field \"items[")) {
                    warnings.add(w); // a duplicate in the List itself goes with its first item
                }
            }
            Manifest item = new Manifest(list.source(), list.document(), lines.get(i), items.get(i), warnings);
            requireObject(item);
            out.add(item);
        }
        return out;
    }

    /** {@code file:line:column: problem}, from SnakeYAML's marks or Jackson's location. */
    private static ManifestException syntaxError(String source, JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException y) {
                Mark mark = y.getProblemMark() != null ? y.getProblemMark() : y.getContextMark();
                String problem = y.getProblem() != null ? y.getProblem() : y.getContext();
                int line = mark == null ? 0 : mark.getLine() + 1;
                int column = mark == null ? 0 : mark.getColumn() + 1;
                return new ManifestException(source + ":" + line + ":" + column + ": " + problem, source, line, column);
            }
        }
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
        return new ManifestException(source + ":" + line + ":" + column + ": " + TreeReader.problem(e), source, line, column);
    }
}
