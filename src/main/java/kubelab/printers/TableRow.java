package kubelab.printers;

import java.util.List;
import kubelab.api.meta.ObjectMeta;

/**
 * One row of a {@link Table}: one cell per column, already formatted as text, and the metadata of
 * the object the row describes (so a printer can add a NAMESPACE column without re-reading it).
 *
 * <p>Real Kubernetes: {@code metav1.TableRow}, whose {@code object} holds the object's metadata
 * (its cells may be numbers or booleans too; here they are already text).
 */
public record TableRow(List<String> cells, ObjectMeta object) {

    public TableRow {
        cells = List.copyOf(cells); // List.copyOf rejects null cells: every printer says "<none>"
    }
}
