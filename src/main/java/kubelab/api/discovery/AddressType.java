package kubelab.api.discovery;

/**
 * The values of an EndpointSlice's {@code addressType}; a dual-stack Service gets one slice per family.
 *
 * <p>Real Kubernetes: {@code discoveryv1.AddressType}.
 */
public final class AddressType {
    public static final String IPV4 = "IPv4";
    public static final String IPV6 = "IPv6";
    public static final String FQDN = "FQDN";

    private AddressType() {
    }
}
