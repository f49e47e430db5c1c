package kubelab.api.core;

/**
 * A Portworx volume (legacy in-tree plugin).
 *
 * <p>Real Kubernetes: {@code corev1.PortworxVolumeSource}, also used by PersistentVolumes.
 */
public record PortworxVolumeSource(String volumeID, String fsType, Boolean readOnly) {
}
