package kubelab.api.core;

import java.util.List;

/**
 * The pod's own metadata and resources shown as files: one file per item, refreshed when labels
 * or annotations change.
 *
 * <p>Real Kubernetes: {@code corev1.DownwardAPIVolumeSource}.
 */
public record DownwardAPIVolumeSource(List<DownwardAPIVolumeFile> items, Integer defaultMode) {
    public DownwardAPIVolumeSource {
        items = Copies.list(items);
    }
}
