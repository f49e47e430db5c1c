package kubelab.api.core;

/**
 * The values of {@code accessModes} on volumes and claims: how many nodes (or pods) may mount it,
 * and whether read-write.
 *
 * <p>Real Kubernetes: {@code corev1.PersistentVolumeAccessMode}.
 */
public final class PersistentVolumeAccessMode {
    /** Read-write by a single node. kubectl shows RWO. */
    public static final String READ_WRITE_ONCE = "ReadWriteOnce";
    /** Read-only by many nodes. ROX. */
    public static final String READ_ONLY_MANY = "ReadOnlyMany";
    /** Read-write by many nodes. RWX. */
    public static final String READ_WRITE_MANY = "ReadWriteMany";
    /** Read-write by a single pod. RWOP. */
    public static final String READ_WRITE_ONCE_POD = "ReadWriteOncePod";

    private PersistentVolumeAccessMode() {
    }
}
