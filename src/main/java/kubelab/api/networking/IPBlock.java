package kubelab.api.networking;

import java.util.List;

/**
 * An IP range in CIDR form ({@code 172.17.0.0/16}) minus the ranges in {@code except}.
 *
 * <p>Real Kubernetes: {@code networkingv1.IPBlock}.
 */
public record IPBlock(String cidr, List<String> except) {
    public IPBlock {
        except = except == null ? List.of() : List.copyOf(except);
    }
}
