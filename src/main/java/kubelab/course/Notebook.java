package kubelab.course;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import kubelab.api.serialization.Json;

/**
 * A Jupyter notebook file ({@code .ipynb}, nbformat 4) as the course runs it: its code cells, by
 * position among all its cells. Markdown cells and stored outputs are ignored.
 *
 * <p>Real Kubernetes: none; this is course tooling. The format is Jupyter's
 * (nbformat.readthedocs.io).
 *
 * @param path      where it was read from
 * @param codeCells the source of each code cell, keyed by the cell's position (from 0)
 */
public record Notebook(Path path, SortedMap<Integer, String> codeCells) {

    public Notebook {
        codeCells = Collections.unmodifiableSortedMap(new TreeMap<>(codeCells));
    }

    /**
     * Reads a notebook file.
     *
     * @throws IllegalArgumentException if the file has no list of cells
     * @throws UncheckedIOException     if it cannot be read or is not JSON
     */
    public static Notebook read(Path path) {
        JsonNode cells;
        try {
            cells = Json.mapper().readTree(path.toFile()).path("cells");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the notebook " + path, e);
        }
        if (!cells.isArray()) {
            throw new IllegalArgumentException(path + " is not a notebook: it has no list of cells");
        }
        SortedMap<Integer, String> code = new TreeMap<>();
        for (int i = 0; i < cells.size(); i++) {
            JsonNode cell = cells.get(i);
            if (cell.path("cell_type").asText().equals("code")) {
                code.put(i, text(cell.path("source")));
            }
        }
        return new Notebook(path, code);
    }

    /** nbformat allows a source as one string or as a list of lines, each keeping its newline. */
    private static String text(JsonNode source) {
        if (source.isTextual()) {
            return source.asText();
        }
        StringBuilder sb = new StringBuilder();
        source.forEach(line -> sb.append(line.asText()));
        return sb.toString();
    }
}
