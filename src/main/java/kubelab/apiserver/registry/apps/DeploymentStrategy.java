package kubelab.apiserver.registry.apps;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import kubelab.api.apps.Deployment;
import kubelab.api.apps.DeploymentSpec;
import kubelab.api.apps.RollingUpdateDeployment;
import kubelab.api.labels.Selector;
import kubelab.api.meta.IntOrString;
import kubelab.apiserver.FieldError;
import kubelab.apiserver.registry.Strategy;
import kubelab.apiserver.registry.core.PodDefaults;
import kubelab.apiserver.registry.core.WorkloadValidation;
import kubelab.apiserver.registry.validation.FieldChecks;
import kubelab.apiserver.registry.validation.GoValue;
import kubelab.apiserver.registry.validation.JsonDefaults;
import kubelab.apiserver.registry.validation.LabelChecks;

/**
 * Deployments: 1 replica, a RollingUpdate strategy with {@code maxUnavailable} and
 * {@code maxSurge} of 25%, 10 old ReplicaSets kept and a 600 s progress deadline unless the
 * manifest says otherwise; a selector that matches the template; a selector that never changes
 * (the Deployment would lose its ReplicaSets); and a new {@code metadata.generation} for every
 * spec or annotation change, so that {@code status.observedGeneration} tells when the controller
 * has seen it.
 *
 * <p>Real Kubernetes: {@code pkg/registry/apps/deployment/strategy.go},
 * {@code SetDefaults_Deployment} in {@code pkg/apis/apps/v1/defaults.go} and
 * {@code ValidateDeploymentSpec} in {@code pkg/apis/apps/validation/validation.go}.
 */
public final class DeploymentStrategy implements Strategy<Deployment> {
    private static final String RECREATE = kubelab.api.apps.DeploymentStrategy.RECREATE;
    private static final String ROLLING_UPDATE = kubelab.api.apps.DeploymentStrategy.ROLLING_UPDATE;

    @Override
    public Deployment applyDefaults(Deployment deployment) {
        return JsonDefaults.apply(deployment, Deployment.class, tree -> {
            ObjectNode spec = JsonDefaults.object(tree, "spec");
            JsonDefaults.putIfAbsent(spec, "replicas", 1);
            ObjectNode strategy = JsonDefaults.object(spec, "strategy");
            JsonDefaults.putIfAbsent(strategy, "type", ROLLING_UPDATE);
            if (ROLLING_UPDATE.equals(strategy.path("type").asText())) {
                ObjectNode rollingUpdate = JsonDefaults.object(strategy, "rollingUpdate");
                JsonDefaults.putIfAbsent(rollingUpdate, "maxUnavailable", "25%");
                JsonDefaults.putIfAbsent(rollingUpdate, "maxSurge", "25%");
            }
            JsonDefaults.putIfAbsent(spec, "revisionHistoryLimit", 10);
            JsonDefaults.putIfAbsent(spec, "progressDeadlineSeconds", 600);
            PodDefaults.applyToTemplateOf(spec);
        });
    }

    @Override
    public boolean hasGeneration() {
        return true;
    }

    /** Annotations are copied to the ReplicaSets, so changing them is a new generation too. */
    @Override
    public Deployment prepareForStatusUpdate(Deployment requested, Deployment merged) {
        // Kubernetes' deploymentStatusStrategy keeps spec and labels, not annotations.
        return merged.withMetadata(merged.metadata().withAnnotations(requested.metadata().annotations()));
    }

    @Override
    public Deployment prepareForUpdate(Deployment deployment, Deployment old) {
        var meta = deployment.metadata();
        if (!meta.annotations().equals(old.metadata().annotations())
                && Objects.equals(meta.generation(), old.metadata().generation())) {
            long generation = old.metadata().generation() == null ? 0 : old.metadata().generation();
            return deployment.withMetadata(meta.withGeneration(generation + 1));
        }
        return deployment;
    }

