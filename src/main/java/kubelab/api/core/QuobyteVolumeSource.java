package kubelab.api.core;

/**
 * A Quobyte volume (legacy in-tree plugin).
 *
 * <p>Real Kubernetes: {@code corev1.QuobyteVolumeSource}, also used by PersistentVolumes.
 */
public record QuobyteVolumeSource(String registry, String volume, Boolean readOnly, String user, String group,
                                  String tenant) {
}
