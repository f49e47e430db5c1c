package kubelab.api.core;

/**
 * A StorageOS volume (legacy in-tree plugin).
 *
 * <p>Real Kubernetes: {@code corev1.StorageOSVolumeSource}.
 */
public record StorageOSVolumeSource(String volumeName, String volumeNamespace, String fsType, Boolean readOnly,
                                    LocalObjectReference secretRef) {
}
