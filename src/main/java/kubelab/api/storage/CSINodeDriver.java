package kubelab.api.storage;

import java.util.List;

/**
 * One driver on a node: its name, the id it gave the node ({@code NodeGetInfo}), the node labels
 * that describe its topology, and the number of volumes it can attach there.
 *
 * <p>Real Kubernetes: {@code storagev1.CSINodeDriver}.
 */
public record CSINodeDriver(String name, String nodeID, List<String> topologyKeys, VolumeNodeResources allocatable) {
    public CSINodeDriver {
        topologyKeys = topologyKeys == null ? List.of() : List.copyOf(topologyKeys);
    }
}
