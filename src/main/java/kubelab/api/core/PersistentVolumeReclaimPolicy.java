package kubelab.api.core;

/**
 * The values of {@code persistentVolumeReclaimPolicy}: what happens to a volume whose claim is deleted.
 *
 * <p>Real Kubernetes: {@code corev1.PersistentVolumeReclaimPolicy}.
 */
public final class PersistentVolumeReclaimPolicy {
    /** Keep the volume and its data, in phase Released, for an administrator (default for manual PVs). */
    public static final String RETAIN = "Retain";
    /** Delete the volume and its storage (default for provisioned PVs). */
    public static final String DELETE = "Delete";
    /** Wipe the data and make the volume Available again (deprecated). */
    public static final String RECYCLE = "Recycle";

    private PersistentVolumeReclaimPolicy() {
    }
}
