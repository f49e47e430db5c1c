package kubelab.api.coordination;

import kubelab.api.meta.MicroTime;

/**
 * Who holds the lease, for how long a renewal lasts, when it was taken and last renewed, and how
 * often it changed hands. A candidate may take it over once {@code renewTime + leaseDurationSeconds}
 * has passed. {@code strategy} and {@code preferredHolder} serve coordinated leader election.
 *
 * <p>Real Kubernetes: {@code coordinationv1.LeaseSpec}.
 */
public record LeaseSpec(String holderIdentity, Integer leaseDurationSeconds, MicroTime acquireTime,
                        MicroTime renewTime, Integer leaseTransitions, String strategy, String preferredHolder) {

    public LeaseSpec withHolderIdentity(String holderIdentity) {
        return new LeaseSpec(holderIdentity, leaseDurationSeconds, acquireTime, renewTime, leaseTransitions,
                strategy, preferredHolder);
    }

    public LeaseSpec withAcquireTime(MicroTime acquireTime) {
        return new LeaseSpec(holderIdentity, leaseDurationSeconds, acquireTime, renewTime, leaseTransitions,
                strategy, preferredHolder);
    }

    public LeaseSpec withRenewTime(MicroTime renewTime) {
        return new LeaseSpec(holderIdentity, leaseDurationSeconds, acquireTime, renewTime, leaseTransitions,
                strategy, preferredHolder);
    }

    public LeaseSpec withLeaseTransitions(Integer leaseTransitions) {
        return new LeaseSpec(holderIdentity, leaseDurationSeconds, acquireTime, renewTime, leaseTransitions,
                strategy, preferredHolder);
    }
}
