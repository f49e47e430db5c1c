package kubelab.api.core;

/**
 * A Secret by name and namespace. Persistent volume sources use it, because a PersistentVolume
 * has no namespace of its own to look the Secret up in.
 *
 * <p>Real Kubernetes: {@code corev1.SecretReference}.
 */
public record SecretReference(String name, String namespace) {
}
