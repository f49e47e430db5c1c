package kubelab.api.core;

/**
 * A file or directory of the node mounted into the pod; {@code type} says what must already be
 * there (see {@link HostPathType}), and an empty type checks nothing.
 *
 * <p>Real Kubernetes: {@code corev1.HostPathVolumeSource}, also used by PersistentVolumes.
 */
public record HostPathVolumeSource(String path, String type) {
}
