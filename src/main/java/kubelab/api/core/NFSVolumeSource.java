package kubelab.api.core;

/**
 * An NFS export mounted into the pod; its contents outlive the pod.
 *
 * <p>Real Kubernetes: {@code corev1.NFSVolumeSource}, also used by PersistentVolumes.
 */
public record NFSVolumeSource(String server, String path, Boolean readOnly) {
}
