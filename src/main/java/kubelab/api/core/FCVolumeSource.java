package kubelab.api.core;

import java.util.List;

/**
 * A Fibre Channel disk, by target WWNs and LUN or by WWIDs (legacy in-tree plugin).
 *
 * <p>Real Kubernetes: {@code corev1.FCVolumeSource}, also used by PersistentVolumes.
 */
public record FCVolumeSource(List<String> targetWWNs, Integer lun, String fsType, Boolean readOnly,
                             List<String> wwids) {
    public FCVolumeSource {
        targetWWNs = Copies.list(targetWWNs);
        wwids = Copies.list(wwids);
    }
}
