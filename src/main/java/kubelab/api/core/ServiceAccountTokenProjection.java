package kubelab.api.core;

/**
 * A bound service account token written to {@code path}, for {@code audience}, which the kubelet
 * renews before it expires.
 *
 * <p>Real Kubernetes: {@code corev1.ServiceAccountTokenProjection}.
 */
public record ServiceAccountTokenProjection(String audience, Long expirationSeconds, String path) {
}
