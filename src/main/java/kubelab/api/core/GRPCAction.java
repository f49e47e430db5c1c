package kubelab.api.core;

/**
 * A call to the standard gRPC health service on {@code port}; SERVING is success.
 *
 * <p>Real Kubernetes: {@code corev1.GRPCAction}.
 */
public record GRPCAction(Integer port, String service) {
}
