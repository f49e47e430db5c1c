package kubelab.api.core;

import java.util.List;

/**
 * A Ceph RBD image as a PersistentVolume: like {@link RBDVolumeSource}, with a Secret that names
 * its namespace.
 *
 * <p>Real Kubernetes: {@code corev1.RBDPersistentVolumeSource}.
 */
public record RBDPersistentVolumeSource(List<String> monitors, String image, String fsType, String pool,
                                        String user, String keyring, SecretReference secretRef, Boolean readOnly) {
    public RBDPersistentVolumeSource {
        monitors = Copies.list(monitors);
    }
}
