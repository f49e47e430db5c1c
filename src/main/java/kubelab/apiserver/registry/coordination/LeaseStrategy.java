package kubelab.apiserver.registry.coordination;

import java.util.ArrayList;
import java.util.List;
import kubelab.api.coordination.Lease;
import kubelab.api.coordination.LeaseSpec;
import kubelab.apiserver.FieldError;
import kubelab.apiserver.registry.Strategy;

/**
 * Leases: a lease lasts a positive number of seconds and has been handed over a non-negative
 * number of times; a preferred holder makes sense only with a strategy for choosing one.
 *
 * <p>Real Kubernetes: {@code pkg/registry/coordination/lease/strategy.go} and {@code ValidateLeaseSpec}
 * in {@code pkg/apis/coordination/validation/validation.go}.
 */
public final class LeaseStrategy implements Strategy<Lease> {
    private static final List<String> STRATEGIES = List.of("OldestEmulationVersion");

    @Override
    public List<FieldError> validate(Lease lease) {
        LeaseSpec spec = lease.spec();
        List<FieldError> errors = new ArrayList<>();
        if (spec == null) {
            return errors;
        }
        if (spec.leaseDurationSeconds() != null && spec.leaseDurationSeconds() <= 0) {
            errors.add(FieldError.invalid("spec.leaseDurationSeconds", spec.leaseDurationSeconds(), "must be greater than 0"));
        }
        if (spec.leaseTransitions() != null && spec.leaseTransitions() < 0) {
            errors.add(FieldError.invalid("spec.leaseTransitions", spec.leaseTransitions(), "must be greater than or equal to 0"));
        }
        if (spec.strategy() != null && !STRATEGIES.contains(spec.strategy())) {
            errors.add(FieldError.notSupported("spec.strategy", spec.strategy(), STRATEGIES));
        }
        if (spec.preferredHolder() != null && !spec.preferredHolder().isEmpty()
                && (spec.strategy() == null || spec.strategy().isEmpty())) {
            errors.add(FieldError.forbidden("spec.preferredHolder", "may only be specified if `strategy` is defined"));
        }
        return errors;
    }
}
