package kubelab.apiserver.registry.apps;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import kubelab.api.apps.RollingUpdateStatefulSetStrategy;
import kubelab.api.apps.StatefulSet;
import kubelab.api.apps.StatefulSetPersistentVolumeClaimRetentionPolicy;
import kubelab.api.apps.StatefulSetSpec;
import kubelab.api.apps.StatefulSetUpdateStrategy;
import kubelab.api.labels.Selector;
import kubelab.api.serialization.Json;
import kubelab.apiserver.FieldError;
import kubelab.apiserver.registry.Strategy;
import kubelab.apiserver.registry.core.PodDefaults;
import kubelab.apiserver.registry.core.WorkloadValidation;
import kubelab.apiserver.registry.validation.FieldChecks;
import kubelab.apiserver.registry.validation.GoValue;
import kubelab.apiserver.registry.validation.JsonDefaults;
import kubelab.apiserver.registry.validation.LabelChecks;

/**
 * StatefulSets: DNS-label names (each pod is named {@code <set>-<ordinal>} and gets a DNS name);
 * defaults of 1 replica, OrderedReady pod management, a RollingUpdate from partition 0, 10 old
 * revisions and claims kept ({@code Retain}) on delete and scale-down; each volume claim template
 * defaulted as a claim would be. Once created, only {@code replicas}, {@code ordinals},
 * {@code template}, {@code updateStrategy}, {@code persistentVolumeClaimRetentionPolicy} and
 * {@code minReadySeconds} may change: the identity of the pods and their storage are fixed.
 *
 * <p>As in Kubernetes, the pod spec inside the template is not validated here (its mounts may
 * name volume claim templates rather than volumes); a bad one shows up as pods that fail to be
 * created, with FailedCreate events on the StatefulSet.
 *
 * <p>Real Kubernetes: {@code pkg/registry/apps/statefulset/strategy.go}, {@code SetDefaults_StatefulSet}
 * and {@code ValidateStatefulSetSpec} / {@code ValidateStatefulSetUpdate}.
 */
public final class StatefulSetStrategy implements Strategy<StatefulSet> {
    private static final String RETAIN = StatefulSetPersistentVolumeClaimRetentionPolicy.RETAIN;
    private static final String DELETE = StatefulSetPersistentVolumeClaimRetentionPolicy.DELETE;

    @Override
    public NameRule nameRule() {
        return NameRule.DNS1123_LABEL;
    }

    @Override
    public StatefulSet applyDefaults(StatefulSet sts) {
        return JsonDefaults.apply(sts, StatefulSet.class, tree -> {
            ObjectNode spec = JsonDefaults.object(tree, "spec");
            JsonDefaults.putIfAbsent(spec, "podManagementPolicy", StatefulSetSpec.ORDERED_READY);
            ObjectNode strategy = JsonDefaults.object(spec, "updateStrategy");
            if (JsonDefaults.blank(strategy, "type")) {
                strategy.put("type", StatefulSetUpdateStrategy.ROLLING_UPDATE);
                JsonDefaults.object(strategy, "rollingUpdate");
            }
            ObjectNode rollingUpdate = JsonDefaults.objectOrNull(strategy, "rollingUpdate");
            if (StatefulSetUpdateStrategy.ROLLING_UPDATE.equals(strategy.path("type").asText()) && rollingUpdate != null) {
                JsonDefaults.putIfAbsent(rollingUpdate, "partition", 0);
            }
            ObjectNode retention = JsonDefaults.object(spec, "persistentVolumeClaimRetentionPolicy");
            JsonDefaults.putIfAbsent(retention, "whenDeleted", RETAIN);
            JsonDefaults.putIfAbsent(retention, "whenScaled", RETAIN);
            JsonDefaults.putIfAbsent(spec, "replicas", 1);
            JsonDefaults.putIfAbsent(spec, "revisionHistoryLimit", 10);
            PodDefaults.applyToTemplateOf(spec);
            // A claim template is defaulted as a claim is: filesystem volume mode, phase Pending.
            for (ObjectNode claim : JsonDefaults.objects(spec, "volumeClaimTemplates")) {
                JsonDefaults.putIfAbsent(JsonDefaults.object(claim, "spec"), "volumeMode", "Filesystem");
                JsonDefaults.putIfAbsent(JsonDefaults.object(claim, "status"), "phase", "Pending");
            }
        });
    }

    @Override
    public boolean hasGeneration() {
        return true;
    }

