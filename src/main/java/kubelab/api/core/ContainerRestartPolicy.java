package kubelab.api.core;

/**
 * The values of a container's own {@code restartPolicy} (init containers only: Always marks a
 * sidecar), and of a restart rule's {@code action}.
 *
 * <p>Real Kubernetes: {@code corev1.ContainerRestartPolicy} and {@code ContainerRestartRuleAction}.
 */
public final class ContainerRestartPolicy {
    public static final String ALWAYS = "Always";
    public static final String NEVER = "Never";
    public static final String ON_FAILURE = "OnFailure";
    /** The only restart-rule action: restart the container in place. */
    public static final String RESTART = "Restart";

    private ContainerRestartPolicy() {
    }
}
