package kubelab.api.core;

/**
 * An AWS EBS volume (legacy in-tree plugin, now served by a CSI driver).
 *
 * <p>Real Kubernetes: {@code corev1.AWSElasticBlockStoreVolumeSource}, also used by PersistentVolumes.
 */
public record AWSElasticBlockStoreVolumeSource(String volumeID, String fsType, Integer partition, Boolean readOnly) {
}
