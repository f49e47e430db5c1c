package kubelab.api.core;

/**
 * A Google Compute Engine persistent disk (legacy in-tree plugin, now served by a CSI driver).
 *
 * <p>Real Kubernetes: {@code corev1.GCEPersistentDiskVolumeSource}, also used by PersistentVolumes.
 */
public record GCEPersistentDiskVolumeSource(String pdName, String fsType, Integer partition, Boolean readOnly) {
}
