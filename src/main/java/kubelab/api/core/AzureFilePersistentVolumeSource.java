package kubelab.api.core;

/**
 * An Azure File share as a PersistentVolume: like {@link AzureFileVolumeSource}, plus the
 * namespace of the Secret holding the account key (default: the claim's namespace).
 *
 * <p>Real Kubernetes: {@code corev1.AzureFilePersistentVolumeSource}.
 */
public record AzureFilePersistentVolumeSource(String secretName, String shareName, Boolean readOnly,
                                              String secretNamespace) {
}
