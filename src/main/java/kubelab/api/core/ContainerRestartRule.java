package kubelab.api.core;

/**
 * A rule that overrides the container's restart policy for some exit codes (alpha).
 *
 * <p>Real Kubernetes: {@code corev1.ContainerRestartRule}.
 */
public record ContainerRestartRule(String action, ContainerRestartRuleOnExitCodes exitCodes) {

    /** Restart the container in place. */
    public static final String ACTION_RESTART = "Restart";
    /** Restart every container of the pod. */
    public static final String ACTION_RESTART_ALL_CONTAINERS = "RestartAllContainers";
}
