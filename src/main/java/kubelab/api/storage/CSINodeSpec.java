package kubelab.api.storage;

import java.util.List;
import kubelab.api.meta.PatchStrategy;

/**
 * The drivers registered on a node.
 *
 * <p>Real Kubernetes: {@code storagev1.CSINodeSpec}.
 */
public record CSINodeSpec(@PatchStrategy(value = "merge", mergeKey = "name") List<CSINodeDriver> drivers) {
    public CSINodeSpec {
        drivers = drivers == null ? List.of() : List.copyOf(drivers);
    }
}
