package kubelab.api.core;

/**
 * One backend address (a pod IP), the node it runs on and the pod it belongs to.
 *
 * <p>Real Kubernetes: {@code corev1.EndpointAddress}.
 */
public record EndpointAddress(String ip, String hostname, String nodeName, ObjectReference targetRef) {
}
