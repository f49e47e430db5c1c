package kubelab.apiserver.registry.apps;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kubelab.api.apps.ReplicaSet;
import kubelab.api.apps.ReplicaSetSpec;
import kubelab.api.labels.Selector;
import kubelab.apiserver.FieldError;
import kubelab.apiserver.registry.Strategy;
import kubelab.apiserver.registry.core.PodDefaults;
import kubelab.apiserver.registry.core.WorkloadValidation;
import kubelab.apiserver.registry.validation.FieldChecks;
import kubelab.apiserver.registry.validation.GoValue;
import kubelab.apiserver.registry.validation.JsonDefaults;
import kubelab.apiserver.registry.validation.LabelChecks;

/**
 * ReplicaSets: 1 replica by default, a non-empty selector that matches the template and never
 * changes, a pod template whose pods restart Always, a new generation for each spec change, and
 * {@code status.replicas} as a field selector.
 *
 * <p>Real Kubernetes: {@code pkg/registry/apps/replicaset/strategy.go}, {@code SetDefaults_ReplicaSet}
 * and {@code ValidateReplicaSetSpec} (whose empty-selector message says "deployment", a wording
 * kept here as Kubernetes prints it).
 */
public final class ReplicaSetStrategy implements Strategy<ReplicaSet> {
    public static final String STATUS_REPLICAS = "status.replicas";

    @Override
    public ReplicaSet applyDefaults(ReplicaSet rs) {
        return JsonDefaults.apply(rs, ReplicaSet.class, tree -> {
            ObjectNode spec = JsonDefaults.object(tree, "spec");
            JsonDefaults.putIfAbsent(spec, "replicas", 1);
            PodDefaults.applyToTemplateOf(spec);
        });
    }

    @Override
    public boolean hasGeneration() {
        return true;
    }

    @Override
    public List<FieldError> validate(ReplicaSet rs) {
        ReplicaSetSpec spec = rs.spec();
        if (spec == null) {
            return List.of(FieldError.required("spec", null));
        }
        List<FieldError> errors = new ArrayList<>(FieldChecks.nonNegative(spec.replicas(), "spec.replicas"));
        errors.addAll(FieldChecks.nonNegative(spec.minReadySeconds(), "spec.minReadySeconds"));
        errors.addAll(WorkloadValidation.requiredSelector(spec.selector(), "deployment"));
        Selector selector = LabelChecks.asSelector(spec.selector());
        if (selector == null) {
            errors.add(FieldError.invalid("spec.selector", GoValue.labelSelector(spec.selector()), "invalid label selector"));
        }
        errors.addAll(WorkloadValidation.template(spec.template(), selector, "spec.template", "ReplicaSet"));
        return errors;
    }

    /** The same rules, and the selector may not change: the ReplicaSet would lose its pods. */
    @Override
    public List<FieldError> validateUpdate(ReplicaSet rs, ReplicaSet old) {
        List<FieldError> errors = new ArrayList<>(validate(rs));
        if (rs.spec() != null && old.spec() != null) {
            errors.addAll(FieldChecks.immutable(rs.spec().selector(), old.spec().selector(), "spec.selector",
                    GoValue.labelSelector(rs.spec().selector())));
        }
        return errors;
    }

    @Override
    public Set<String> fieldLabels() {
        return Set.of(STATUS_REPLICAS);
    }

    @Override
    public Map<String, String> selectableFields(ReplicaSet rs) {
        Integer replicas = rs.status() == null ? null : rs.status().replicas();
        return Map.of(STATUS_REPLICAS, String.valueOf(replicas == null ? 0 : replicas));
    }
}
