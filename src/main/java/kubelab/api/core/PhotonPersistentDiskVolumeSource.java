package kubelab.api.core;

/**
 * A Photon Controller persistent disk (legacy in-tree plugin).
 *
 * <p>Real Kubernetes: {@code corev1.PhotonPersistentDiskVolumeSource}, also used by PersistentVolumes.
 */
public record PhotonPersistentDiskVolumeSource(String pdID, String fsType) {
}
