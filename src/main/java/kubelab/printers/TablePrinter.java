package kubelab.printers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints a {@link Table} as {@code kubectl get} does: a header line of upper-cased column names,
 * then one line per row, aligned by {@link TabWriter}. A table without rows prints nothing (not
 * even the header); {@code kubectl get} then says "No resources found..." on standard error,
 * which {@link #noResourcesFound(String)} words.
 *
 * <p>Real Kubernetes: {@code HumanReadablePrinter.PrintObj} and {@code printTable} in
 * {@code k8s.io/cli-runtime/pkg/printers/tableprinter.go}; the message is in
 * {@code k8s.io/kubectl/pkg/cmd/get/get.go}.
 */
public final class TablePrinter {

    private TablePrinter() {
    }

    /** The lines of the table, header first; no lines for a table without rows. */
    public static List<String> lines(Table table) {
        return lines(table, false);
    }

    /** The lines of the table, with or without the header line. */
    public static List<String> lines(Table table, boolean noHeaders) {
        if (table.rows().isEmpty()) {
            return List.of();
        }
        List<List<String>> lines = new ArrayList<>();
        if (!noHeaders) {
            lines.add(table.columnNames().stream().map(n -> n.toUpperCase(Locale.ROOT)).toList());
        }
        lines.addAll(table.cells());
        return TabWriter.align(lines);
    }

    /** The table as text, each line ending in a newline; "" for a table without rows. */
    public static String print(Table table) {
        return join(lines(table));
    }

    /**
     * What {@code kubectl get} says when it finds nothing: {@code No resources found in default
     * namespace.} in one namespace, {@code No resources found} with {@code -A} (namespace null).
     */
    public static String noResourcesFound(String namespace) {
        return namespace == null ? "No resources found" : "No resources found in " + namespace + " namespace.";
    }

    static String join(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            sb.append(line).append('\n');
        }
        return sb.toString();
    }
}
