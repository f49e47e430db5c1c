package kubelab.api.core;

/**
 * The SELinux label applied to a container.
 *
 * <p>Real Kubernetes: {@code corev1.SELinuxOptions}.
 */
public record SELinuxOptions(String user, String role, String type, String level) {
}
