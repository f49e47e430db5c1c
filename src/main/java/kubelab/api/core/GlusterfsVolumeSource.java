package kubelab.api.core;

/**
 * A GlusterFS volume (legacy in-tree plugin, removed in recent Kubernetes but still in the API).
 *
 * <p>Real Kubernetes: {@code corev1.GlusterfsVolumeSource}.
 */
public record GlusterfsVolumeSource(String endpoints, String path, Boolean readOnly) {
}
