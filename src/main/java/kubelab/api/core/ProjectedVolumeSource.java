package kubelab.api.core;

import java.util.List;

/**
 * Several sources (Secrets, ConfigMaps, downward API, a service account token...) projected into
 * one directory.
 *
 * <p>Real Kubernetes: {@code corev1.ProjectedVolumeSource}.
 */
public record ProjectedVolumeSource(List<VolumeProjection> sources, Integer defaultMode) {
    public ProjectedVolumeSource {
        sources = Copies.list(sources);
    }
}
