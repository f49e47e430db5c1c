package kubelab.api.core;

/**
 * Mounts the PersistentVolume bound to the named claim in the pod's namespace.
 *
 * <p>Real Kubernetes: {@code corev1.PersistentVolumeClaimVolumeSource}.
 */
public record PersistentVolumeClaimVolumeSource(String claimName, Boolean readOnly) {
}
