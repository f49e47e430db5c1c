package kubelab.api.core;

/**
 * The values of a pod's {@code restartPolicy}: when the kubelet restarts containers that exit.
 *
 * <p>Real Kubernetes: {@code corev1.RestartPolicy}.
 */
public final class RestartPolicy {
    /** Restart every exited container (the default; Deployments and ReplicaSets require it). */
    public static final String ALWAYS = "Always";
    /** Restart only containers that exit with a non-zero code. */
    public static final String ON_FAILURE = "OnFailure";
    /** Never restart; the pod ends Succeeded or Failed. */
    public static final String NEVER = "Never";

    private RestartPolicy() {
    }
}
