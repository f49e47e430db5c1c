package kubelab.api.core;

/**
 * The values of a PersistentVolumeClaim's {@code status.phase}.
 *
 * <p>Real Kubernetes: {@code corev1.PersistentVolumeClaimPhase}.
 */
public final class PersistentVolumeClaimPhase {
    /** Not yet bound. */
    public static final String PENDING = "Pending";
    /** Bound to a volume. */
    public static final String BOUND = "Bound";
    /** Its volume is gone; the data is lost. */
    public static final String LOST = "Lost";

    private PersistentVolumeClaimPhase() {
    }
}
