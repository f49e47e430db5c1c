package kubelab.api.core;

import java.util.List;

/**
 * A CephFS mount as a PersistentVolume: like {@link CephFSVolumeSource}, with a Secret that names
 * its namespace.
 *
 * <p>Real Kubernetes: {@code corev1.CephFSPersistentVolumeSource}.
 */
public record CephFSPersistentVolumeSource(List<String> monitors, String path, String user, String secretFile,
                                           SecretReference secretRef, Boolean readOnly) {
    public CephFSPersistentVolumeSource {
        monitors = Copies.list(monitors);
    }
}
