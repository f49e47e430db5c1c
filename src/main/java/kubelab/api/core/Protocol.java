package kubelab.api.core;

/**
 * The values of a port's {@code protocol}.
 *
 * <p>Real Kubernetes: {@code corev1.Protocol}.
 */
public final class Protocol {
    public static final String TCP = "TCP";
    public static final String UDP = "UDP";
    public static final String SCTP = "SCTP";

    private Protocol() {
    }
}
