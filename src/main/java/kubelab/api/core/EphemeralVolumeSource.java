package kubelab.api.core;

/**
 * A volume backed by a PersistentVolumeClaim that is created from the template with the pod and
 * deleted with it (named {@code <pod>-<volume>}).
 *
 * <p>Real Kubernetes: {@code corev1.EphemeralVolumeSource}.
 */
public record EphemeralVolumeSource(PersistentVolumeClaimTemplate volumeClaimTemplate) {
}
