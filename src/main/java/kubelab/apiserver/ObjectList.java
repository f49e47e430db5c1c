package kubelab.apiserver;

import java.util.List;

/**
 * The result of a list: the items, the resourceVersion they were read at (watch from it to miss
 * nothing), and a continue token if {@code limit} cut the list.
 *
 * <p>Real Kubernetes: a {@code <Kind>List} with {@code metav1.ListMeta}.
 */
public record ObjectList<T>(List<T> items, String resourceVersion, String continueToken, Long remainingItemCount) {
    public ObjectList {
        items = List.copyOf(items);
    }
}
