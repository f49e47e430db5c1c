package kubelab.api.core;

/**
 * The values of a Service's {@code sessionAffinity}: {@code ClientIP} sends a client to the same
 * endpoint for {@code sessionAffinityConfig.clientIP.timeoutSeconds} (default 10800).
 *
 * <p>Real Kubernetes: {@code corev1.ServiceAffinity}.
 */
public final class ServiceAffinity {
    public static final String CLIENT_IP = "ClientIP";
    public static final String NONE = "None";

    private ServiceAffinity() {
    }
}
