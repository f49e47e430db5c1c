package kubelab.api.core;

import java.util.Map;

/**
 * A key and a certificate issued to the pod by a signer, written into a projected volume (alpha).
 *
 * <p>Real Kubernetes: {@code corev1.PodCertificateProjection}.
 */
public record PodCertificateProjection(String signerName, String keyType, Integer maxExpirationSeconds,
                                       String credentialBundlePath, String keyPath, String certificateChainPath,
                                       Map<String, String> userAnnotations) {
    public PodCertificateProjection {
        userAnnotations = Copies.map(userAnnotations);
    }
}
