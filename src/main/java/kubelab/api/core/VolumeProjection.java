package kubelab.api.core;

/**
 * One source of a projected volume; exactly one field is set.
 *
 * <p>Real Kubernetes: {@code corev1.VolumeProjection}.
 */
public record VolumeProjection(SecretProjection secret, DownwardAPIProjection downwardAPI,
                               ConfigMapProjection configMap, ServiceAccountTokenProjection serviceAccountToken,
                               ClusterTrustBundleProjection clusterTrustBundle,
                               PodCertificateProjection podCertificate) {
}
