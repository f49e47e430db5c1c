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
 * A Jupyter notebook file ({@code .ipynb}, nbformat 4) as the course runs it: its code cells and
 * its markdown cells, by position among all its cells. Stored outputs are ignored.
 *
 * <p>Real Kubernetes: none; this is course tooling. The format is Jupyter's
 * (nbformat.readthedocs.io).
 *
 * @param path      where it was read from
 * @param codeCells     the source of each code cell, keyed by the cell's position (from 0)
 * @param markdownCells the text of each markdown cell, keyed the same way
 */
public record Notebook(Path path, SortedMap<Integer, String> codeCells, SortedMap<Integer, String> markdownCells) {

    public Notebook {
        codeCells = Collections.unmodifiableSortedMap(new TreeMap<>(codeCells));
        markdownCells = Collections.unmodifiableSortedMap(new TreeMap<>(markdownCells));
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
        SortedMap<Integer, String> markdown = new TreeMap<>();
        for (int i = 0; i < cells.size(); i++) {
            JsonNode cell = cells.get(i);
            switch (cell.path("cell_type").asText()) {
                case "code" -> code.put(i, text(cell.path("source")));
                case "markdown" -> markdown.put(i, text(cell.path("source")));
                default -> { }
            }
        }
        return new Notebook(path, code, markdown);
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
