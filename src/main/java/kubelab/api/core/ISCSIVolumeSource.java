package kubelab.api.core;

import java.util.List;

/**
 * An iSCSI disk: a LUN of a target reached through a portal (legacy in-tree plugin).
 *
 * <p>Real Kubernetes: {@code corev1.ISCSIVolumeSource}.
 */
public record ISCSIVolumeSource(String targetPortal, String iqn, Integer lun, String iscsiInterface, String fsType,
                                Boolean readOnly, List<String> portals, Boolean chapAuthDiscovery,
                                Boolean chapAuthSession, LocalObjectReference secretRef, String initiatorName) {
    public ISCSIVolumeSource {
        portals = Copies.list(portals);
    }
}
