package kubelab.api.core;

import java.util.List;

/**
 * Downward-API files placed into a projected volume.
 *
 * <p>Real Kubernetes: {@code corev1.DownwardAPIProjection}.
 */
public record DownwardAPIProjection(List<DownwardAPIVolumeFile> items) {
    public DownwardAPIProjection {
        items = Copies.list(items);
    }
}
