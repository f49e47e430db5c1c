package kubelab.api.core;

/**
 * The values of a Service's {@code ipFamilies} and the policies of {@code ipFamilyPolicy}.
 *
 * <p>Real Kubernetes: {@code corev1.IPFamily} and {@code corev1.IPFamilyPolicy}.
 */
public final class IPFamily {
    public static final String IPV4 = "IPv4";
    public static final String IPV6 = "IPv6";

    public static final String SINGLE_STACK = "SingleStack";
    public static final String PREFER_DUAL_STACK = "PreferDualStack";
    public static final String REQUIRE_DUAL_STACK = "RequireDualStack";

    private IPFamily() {
    }
}
