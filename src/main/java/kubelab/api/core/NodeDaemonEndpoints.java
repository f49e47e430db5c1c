package kubelab.api.core;

/**
 * Ports opened by daemons on the node; the API server reaches the kubelet (logs, exec) on
 * {@code kubeletEndpoint}.
 *
 * <p>Real Kubernetes: {@code corev1.NodeDaemonEndpoints}.
 */
public record NodeDaemonEndpoints(DaemonEndpoint kubeletEndpoint) {
}
