package kubelab.apiserver.registry.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kubelab.api.core.PodTemplateSpec;
import kubelab.api.core.RestartPolicy;
import kubelab.api.labels.Selector;
import kubelab.api.meta.LabelSelector;
import kubelab.apiserver.FieldError;
import kubelab.apiserver.registry.validation.GoValue;
import kubelab.apiserver.registry.validation.LabelChecks;

/**
 * The rules every controller of long-running pods shares (ReplicaSets, Deployments, DaemonSets,
 * StatefulSets, ReplicationControllers): a selector that is set, well formed and not empty; a
 * template whose labels that selector matches, since a controller that cannot see its own pods
 * would create them forever; a valid pod template; {@code restartPolicy: Always}, because a
 * controller replaces pods rather than letting them finish; and no {@code activeDeadlineSeconds}.
 *
 * <p>Real Kubernetes: {@code ValidatePodTemplateSpecForReplicaSet} in
 * {@code pkg/apis/apps/validation/validation.go} and {@code ValidatePodTemplateSpecForRC} in
 * {@code pkg/apis/core/validation/validation.go}.
 */
public final class WorkloadValidation {
    /** The message of a selector that does not select its own template. */
    public static final String SELECTOR_MISMATCH = "`selector` does not match template `labels`";

    private WorkloadValidation() {
    }

    /**
     * Checks {@code spec.selector} of an apps/v1 kind: required, well formed, and not empty
     * ({@code empty selector is invalid for <kindWord>}; Kubernetes says "deployment" for
     * ReplicaSets too).
     */
    public static List<FieldError> requiredSelector(LabelSelector selector, String kindWord) {
        List<FieldError> errors = new ArrayList<>();
        if (selector == null) {
            errors.add(FieldError.required("spec.selector", null));
            return errors;
        }
        errors.addAll(LabelChecks.labelSelector(selector, "spec.selector"));
        if (LabelChecks.isEmpty(selector)) {
            errors.add(FieldError.invalid("spec.selector", GoValue.labelSelector(selector),
                    "empty selector is invalid for " + kindWord));
        }
        return errors;
    }

    /**
     * Checks a controller's pod template against its selector (null if the selector could not be
     * built): the labels must match, the template must be a valid pod template, restartPolicy
     * must be Always and activeDeadlineSeconds unset. {@code kind} names the controller in the
     * last message ({@code activeDeadlineSeconds in ReplicaSet is not Supported}).
     */
    public static List<FieldError> template(PodTemplateSpec template, Selector selector, String path, String kind) {
        List<FieldError> errors = new ArrayList<>();
        if (template == null) {
            errors.add(FieldError.required(path, null));
            return errors;
        }
        Map<String, String> labels = labelsOf(template);
        if (selector != null && !selector.isEmpty() && !selector.matches(labels)) {
            errors.add(selectorMismatch(path, labels));
        }
        errors.addAll(PodValidation.validatePodTemplateSpec(template, path));
        errors.addAll(alwaysRestart(template, path, kind));
        return errors;
    }

    /** {@code restartPolicy} must be Always and {@code activeDeadlineSeconds} unset. */
    public static List<FieldError> alwaysRestart(PodTemplateSpec template, String path, String kind) {
        List<FieldError> errors = new ArrayList<>();
        if (template.spec() == null) {
            return errors;
        }
        String policy = template.spec().restartPolicy() == null ? "" : template.spec().restartPolicy();
        if (!RestartPolicy.ALWAYS.equals(policy)) {
            errors.add(FieldError.notSupported(path + ".spec.restartPolicy", policy, List.of(RestartPolicy.ALWAYS)));
        }
        if (template.spec().activeDeadlineSeconds() != null) {
            errors.add(FieldError.forbidden(path + ".spec.activeDeadlineSeconds",
                    "activeDeadlineSeconds in " + kind + " is not Supported"));
        }
        return errors;
    }

    /** {@code <path>.metadata.labels: Invalid value: map[string]string{...}: `selector` does not match template `labels`}. */
    public static FieldError selectorMismatch(String templatePath, Map<String, String> labels) {
        return FieldError.invalid(templatePath + ".metadata.labels", GoValue.stringMap(labels), SELECTOR_MISMATCH);
    }

    /** The template's labels, empty if it has none. */
    public static Map<String, String> labelsOf(PodTemplateSpec template) {
        return template == null || template.metadata() == null ? Map.of() : template.metadata().labels();
    }
}
