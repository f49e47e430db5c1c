package kubelab.api.core;

import kubelab.api.meta.LabelSelector;

/**
 * The certificates of ClusterTrustBundles (by name, or by signer and labels) written to one file.
 *
 * <p>Real Kubernetes: {@code corev1.ClusterTrustBundleProjection}.
 */
public record ClusterTrustBundleProjection(String name, String signerName, LabelSelector labelSelector,
                                           Boolean optional, String path) {
}
