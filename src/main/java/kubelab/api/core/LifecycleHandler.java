package kubelab.api.core;

/**
 * One lifecycle hook; exactly one action is set.
 *
 * <p>Real Kubernetes: {@code corev1.LifecycleHandler}.
 */
public record LifecycleHandler(ExecAction exec, HTTPGetAction httpGet, TCPSocketAction tcpSocket,
                               SleepAction sleep) {
}
