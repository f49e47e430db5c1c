package kubelab.api.core;

/**
 * The values of a condition's {@code status}.
 *
 * <p>Real Kubernetes: {@code corev1.ConditionStatus}.
 */
public final class ConditionStatus {
    public static final String TRUE = "True";
    public static final String FALSE = "False";
    public static final String UNKNOWN = "Unknown";

    private ConditionStatus() {
    }
}
