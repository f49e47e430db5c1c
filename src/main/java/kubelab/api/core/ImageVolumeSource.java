package kubelab.api.core;

/**
 * An OCI image (or artifact) mounted read-only as a volume; {@code pullPolicy} as for containers.
 *
 * <p>Real Kubernetes: {@code corev1.ImageVolumeSource}.
 */
public record ImageVolumeSource(String reference, String pullPolicy) {
}
