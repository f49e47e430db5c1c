package kubelab.api.core;

/**
 * An Azure File share (legacy in-tree plugin, now served by a CSI driver).
 *
 * <p>Real Kubernetes: {@code corev1.AzureFileVolumeSource}.
 */
public record AzureFileVolumeSource(String secretName, String shareName, Boolean readOnly) {
}
