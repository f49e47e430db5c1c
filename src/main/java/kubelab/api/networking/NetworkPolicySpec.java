package kubelab.api.networking;

import java.util.List;
import kubelab.api.meta.LabelSelector;

/**
 * The pods a policy applies to ({@code podSelector: {}} selects every pod of the namespace), the
 * ingress and egress rules that allow traffic, and which directions it governs
 * ({@code policyTypes}; when absent, Ingress always, and Egress if there are egress rules).
 *
 * <p>Real Kubernetes: {@code networkingv1.NetworkPolicySpec}.
 */
public record NetworkPolicySpec(LabelSelector podSelector, List<NetworkPolicyIngressRule> ingress,
                                List<NetworkPolicyEgressRule> egress, List<String> policyTypes) {
    public NetworkPolicySpec {
        ingress = ingress == null ? List.of() : List.copyOf(ingress);
        egress = egress == null ? List.of() : List.copyOf(egress);
        policyTypes = policyTypes == null ? List.of() : List.copyOf(policyTypes);
    }
}
