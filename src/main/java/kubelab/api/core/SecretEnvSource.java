package kubelab.api.core;

/**
 * The Secret an {@code envFrom} entry reads.
 *
 * <p>Real Kubernetes: {@code corev1.SecretEnvSource}.
 */
public record SecretEnvSource(String name, Boolean optional) {
}
