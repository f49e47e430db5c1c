package kubelab.printers;

import java.util.Objects;

/**
 * One column of a {@link Table}: its name as Kubernetes spells it ({@code Name}, {@code Up-to-date},
 * {@code Nominated Node}; the printer upper-cases it) and its priority: 0 for a column
 * {@code kubectl get} always shows, 1 for one only {@code -o wide} shows.
 *
 * <p>Real Kubernetes: {@code metav1.TableColumnDefinition} (which also carries a type, a format and
 * a description, left out here).
 */
public record TableColumnDefinition(String name, int priority) {

    public TableColumnDefinition {
        Objects.requireNonNull(name, "name");
    }

    /** A column shown by every {@code kubectl get}. */
    public static TableColumnDefinition of(String name) {
        return new TableColumnDefinition(name, 0);
    }

    /** A column shown only by {@code kubectl get -o wide}. */
    public static TableColumnDefinition wide(String name) {
        return new TableColumnDefinition(name, 1);
    }
}
