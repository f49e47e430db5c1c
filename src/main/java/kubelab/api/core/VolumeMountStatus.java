package kubelab.api.core;

/**
 * How a volume mount of a running container actually ended up.
 *
 * <p>Real Kubernetes: {@code corev1.VolumeMountStatus}.
 */
public record VolumeMountStatus(String name, String mountPath, Boolean readOnly, String recursiveReadOnly,
                                VolumeStatus volumeStatus) {
}
