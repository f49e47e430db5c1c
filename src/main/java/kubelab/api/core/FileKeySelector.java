package kubelab.api.core;

/**
 * One key of an env file written into an emptyDir volume by an init container (alpha).
 *
 * <p>Real Kubernetes: {@code corev1.FileKeySelector}.
 */
public record FileKeySelector(String volumeName, String path, String key, Boolean optional) {
}
