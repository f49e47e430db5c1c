package kubelab.api.core;

/**
 * Mounts a pod volume (by {@code name}) at {@code mountPath} in a container, optionally only its
 * {@code subPath}. {@code mountPropagation} is None, HostToContainer or Bidirectional.
 *
 * <p>Real Kubernetes: {@code corev1.VolumeMount}.
 */
public record VolumeMount(String name, Boolean readOnly, String recursiveReadOnly, String mountPath, String subPath,
                          String mountPropagation, String subPathExpr) {

    public static VolumeMount of(String name, String mountPath) {
        return new VolumeMount(name, null, null, mountPath, null, null, null);
    }
}
