package kubelab.api.core;

/**
 * A runtime handler (RuntimeClass target) the node's container runtime offers; the empty name is the default.
 *
 * <p>Real Kubernetes: {@code corev1.NodeRuntimeHandler}.
 */
public record NodeRuntimeHandler(String name, NodeRuntimeHandlerFeatures features) {
}
