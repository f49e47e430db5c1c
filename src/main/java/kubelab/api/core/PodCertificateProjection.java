package kubelab.api.core;

/**
 * A key and a certificate issued to the pod by a signer, written into a projected volume (alpha).
 *
 * <p>Real Kubernetes: {@code corev1.PodCertificateProjection}.
 */
public record PodCertificateProjection(String signerName, String keyType, Integer maxExpirationSeconds,
                                       String credentialBundlePath, String keyPath, String certificateChainPath) {
}
