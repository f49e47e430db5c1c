package kubelab.api.core;

/**
 * One key of a Secret in the pod's namespace.
 *
 * <p>Real Kubernetes: {@code corev1.SecretKeySelector}.
 */
public record SecretKeySelector(String name, String key, Boolean optional) {
}