    @Override
    public List<FieldError> validate(Deployment deployment) {
        DeploymentSpec spec = deployment.spec();
        if (spec == null) {
            return List.of(FieldError.required("spec", null));
        }
        List<FieldError> errors = new ArrayList<>(FieldChecks.nonNegative(spec.replicas(), "spec.replicas"));
        errors.addAll(WorkloadValidation.requiredSelector(spec.selector(), "deployment"));
        Selector selector = LabelChecks.asSelector(spec.selector());
        if (selector == null) {
            errors.add(FieldError.invalid("spec.selector", GoValue.labelSelector(spec.selector()), "invalid label selector"));
        }
        errors.addAll(WorkloadValidation.template(spec.template(), selector, "spec.template", "ReplicaSet"));
        errors.addAll(validateStrategy(spec.strategy()));
        errors.addAll(FieldChecks.nonNegative(spec.minReadySeconds(), "spec.minReadySeconds"));
        errors.addAll(FieldChecks.nonNegative(spec.revisionHistoryLimit(), "spec.revisionHistoryLimit"));
        Integer deadline = spec.progressDeadlineSeconds();
        if (deadline != null) {
            errors.addAll(FieldChecks.nonNegative(deadline, "spec.progressDeadlineSeconds"));
            int minReady = spec.minReadySeconds() == null ? 0 : spec.minReadySeconds();
            if (deadline <= minReady) {
                errors.add(FieldError.invalid("spec.progressDeadlineSeconds", deadline, "must be greater than minReadySeconds"));
            }
        }
        return errors;
    }

    /** The same rules, and the selector may not change: the Deployment would disown its ReplicaSets. */
    @Override
    public List<FieldError> validateUpdate(Deployment deployment, Deployment old) {
        List<FieldError> errors = new ArrayList<>(validate(deployment));
        if (deployment.spec() != null && old.spec() != null) {
            errors.addAll(FieldChecks.immutable(deployment.spec().selector(), old.spec().selector(), "spec.selector",
                    GoValue.labelSelector(deployment.spec().selector())));
        }
        return errors;
    }

    private static List<FieldError> validateStrategy(kubelab.api.apps.DeploymentStrategy strategy) {
        List<FieldError> errors = new ArrayList<>();
        String type = strategy == null || strategy.type() == null ? "" : strategy.type();
        RollingUpdateDeployment rollingUpdate = strategy == null ? null : strategy.rollingUpdate();
        switch (type) {
            case RECREATE -> {
                if (rollingUpdate != null) {
                    errors.add(FieldError.forbidden("spec.strategy.rollingUpdate",
                            "may not be specified when strategy `type` is 'Recreate'"));
                }
            }
            case ROLLING_UPDATE -> {
                if (rollingUpdate == null) {
                    errors.add(FieldError.required("spec.strategy.rollingUpdate", "this should be defaulted and never be nil"));
                } else {
                    errors.addAll(validateRollingUpdate(rollingUpdate, "spec.strategy.rollingUpdate"));
                }
            }
            default -> errors.add(FieldError.notSupported("spec.strategy", GoValue.struct("apps.DeploymentStrategy",
                    "Type", GoValue.quote(type), "RollingUpdate", rollingUpdate == null
                            ? "(*apps.RollingUpdateDeployment)(nil)" : "(*apps.RollingUpdateDeployment)(...)"),
                    List.of(RECREATE, ROLLING_UPDATE)));
        }
        return errors;
    }

    /** Both bounds are counts or percentages; they cannot both be 0 (no rollout could move). */
    private static List<FieldError> validateRollingUpdate(RollingUpdateDeployment rollingUpdate, String path) {
        IntOrString maxUnavailable = rollingUpdate.maxUnavailable() == null ? IntOrString.of(0) : rollingUpdate.maxUnavailable();
        IntOrString maxSurge = rollingUpdate.maxSurge() == null ? IntOrString.of(0) : rollingUpdate.maxSurge();
        List<FieldError> errors = new ArrayList<>(FieldChecks.positiveIntOrPercent(maxUnavailable, path + ".maxUnavailable"));
        errors.addAll(FieldChecks.positiveIntOrPercent(maxSurge, path + ".maxSurge"));
        if (FieldChecks.intOrPercentValue(maxUnavailable) == 0 && FieldChecks.intOrPercentValue(maxSurge) == 0) {
            errors.add(FieldError.invalid(path + ".maxUnavailable", GoValue.intOrString(maxUnavailable),
                    "may not be 0 when `maxSurge` is 0"));
        }
        errors.addAll(FieldChecks.notMoreThan100Percent(maxUnavailable, path + ".maxUnavailable"));
        return errors;
    }
}
