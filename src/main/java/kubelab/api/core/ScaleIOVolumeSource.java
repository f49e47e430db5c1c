package kubelab.api.core;

/**
 * A Dell EMC ScaleIO volume (legacy in-tree plugin).
 *
 * <p>Real Kubernetes: {@code corev1.ScaleIOVolumeSource}.
 */
public record ScaleIOVolumeSource(String gateway, String system, LocalObjectReference secretRef, Boolean sslEnabled,
                                  String protectionDomain, String storagePool, String storageMode,
                                  String volumeName, String fsType, Boolean readOnly) {
}
