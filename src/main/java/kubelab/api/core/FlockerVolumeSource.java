package kubelab.api.core;

/**
 * A Flocker dataset (legacy in-tree plugin); give the name or the UUID.
 *
 * <p>Real Kubernetes: {@code corev1.FlockerVolumeSource}, also used by PersistentVolumes.
 */
public record FlockerVolumeSource(String datasetName, String datasetUUID) {
}
