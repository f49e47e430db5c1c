package kubelab.api.core;

/**
 * An OpenStack Cinder volume as a PersistentVolume: like {@link CinderVolumeSource}, with a Secret
 * that names its namespace.
 *
 * <p>Real Kubernetes: {@code corev1.CinderPersistentVolumeSource}.
 */
public record CinderPersistentVolumeSource(String volumeID, String fsType, Boolean readOnly,
                                           SecretReference secretRef) {
}
