package kubelab.api.core;

/**
 * A vSphere VMDK (legacy in-tree plugin, now served by a CSI driver).
 *
 * <p>Real Kubernetes: {@code corev1.VsphereVirtualDiskVolumeSource}, also used by PersistentVolumes.
 */
public record VsphereVirtualDiskVolumeSource(String volumePath, String fsType, String storagePolicyName,
                                             String storagePolicyID) {
}
