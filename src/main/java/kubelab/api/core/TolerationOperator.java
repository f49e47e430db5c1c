package kubelab.api.core;

/**
 * The operators of a {@link Toleration}.
 *
 * <p>Real Kubernetes: {@code corev1.TolerationOperator}.
 */
public final class TolerationOperator {
    public static final String EXISTS = "Exists";
    public static final String EQUAL = "Equal";
    /** Numeric comparison with the taint's value (behind a feature gate). */
    public static final String LT = "Lt";
    /** Numeric comparison with the taint's value (behind a feature gate). */
    public static final String GT = "Gt";

    private TolerationOperator() {
    }
}
