package kubelab.api.core;

/**
 * A ScaleIO volume as a PersistentVolume: like {@link ScaleIOVolumeSource}, with a Secret that
 * names its namespace.
 *
 * <p>Real Kubernetes: {@code corev1.ScaleIOPersistentVolumeSource}.
 */
public record ScaleIOPersistentVolumeSource(String gateway, String system, SecretReference secretRef,
                                            Boolean sslEnabled, String protectionDomain, String storagePool,
                                            String storageMode, String volumeName, String fsType, Boolean readOnly) {
}
