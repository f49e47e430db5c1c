package kubelab.api.core;

import java.util.List;

/**
 * An iSCSI disk as a PersistentVolume: like {@link ISCSIVolumeSource}, with a CHAP Secret that
 * names its namespace.
 *
 * <p>Real Kubernetes: {@code corev1.ISCSIPersistentVolumeSource}.
 */
public record ISCSIPersistentVolumeSource(String targetPortal, String iqn, Integer lun, String iscsiInterface,
                                          String fsType, Boolean readOnly, List<String> portals,
                                          Boolean chapAuthDiscovery, Boolean chapAuthSession,
                                          SecretReference secretRef, String initiatorName) {
    public ISCSIPersistentVolumeSource {
        portals = Copies.list(portals);
    }
}
