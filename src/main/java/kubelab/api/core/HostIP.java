package kubelab.api.core;

/**
 * One IP address of the node a pod runs on.
 *
 * <p>Real Kubernetes: {@code corev1.HostIP}.
 */
public record HostIP(String ip) {
}
