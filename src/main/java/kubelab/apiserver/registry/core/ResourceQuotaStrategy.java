package kubelab.apiserver.registry.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kubelab.api.core.ResourceQuota;
import kubelab.api.core.ResourceQuotaScope;
import kubelab.api.core.ResourceQuotaSpec;
import kubelab.api.resource.Quantity;
import kubelab.apiserver.FieldError;
import kubelab.apiserver.registry.Strategy;
import kubelab.apiserver.registry.validation.GoValue;

/**
 * ResourceQuotas: each {@code hard} limit names a resource a quota can count ({@code requests.cpu},
 * {@code pods}, {@code services.nodeports}, {@code count/deployments.apps}, ...) with an amount that
 * is not negative and, for counted objects, whole; scopes are known ones that do not contradict
 * each other; and the scopes never change, since usage was counted under them.
 *
 * <p>Real Kubernetes: {@code pkg/registry/core/resourcequota/strategy.go} and
 * {@code ValidateResourceQuota} / {@code ValidateResourceQuotaUpdate}.
 */
public final class ResourceQuotaStrategy implements Strategy<ResourceQuota> {
    private static final Set<String> SCOPES = Set.of(ResourceQuotaScope.TERMINATING, ResourceQuotaScope.NOT_TERMINATING,
            ResourceQuotaScope.BEST_EFFORT, ResourceQuotaScope.NOT_BEST_EFFORT, ResourceQuotaScope.PRIORITY_CLASS,
            ResourceQuotaScope.CROSS_NAMESPACE_POD_AFFINITY, ResourceQuotaScope.VOLUME_ATTRIBUTES_CLASS);

    @Override
    public List<FieldError> validate(ResourceQuota quota) {
        ResourceQuotaSpec spec = quota.spec() == null ? new ResourceQuotaSpec(null, null, null) : quota.spec();
        List<FieldError> errors = new ArrayList<>(hard(spec.hard(), "spec.hard"));
        for (String scope : spec.scopes()) {
            if (!SCOPES.contains(scope)) {
                errors.add(FieldError.invalid("spec.scopes", GoValue.stringSlice(spec.scopes()), "unsupported scope"));
            }
        }
        if ((spec.scopes().contains(ResourceQuotaScope.BEST_EFFORT) && spec.scopes().contains(ResourceQuotaScope.NOT_BEST_EFFORT))
                || (spec.scopes().contains(ResourceQuotaScope.TERMINATING)
                && spec.scopes().contains(ResourceQuotaScope.NOT_TERMINATING))) {
            errors.add(FieldError.invalid("spec.scopes", GoValue.stringSlice(spec.scopes()), "conflicting scopes"));
        }
        if (quota.status() != null) {
            errors.addAll(hard(quota.status().hard(), "status.hard"));
            errors.addAll(hard(quota.status().used(), "status.used"));
        }
        return errors;
    }

    private static List<FieldError> hard(Map<String, Quantity> hard, String path) {
        List<FieldError> errors = new ArrayList<>();
        for (String name : new TreeSet<>(hard.keySet())) {
            String at = path + "[" + name + "]";
            errors.addAll(ResourceNames.quotaResourceName(name, at));
            errors.addAll(ResourceNames.quantity(name, hard.get(name), at));
        }
        return errors;
    }

    /** Usage was counted under the scopes, so they stay. */
    @Override
    public List<FieldError> validateUpdate(ResourceQuota quota, ResourceQuota old) {
        List<FieldError> errors = new ArrayList<>(validate(quota));
        List<String> scopes = quota.spec() == null ? List.of() : quota.spec().scopes();
        List<String> oldScopes = old.spec() == null ? List.of() : old.spec().scopes();
        if (!Set.copyOf(scopes).equals(Set.copyOf(oldScopes))) {
            errors.add(FieldError.invalid("spec.scopes", GoValue.stringSlice(scopes), "field is immutable"));
        }
        return errors;
    }
}
