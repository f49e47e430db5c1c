package kubelab.printers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kubelab.api.meta.KubeObject;

/**
 * How one kind prints: its column definitions and a function from one object (and the time now,
 * for the AGE column) to its cells, one per column.
 *
 * <p>Real Kubernetes: {@code TableHandler(columnDefinitions, printFunc)} registered in
 * {@code AddHandlers} of {@code pkg/printers/internalversion/printers.go}.
 */
record TableHandler<T extends KubeObject>(Class<T> type, List<TableColumnDefinition> columns, RowPrinter<T> printer) {

    /** The cells of one object's row. */
    @FunctionalInterface
    interface RowPrinter<T> {
        List<String> cells(T object, Instant now);
    }

    TableHandler {
        columns = List.copyOf(columns);
    }

    static <T extends KubeObject> TableHandler<T> of(Class<T> type, List<TableColumnDefinition> columns,
                                                     RowPrinter<T> printer) {
        return new TableHandler<>(type, columns, printer);
    }

    /** The table of these objects, every column included. */
    Table table(List<? extends KubeObject> objects, Instant now) {
        List<TableRow> rows = new ArrayList<>(objects.size());
        for (KubeObject obj : objects) {
            rows.add(new TableRow(printer.cells(type.cast(obj), now), obj.metadata()));
        }
        return new Table(columns, rows);
    }
}
