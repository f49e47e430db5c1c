package kubelab.api.storage;

import java.util.List;
import java.util.Set;
import kubelab.api.ResourceType;

/**
 * The {@code storage.k8s.io/v1} group: StorageClasses, and the objects through which CSI drivers
 * meet the cluster (CSIDriver, CSINode, VolumeAttachment). All are cluster-scoped.
 *
 * <p>Real Kubernetes: {@code k8s.io/api/storage/v1/register.go} and the group's discovery document.
 */
public final class StorageV1 {
    public static final String GROUP = "storage.k8s.io";
    public static final String VERSION = "v1";
    public static final String API_VERSION = GROUP + "/" + VERSION;

    private StorageV1() {
    }

    /** The group's resources, as {@code kubectl api-resources --api-group=storage.k8s.io} lists them. */
    public static List<ResourceType> resourceTypes() {
        return List.of(
                new ResourceType(GROUP, VERSION, CSIDriver.KIND, "csidrivers", "csidriver", List.of(), false,
                        CSIDriver.class, Set.of(), List.of()),
                new ResourceType(GROUP, VERSION, CSINode.KIND, "csinodes", "csinode", List.of(), false,
                        CSINode.class, Set.of(), List.of()),
                new ResourceType(GROUP, VERSION, StorageClass.KIND, "storageclasses", "storageclass", List.of("sc"),
                        false, StorageClass.class, Set.of(), List.of()),
                new ResourceType(GROUP, VERSION, VolumeAttachment.KIND, "volumeattachments", "volumeattachment",
                        List.of(), false, VolumeAttachment.class, Set.of("status"), List.of()));
    }
}
