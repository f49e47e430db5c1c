package kubelab.api.core;

/**
 * The effects of a taint (and of a toleration's {@code effect}).
 *
 * <p>Real Kubernetes: {@code corev1.TaintEffect}.
 */
public final class TaintEffect {
    /** New pods without a toleration are not scheduled; running ones stay. */
    public static final String NO_SCHEDULE = "NoSchedule";
    /** The scheduler avoids the node if it can. */
    public static final String PREFER_NO_SCHEDULE = "PreferNoSchedule";
    /** Running pods without a toleration are evicted too. */
    public static final String NO_EXECUTE = "NoExecute";

    private TaintEffect() {
    }
}
