package kubelab.api.core;

/**
 * A StorageOS volume as a PersistentVolume: like {@link StorageOSVolumeSource}, with the Secret
 * given as a full object reference.
 *
 * <p>Real Kubernetes: {@code corev1.StorageOSPersistentVolumeSource}.
 */
public record StorageOSPersistentVolumeSource(String volumeName, String volumeNamespace, String fsType,
                                              Boolean readOnly, ObjectReference secretRef) {
}
