package kubelab.course;

import java.util.List;

/**
 * What one notebook cell did when it ran: what it printed, the value of its last expression, and
 * its errors (empty when it ran cleanly).
 *
 * <p>Real Kubernetes: none; this is course tooling. Jupyter keeps the same three things per cell as
 * its {@code stream}, {@code execute_result} and {@code error} outputs.
 *
 * @param index  the cell's position among all cells of the notebook, from 0 (or, in the kernel,
 *               the execution count)
 * @param source the cell's code
 * @param output what the cell printed to {@code System.out} and {@code System.err}, in order
 * @param value  the value of the cell's last snippet if it is an expression, as JShell renders it
 *               (strings in quotes); null otherwise, or if the cell failed
 * @param object the value itself, the object JShell rendered as {@code value} (null when there is
 *               no value, or the value is null): the kernel shows it by its type
 * @param errors one entry per error, each {@code "line N: ..."} with N counted within the cell;
 *               a cell stops at its first failing snippet, so there is rarely more than one
 */
public record CellResult(int index, String source, String output, String value, Object object, List<String> errors) {

    public CellResult {
        errors = List.copyOf(errors);
    }

    /** A result whose value is only text (or none). */
    public CellResult(int index, String source, String output, String value, List<String> errors) {
        this(index, source, output, value, null, errors);
    }

    /** True if the cell ran without an error. */
    public boolean ok() {
        return errors.isEmpty();
    }

    /** The cell's first non-blank line, to name it in a report. */
    public String firstLine() {
        return source.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
    }
}
