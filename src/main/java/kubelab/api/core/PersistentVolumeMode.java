package kubelab.api.core;

/**
 * The values of {@code volumeMode}: a formatted filesystem (the default) or a raw block device.
 *
 * <p>Real Kubernetes: {@code corev1.PersistentVolumeMode}.
 */
public final class PersistentVolumeMode {
    public static final String FILESYSTEM = "Filesystem";
    public static final String BLOCK = "Block";

    private PersistentVolumeMode() {
    }
}
