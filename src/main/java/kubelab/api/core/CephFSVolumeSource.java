package kubelab.api.core;

import java.util.List;

/**
 * A CephFS file system (legacy in-tree plugin).
 *
 * <p>Real Kubernetes: {@code corev1.CephFSVolumeSource}.
 */
public record CephFSVolumeSource(List<String> monitors, String path, String user, String secretFile,
                                 LocalObjectReference secretRef, Boolean readOnly) {
    public CephFSVolumeSource {
        monitors = Copies.list(monitors);
    }
}
