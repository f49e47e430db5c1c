package kubelab.api.core;

/**
 * Source-specific status of a mounted volume; today only image volumes report one.
 *
 * <p>Real Kubernetes: {@code corev1.VolumeStatus}.
 */
public record VolumeStatus(ImageVolumeStatus image) {
}
