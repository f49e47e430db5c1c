package kubelab.api.core;

/**
 * The values of a container's own {@code restartPolicy}, which overrides the pod's; on an init
 * container, Always marks a sidecar.
 *
 * <p>Real Kubernetes: {@code corev1.ContainerRestartPolicy}.
 */
public final class ContainerRestartPolicy {
    public static final String ALWAYS = "Always";
    public static final String NEVER = "Never";
    public static final String ON_FAILURE = "OnFailure";

    private ContainerRestartPolicy() {
    }
}
