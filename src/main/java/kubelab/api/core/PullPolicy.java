package kubelab.api.core;

/**
 * The values of {@code imagePullPolicy}.
 *
 * <p>Real Kubernetes: {@code corev1.PullPolicy}.
 */
public final class PullPolicy {
    public static final String ALWAYS = "Always";
    public static final String IF_NOT_PRESENT = "IfNotPresent";
    public static final String NEVER = "Never";

    private PullPolicy() {
    }
}
