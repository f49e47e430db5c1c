package kubelab.api.networking;

/**
 * The values of {@code spec.policyTypes}: the directions a NetworkPolicy governs.
 *
 * <p>Real Kubernetes: {@code networkingv1.PolicyType}.
 */
public final class PolicyType {
    public static final String INGRESS = "Ingress";
    public static final String EGRESS = "Egress";

    private PolicyType() {
    }
}
