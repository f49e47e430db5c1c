package kubelab.api.core;

/**
 * The values of a PersistentVolume's {@code status.phase}.
 *
 * <p>Real Kubernetes: {@code corev1.PersistentVolumePhase}.
 */
public final class PersistentVolumePhase {
    /** Not yet available (e.g. still being provisioned). */
    public static final String PENDING = "Pending";
    /** Free, not bound to a claim. */
    public static final String AVAILABLE = "Available";
    /** Bound to a claim. */
    public static final String BOUND = "Bound";
    /** Its claim was deleted; the reclaim policy has not yet acted. */
    public static final String RELEASED = "Released";
    /** Automatic reclamation failed. */
    public static final String FAILED = "Failed";

    private PersistentVolumePhase() {
    }
}
