package kubelab.api.core;

import java.util.List;

/**
 * A Ceph RADOS block device (legacy in-tree plugin).
 *
 * <p>Real Kubernetes: {@code corev1.RBDVolumeSource}.
 */
public record RBDVolumeSource(List<String> monitors, String image, String fsType, String pool, String user,
                              String keyring, LocalObjectReference secretRef, Boolean readOnly) {
    public RBDVolumeSource {
        monitors = Copies.list(monitors);
    }
}
