package kubelab.api.core;

/**
 * One downward-API file: its {@code path} and either a pod field ({@code metadata.labels}...) or a
 * container resource ({@code limits.cpu}...).
 *
 * <p>Real Kubernetes: {@code corev1.DownwardAPIVolumeFile}.
 */
public record DownwardAPIVolumeFile(String path, ObjectFieldSelector fieldRef,
                                    ResourceFieldSelector resourceFieldRef, Integer mode) {
}
