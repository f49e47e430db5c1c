package kubelab.api.core;

/**
 * An Azure data disk (legacy in-tree plugin, now served by a CSI driver).
 *
 * <p>Real Kubernetes: {@code corev1.AzureDiskVolumeSource}, also used by PersistentVolumes.
 */
public record AzureDiskVolumeSource(String diskName, String diskURI, String cachingMode, String fsType,
                                    Boolean readOnly, String kind) {
}
