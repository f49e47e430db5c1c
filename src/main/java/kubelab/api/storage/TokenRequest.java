package kubelab.api.storage;

/**
 * A service account token a CSI driver wants for the pods it mounts, for one audience.
 *
 * <p>Real Kubernetes: {@code storagev1.TokenRequest}.
 */
public record TokenRequest(String audience, Long expirationSeconds) {
}
