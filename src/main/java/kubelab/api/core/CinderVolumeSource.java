package kubelab.api.core;

/**
 * An OpenStack Cinder volume (legacy in-tree plugin).
 *
 * <p>Real Kubernetes: {@code corev1.CinderVolumeSource}.
 */
public record CinderVolumeSource(String volumeID, String fsType, Boolean readOnly, LocalObjectReference secretRef) {
}
