package kubelab.api.storage;

/**
 * The values of a StorageClass's {@code volumeBindingMode}.
 *
 * <p>Real Kubernetes: {@code storagev1.VolumeBindingMode}.
 */
public final class VolumeBindingMode {
    /** Bind (or provision) as soon as the claim is created; the default. */
    public static final String IMMEDIATE = "Immediate";
    /** Wait until a pod using the claim is scheduled, then pick a volume the pod's node can reach. */
    public static final String WAIT_FOR_FIRST_CONSUMER = "WaitForFirstConsumer";

    private VolumeBindingMode() {
    }
}
