package kubelab.api.core;

/**
 * The digest of the image an image volume was mounted from.
 *
 * <p>Real Kubernetes: {@code corev1.ImageVolumeStatus}.
 */
public record ImageVolumeStatus(String imageRef) {
}
