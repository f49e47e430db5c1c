package kubelab.apiserver.registry.apps;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import kubelab.api.apps.DaemonSet;
import kubelab.api.apps.DaemonSetSpec;
import kubelab.api.apps.DaemonSetUpdateStrategy;
import kubelab.api.apps.RollingUpdateDaemonSet;
import kubelab.api.labels.Selector;
import kubelab.api.meta.IntOrString;
import kubelab.apiserver.FieldError;
import kubelab.apiserver.registry.Strategy;
import kubelab.apiserver.registry.core.PodDefaults;
import kubelab.apiserver.registry.core.PodValidation;
import kubelab.apiserver.registry.core.WorkloadValidation;
import kubelab.apiserver.registry.validation.FieldChecks;
import kubelab.apiserver.registry.validation.GoValue;
import kubelab.apiserver.registry.validation.JsonDefaults;
import kubelab.apiserver.registry.validation.LabelChecks;

/**
 * DaemonSets: a RollingUpdate strategy that replaces one node's pod at a time
 * ({@code maxUnavailable: 1}, {@code maxSurge: 0}) and 10 old revisions unless the manifest says
 * otherwise; a selector that matches the template and never changes; exactly one of maxSurge and
 * maxUnavailable non-zero.
 *
 * <p>Unlike the other apps kinds, a missing selector is reported only as a template that the
 * selector does not match, exactly as Kubernetes reports it.
 *
 * <p>Real Kubernetes: {@code pkg/registry/apps/daemonset/strategy.go}, {@code SetDefaults_DaemonSet}
 * and {@code ValidateDaemonSetSpec}.
 */
public final class DaemonSetStrategy implements Strategy<DaemonSet> {

    @Override
    public DaemonSet applyDefaults(DaemonSet ds) {
        return JsonDefaults.apply(ds, DaemonSet.class, tree -> {
            ObjectNode spec = JsonDefaults.object(tree, "spec");
            ObjectNode strategy = JsonDefaults.object(spec, "updateStrategy");
            JsonDefaults.putIfAbsent(strategy, "type", DaemonSetUpdateStrategy.ROLLING_UPDATE);
            if (DaemonSetUpdateStrategy.ROLLING_UPDATE.equals(strategy.path("type").asText())) {
                ObjectNode rollingUpdate = JsonDefaults.object(strategy, "rollingUpdate");
                JsonDefaults.putIfAbsent(rollingUpdate, "maxUnavailable", 1);
                JsonDefaults.putIfAbsent(rollingUpdate, "maxSurge", 0);
            }
            JsonDefaults.putIfAbsent(spec, "revisionHistoryLimit", 10);
            PodDefaults.applyToTemplateOf(spec);
        });
    }

    @Override
    public boolean hasGeneration() {
        return true;
    }

    @Override
    public List<FieldError> validate(DaemonSet ds) {
        DaemonSetSpec spec = ds.spec();
        if (spec == null) {
            return List.of(FieldError.required("spec", null));
        }
        List<FieldError> errors = new ArrayList<>(LabelChecks.labelSelector(spec.selector(), "spec.selector"));
        Selector selector = LabelChecks.asSelector(spec.selector());
        if (selector != null && !selector.matches(WorkloadValidation.labelsOf(spec.template()))) {
            errors.add(WorkloadValidation.selectorMismatch("spec.template", WorkloadValidation.labelsOf(spec.template())));
        }
        if (spec.selector() != null && LabelChecks.isEmpty(spec.selector())) {
            errors.add(FieldError.invalid("spec.selector", GoValue.labelSelector(spec.selector()),
                    "empty selector is invalid for daemonset"));
        }
        if (spec.template() == null) {
            errors.add(FieldError.required("spec.template", null));
        } else {
            errors.addAll(PodValidation.validatePodTemplateSpec(spec.template(), "spec.template"));
            errors.addAll(WorkloadValidation.alwaysRestart(spec.template(), "spec.template", "DaemonSet"));
        }
        errors.addAll(FieldChecks.nonNegative(spec.minReadySeconds(), "spec.minReadySeconds"));
        errors.addAll(validateUpdateStrategy(spec.updateStrategy()));
        errors.addAll(FieldChecks.nonNegative(spec.revisionHistoryLimit(), "spec.revisionHistoryLimit"));
        return errors;
    }

