package kubelab.apiserver.registry.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kubelab.api.core.ReplicationController;
import kubelab.api.core.ReplicationControllerSpec;
import kubelab.api.labels.Selector;
import kubelab.apiserver.FieldError;
import kubelab.apiserver.registry.Strategy;
import kubelab.apiserver.registry.validation.FieldChecks;
import kubelab.apiserver.registry.validation.JsonDefaults;

/**
 * ReplicationControllers, the ReplicaSet's ancestor: 1 replica by default, and when the
 * selector is empty it defaults to the template's labels, as do the controller's own labels
 * when it has none (so {@code kubectl get rc -l app=web} finds it). The selector is a plain map
 * (equality only) and, unlike a ReplicaSet's, it may change.
 *
 * <p>Real Kubernetes: {@code pkg/registry/core/replicationcontroller/strategy.go},
 * {@code SetDefaults_ReplicationController} and {@code ValidateReplicationControllerSpec}.
 */
public final class ReplicationControllerStrategy implements Strategy<ReplicationController> {
    public static final String STATUS_REPLICAS = "status.replicas";

    @Override
    public ReplicationController applyDefaults(ReplicationController rc) {
        return JsonDefaults.apply(rc, ReplicationController.class, tree -> {
            ObjectNode spec = JsonDefaults.object(tree, "spec");
            ObjectNode template = JsonDefaults.objectOrNull(spec, "template");
            ObjectNode meta = template == null ? null : JsonDefaults.objectOrNull(template, "metadata");
            ObjectNode labels = meta == null ? null : JsonDefaults.objectOrNull(meta, "labels");
            if (labels != null) {
                if (!JsonDefaults.nonEmptyObject(spec, "selector")) {
                    spec.set("selector", labels.deepCopy());
                }
                ObjectNode ownMeta = JsonDefaults.object(tree, "metadata");
                if (!JsonDefaults.nonEmptyObject(ownMeta, "labels")) {
                    ownMeta.set("labels", labels.deepCopy());
                }
            }
            JsonDefaults.putIfAbsent(spec, "replicas", 1);
            PodDefaults.applyToTemplateOf(spec);
        });
    }

    @Override
    public boolean hasGeneration() {
        return true;
    }

    @Override
    public List<FieldError> validate(ReplicationController rc) {
        ReplicationControllerSpec spec = rc.spec();
        if (spec == null) {
            return List.of(FieldError.required("spec", null));
        }
        List<FieldError> errors = new ArrayList<>(FieldChecks.nonNegative(spec.minReadySeconds(), "spec.minReadySeconds"));
        if (spec.selector().isEmpty()) {
            errors.add(FieldError.required("spec.selector", null));
        }
        errors.addAll(FieldChecks.nonNegative(spec.replicas(), "spec.replicas"));
        errors.addAll(WorkloadValidation.template(spec.template(), Selector.fromSet(spec.selector()), "spec.template",
                "ReplicationController"));
        return errors;
    }

    @Override
    public Set<String> fieldLabels() {
        return Set.of(STATUS_REPLICAS);
    }

    @Override
    public Map<String, String> selectableFields(ReplicationController rc) {
        Integer replicas = rc.status() == null ? null : rc.status().replicas();
        return Map.of(STATUS_REPLICAS, String.valueOf(replicas == null ? 0 : replicas));
    }
}
