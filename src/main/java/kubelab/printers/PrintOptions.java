package kubelab.printers;

/**
 * The flags of {@code kubectl get} that change how a table prints: the namespace of the request
 * ({@code -n}, "default" when null; it only shows in the "No resources found in default namespace."
 * message), {@code -A/--all-namespaces} (a NAMESPACE column first), {@code -o wide} (the
 * priority-1 columns too) and {@code --no-headers}.
 *
 * <p>Real Kubernetes: {@code printers.PrintOptions} in {@code k8s.io/cli-runtime/pkg/printers}
 * ({@code WithNamespace}, {@code Wide}, {@code NoHeaders}; {@code WithKind}, {@code ShowLabels}
 * and {@code ColumnLabels} are left out).
 */
public record PrintOptions(String namespace, boolean allNamespaces, boolean wide, boolean noHeaders) {

    /** {@code kubectl get <kind> -n <namespace>}. */
    public static PrintOptions inNamespace(String namespace) {
        return new PrintOptions(namespace, false, false, false);
    }

    /** {@code kubectl get <kind> -A}. */
    public static PrintOptions acrossNamespaces() {
        return new PrintOptions(null, true, false, false);
    }

    /** The same options with {@code -o wide}. */
    public PrintOptions withWide() {
        return new PrintOptions(namespace, allNamespaces, true, noHeaders);
    }

    /** The same options with {@code --no-headers}. */
    public PrintOptions withNoHeaders() {
        return new PrintOptions(namespace, allNamespaces, wide, true);
    }
}
