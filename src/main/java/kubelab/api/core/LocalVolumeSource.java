package kubelab.api.core;

/**
 * A disk, partition or directory attached to one node. The volume's {@code nodeAffinity} must name
 * that node, and pods using it are scheduled there; unlike hostPath it is safe for production.
 *
 * <p>Real Kubernetes: {@code corev1.LocalVolumeSource} (PersistentVolumes only).
 */
public record LocalVolumeSource(String path, String fsType) {
}
