package kubelab.client;

import java.util.List;
import kubelab.api.meta.KubeObject;

/**
 * Computes the values under which an {@link Indexer} files an object in one index: pods by
 * {@code spec.nodeName}, objects by namespace, ReplicaSets by owner uid. An object may have no
 * value (it is not in that index) or several.
 *
 * <p>Real Kubernetes: {@code cache.IndexFunc}; {@link #metaNamespace()} is
 * {@code cache.MetaNamespaceIndexFunc}.
 */
@FunctionalInterface
public interface IndexFunc<T> {

    /** The index values of {@code obj}; never null, possibly empty. Must not depend on anything but {@code obj}. */
    List<String> apply(T obj);

    /** Indexes objects by namespace ({@code ""} for cluster-scoped ones). */
    static <T extends KubeObject> IndexFunc<T> metaNamespace() {
        return obj -> List.of(obj.namespace() == null ? "" : obj.namespace());
    }
}
