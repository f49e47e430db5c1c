package kubelab.api.core;

import kubelab.api.meta.IntOrString;

/**
 * A TCP connect to a port of the pod; an accepted connection is success.
 *
 * <p>Real Kubernetes: {@code corev1.TCPSocketAction}.
 */
public record TCPSocketAction(IntOrString port, String host) {
}