    @Override
    public List<FieldError> validate(StatefulSet sts) {
        StatefulSetSpec spec = sts.spec();
        if (spec == null) {
            return List.of(FieldError.required("spec", null));
        }
        List<FieldError> errors = new ArrayList<>();
        String policy = spec.podManagementPolicy() == null ? "" : spec.podManagementPolicy();
        if (policy.isEmpty()) {
            errors.add(FieldError.required("spec.podManagementPolicy", null));
        } else if (!policy.equals(StatefulSetSpec.ORDERED_READY) && !policy.equals(StatefulSetSpec.PARALLEL)) {
            errors.add(FieldError.invalid("spec.podManagementPolicy", policy, "must be 'OrderedReady' or 'Parallel'"));
        }
        errors.addAll(validateUpdateStrategy(spec.updateStrategy()));
        StatefulSetPersistentVolumeClaimRetentionPolicy retention = spec.persistentVolumeClaimRetentionPolicy();
        if (retention != null) {
            errors.addAll(retentionPolicy(retention.whenDeleted(), "spec.persistentVolumeClaimRetentionPolicy.whenDeleted"));
            errors.addAll(retentionPolicy(retention.whenScaled(), "spec.persistentVolumeClaimRetentionPolicy.whenScaled"));
        }
        errors.addAll(FieldChecks.nonNegative(spec.replicas(), "spec.replicas"));
        errors.addAll(FieldChecks.nonNegative(spec.minReadySeconds(), "spec.minReadySeconds"));
        if (spec.ordinals() != null) {
            errors.addAll(FieldChecks.nonNegative(spec.ordinals().start(), "spec.ordinals.start"));
        }
        if (spec.selector() == null) {
            errors.add(FieldError.required("spec.selector", null));
        } else {
            errors.addAll(LabelChecks.labelSelector(spec.selector(), "spec.selector"));
            if (LabelChecks.isEmpty(spec.selector())) {
                errors.add(FieldError.invalid("spec.selector", GoValue.labelSelector(spec.selector()),
                        "empty selector is invalid for statefulset"));
            }
        }
        Selector selector = LabelChecks.asSelector(spec.selector());
        if (selector == null) {
            errors.add(FieldError.invalid("spec.selector", GoValue.labelSelector(spec.selector()), ""));
        } else if (spec.template() == null) {
            errors.add(FieldError.required("spec.template", null));
        } else {
            var labels = WorkloadValidation.labelsOf(spec.template());
            if (!selector.isEmpty() && !selector.matches(labels)) {
                errors.add(WorkloadValidation.selectorMismatch("spec.template", labels));
            }
            errors.addAll(LabelChecks.labels(labels, "spec.template.labels"));
        }
        if (spec.template() != null) {
            errors.addAll(WorkloadValidation.alwaysRestart(spec.template(), "spec.template", "StatefulSet"));
        }
        return errors;
    }

    /** The same rules; then everything but the mutable fields must be as stored. */
    @Override
    public List<FieldError> validateUpdate(StatefulSet sts, StatefulSet old) {
        List<FieldError> errors = new ArrayList<>(validate(sts));
        if (sts.spec() != null && old.spec() != null && !Json.toTree(withoutMutable(sts.spec()))
                .equals(Json.toTree(withoutMutable(old.spec())))) {
            errors.add(FieldError.forbidden("spec", "updates to statefulset spec for fields other than 'replicas', "
                    + "'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' "
                    + "and 'minReadySeconds' are forbidden"));
        }
        return errors;
    }

    private static StatefulSetSpec withoutMutable(StatefulSetSpec s) {
        return new StatefulSetSpec(null, s.selector(), null, s.volumeClaimTemplates(), s.serviceName(),
                s.podManagementPolicy(), null, s.revisionHistoryLimit(), null, null, null);
    }

    private static List<FieldError> validateUpdateStrategy(StatefulSetUpdateStrategy strategy) {
        List<FieldError> errors = new ArrayList<>();
        String type = strategy == null || strategy.type() == null ? "" : strategy.type();
        RollingUpdateStatefulSetStrategy rollingUpdate = strategy == null ? null : strategy.rollingUpdate();
        String path = "spec.updateStrategy.rollingUpdate";
        switch (type) {
            case "" -> errors.add(FieldError.required("spec.updateStrategy", null));
            case StatefulSetUpdateStrategy.ON_DELETE -> {
                if (rollingUpdate != null) {
                    errors.add(FieldError.invalid(path, rollingUpdateValue(rollingUpdate),
                            "only allowed for updateStrategy 'RollingUpdate'"));
                }
            }
            case StatefulSetUpdateStrategy.ROLLING_UPDATE -> {
                if (rollingUpdate != null) {
                    errors.addAll(FieldChecks.nonNegative(rollingUpdate.partition() == null ? 0 : rollingUpdate.partition(),
                            path + ".partition"));
                    if (rollingUpdate.maxUnavailable() != null) {
                        var max = rollingUpdate.maxUnavailable();
                        errors.addAll(FieldChecks.positiveIntOrPercent(max, path + ".maxUnavailable"));
                        if (FieldChecks.intOrPercentValue(max) == 0) {
                            errors.add(FieldError.invalid(path + ".maxUnavailable", GoValue.intOrString(max), "cannot be 0"));
                        }
                        errors.addAll(FieldChecks.notMoreThan100Percent(max, path + ".maxUnavailable"));
                    }
                }
            }
            default -> errors.add(FieldError.invalid("spec.updateStrategy", GoValue.struct("apps.StatefulSetUpdateStrategy",
                    "Type", GoValue.quote(type), "RollingUpdate", rollingUpdate == null
                            ? "(*apps.RollingUpdateStatefulSetStrategy)(nil)" : "(*apps.RollingUpdateStatefulSetStrategy)(...)"),
                    "must be 'RollingUpdate' or 'OnDelete'"));
        }
        return errors;
    }

    private static GoValue rollingUpdateValue(RollingUpdateStatefulSetStrategy r) {
        return GoValue.struct("apps.RollingUpdateStatefulSetStrategy",
                "Partition", String.valueOf(r.partition() == null ? 0 : r.partition()),
                "MaxUnavailable", r.maxUnavailable() == null ? "(*intstr.IntOrString)(nil)" : "(*intstr.IntOrString)(...)");
    }

    private static List<FieldError> retentionPolicy(String policy, String path) {
        String p = policy == null ? "" : policy;
        if (p.equals(RETAIN) || p.equals(DELETE)) {
            return List.of();
        }
        return List.of(FieldError.notSupported(path, p, List.of(RETAIN, DELETE)));
    }
}