    /** The same rules, and the selector may not change. */
    @Override
    public List<FieldError> validateUpdate(DaemonSet ds, DaemonSet old) {
        List<FieldError> errors = new ArrayList<>(validate(ds));
        if (ds.spec() != null && old.spec() != null) {
            errors.addAll(FieldChecks.immutable(ds.spec().selector(), old.spec().selector(), "spec.selector",
                    GoValue.labelSelector(ds.spec().selector())));
        }
        return errors;
    }

    private static List<FieldError> validateUpdateStrategy(DaemonSetUpdateStrategy strategy) {
        List<FieldError> errors = new ArrayList<>();
        String type = strategy == null || strategy.type() == null ? "" : strategy.type();
        RollingUpdateDaemonSet rollingUpdate = strategy == null ? null : strategy.rollingUpdate();
        switch (type) {
            case DaemonSetUpdateStrategy.ON_DELETE -> { }
            case DaemonSetUpdateStrategy.ROLLING_UPDATE -> {
                if (rollingUpdate == null) {
                    errors.add(FieldError.required("spec.updateStrategy.rollingUpdate", null));
                } else {
                    errors.addAll(validateRollingUpdate(rollingUpdate, "spec.updateStrategy.rollingUpdate"));
                }
            }
            default -> errors.add(FieldError.notSupported("spec.updateStrategy", GoValue.struct("apps.DaemonSetUpdateStrategy",
                    "Type", GoValue.quote(type), "RollingUpdate", rollingUpdate == null
                            ? "(*apps.RollingUpdateDaemonSet)(nil)" : "(*apps.RollingUpdateDaemonSet)(...)"),
                    List.of(DaemonSetUpdateStrategy.ROLLING_UPDATE, DaemonSetUpdateStrategy.ON_DELETE)));
        }
        return errors;
    }

    /** Exactly one of the two bounds is non-zero: either old pods go first, or new pods come first. */
    private static List<FieldError> validateRollingUpdate(RollingUpdateDaemonSet rollingUpdate, String path) {
        IntOrString maxUnavailable = rollingUpdate.maxUnavailable() == null ? IntOrString.of(0) : rollingUpdate.maxUnavailable();
        IntOrString maxSurge = rollingUpdate.maxSurge() == null ? IntOrString.of(0) : rollingUpdate.maxSurge();
        List<FieldError> errors = new ArrayList<>(FieldChecks.positiveIntOrPercent(maxUnavailable, path + ".maxUnavailable"));
        errors.addAll(FieldChecks.positiveIntOrPercent(maxSurge, path + ".maxSurge"));
        errors.addAll(FieldChecks.notMoreThan100Percent(maxUnavailable, path + ".maxUnavailable"));
        errors.addAll(FieldChecks.notMoreThan100Percent(maxSurge, path + ".maxSurge"));
        boolean hasUnavailable = FieldChecks.intOrPercentValue(maxUnavailable) != 0;
        boolean hasSurge = FieldChecks.intOrPercentValue(maxSurge) != 0;
        if (hasUnavailable && hasSurge) {
            errors.add(FieldError.invalid(path + ".maxSurge", GoValue.intOrString(maxSurge),
                    "may not be set when maxUnavailable is non-zero"));
        } else if (!hasUnavailable && !hasSurge) {
            errors.add(FieldError.required(path + ".maxUnavailable", "cannot be 0 when maxSurge is 0"));
        }
        return errors;
    }
}
