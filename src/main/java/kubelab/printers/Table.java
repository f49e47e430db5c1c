package kubelab.printers;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code kubectl get} prints, as data: column definitions and rows of text cells. A table from
 * {@link Printers#table(List, java.time.Instant)} has every column, as the API server's Table does;
 * {@link #columnsFor(boolean)} keeps the ones a plain or a wide {@code get} shows, and
 * {@link #withNamespaceColumn()} adds the NAMESPACE column of {@code get -A}.
 *
 * <p>Real Kubernetes: {@code metav1.Table}, returned by the API server when a client asks for
 * {@code application/json;as=Table;g=meta.k8s.io;v=v1}; kubectl filters and decorates it in
 * {@code k8s.io/cli-runtime/pkg/printers/tableprinter.go}.
 */
public record Table(List<TableColumnDefinition> columnDefinitions, List<TableRow> rows) {

    /** A table with no columns and no rows: what an empty list prints as. */
    public static final Table EMPTY = new Table(List.of(), List.of());

    public Table {
        columnDefinitions = List.copyOf(columnDefinitions);
        rows = List.copyOf(rows);
        for (TableRow row : rows) {
            if (row.cells().size() != columnDefinitions.size()) {
                throw new IllegalArgumentException("row has " + row.cells().size() + " cells for "
                        + columnDefinitions.size() + " columns: " + row.cells());
            }
        }
    }

    /** The column names, in order. */
    public List<String> columnNames() {
        return columnDefinitions.stream().map(TableColumnDefinition::name).toList();
    }

    /** The cells of every row, in order. */
    public List<List<String>> cells() {
        return rows.stream().map(TableRow::cells).toList();
    }

    /**
     * The columns a {@code kubectl get} shows: priority 0 only, or every column with {@code -o wide}.
     */
    public Table columnsFor(boolean wide) {
        if (wide) {
            return this;
        }
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < columnDefinitions.size(); i++) {
            if (columnDefinitions.get(i).priority() == 0) {
                keep.add(i);
            }
        }
        List<TableColumnDefinition> columns = keep.stream().map(columnDefinitions::get).toList();
        List<TableRow> kept = rows.stream()
                .map(r -> new TableRow(keep.stream().map(r.cells()::get).toList(), r.object()))
                .toList();
        return new Table(columns, kept);
    }

    /** This table with a first NAMESPACE column taken from each row's object, as {@code kubectl get -A}. */
    public Table withNamespaceColumn() {
        List<TableColumnDefinition> columns = new ArrayList<>();
        columns.add(TableColumnDefinition.of("Namespace"));
        columns.addAll(columnDefinitions);
        List<TableRow> withNamespace = new ArrayList<>();
        for (TableRow r : rows) {
            List<String> cells = new ArrayList<>();
            String ns = r.object() == null ? null : r.object().namespace();
            cells.add(ns == null ? "" : ns);
            cells.addAll(r.cells());
            withNamespace.add(new TableRow(cells, r.object()));
        }
        return new Table(columns, withNamespace);
    }
}
