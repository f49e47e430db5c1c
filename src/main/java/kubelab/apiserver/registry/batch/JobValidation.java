package kubelab.apiserver.registry.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kubelab.api.batch.Job;
import kubelab.api.batch.JobSpec;
import kubelab.api.core.PodSpec;
import kubelab.api.core.PodTemplateSpec;
import kubelab.api.labels.Selector;
import kubelab.api.meta.ObjectMeta;
import kubelab.api.serialization.Json;
import kubelab.api.validation.NameValidation;
import kubelab.apiserver.FieldError;
import kubelab.apiserver.registry.core.WorkloadValidation;
import kubelab.apiserver.registry.validation.FieldChecks;
import kubelab.apiserver.registry.validation.GoValue;
import kubelab.apiserver.registry.validation.LabelChecks;

/**
 * The rules of a whole Job: its spec ({@link JobSpecValidation}), a selector that is set and
 * selects the template, the generated labels still in place, and on update the fields a running
 * Job may not change.
 *
 * <p>Real Kubernetes: {@code ValidateJob}, {@code validateGeneratedSelector} and
 * {@code ValidateJobSpecUpdate} in {@code pkg/apis/batch/validation/validation.go}.
 */
final class JobValidation {
    /** How a pod template prints in an error; Go prints the whole struct, too long to be useful. */
    private static final GoValue TEMPLATE = GoValue.of("core.PodTemplateSpec{...}");

    private JobValidation() {
    }

    /**
     * Checks a Job. {@code prefixedLabels}: whether the {@code batch.kubernetes.io/} labels must be
     * on the template (always for new Jobs; for an update, only if the stored Job has them).
     */
    static List<FieldError> validate(Job job, boolean prefixedLabels) {
        JobSpec spec = job.spec();
        if (spec == null) {
            return List.of(FieldError.required("spec", null));
        }
        List<FieldError> errors = new ArrayList<>(generatedSelector(job, prefixedLabels));
        errors.addAll(JobSpecValidation.validate(spec, "spec"));
        if (spec.selector() == null) {
            errors.add(FieldError.required("spec.selector", null));
        } else {
            errors.addAll(LabelChecks.labelSelector(spec.selector(), "spec.selector"));
        }
        Selector selector = LabelChecks.asSelector(spec.selector());
        Map<String, String> labels = WorkloadValidation.labelsOf(spec.template());
        if (selector != null && !selector.matches(labels)) {
            errors.add(WorkloadValidation.selectorMismatch("spec.template", labels));
        }
        // An Indexed Job's pods are named <job>-<index>; the last one must still be a DNS label.
        if (JobSpec.INDEXED.equals(spec.completionMode()) && spec.completions() != null && spec.completions() > 0) {
            String hostname = job.metadata().name() + "-" + (spec.completions() - 1);
            if (!NameValidation.isDNS1123Label(hostname).isEmpty()) {
                errors.add(FieldError.invalid("metadata.name", job.metadata().name(),
                        "will not able to create pod with invalid DNS label: " + hostname));
            }
        }
        return errors;
    }

    /**
     * Unless the selector is manual, the generated labels must still be on the template with the
     * Job's uid and name, and the selector must select them.
     */
    private static List<FieldError> generatedSelector(Job job, boolean prefixedLabels) {
        JobSpec spec = job.spec();
        List<FieldError> errors = new ArrayList<>();
        if (Boolean.TRUE.equals(spec.manualSelector()) || spec.selector() == null) {
            return errors;
        }
        String uid = job.metadata().uid() == null ? "" : job.metadata().uid();
        String name = job.metadata().name() == null ? "" : job.metadata().name();
        if (uid.isEmpty()) {
            errors.add(FieldError.required("metadata.uid", null));
        }
        Map<String, String> labels = WorkloadValidation.labelsOf(spec.template());
        errors.addAll(hasLabel(labels, JobStrategy.LEGACY_CONTROLLER_UID_LABEL, uid));
        errors.addAll(hasLabel(labels, JobStrategy.LEGACY_JOB_NAME_LABEL, name));
        Map<String, String> expected = new HashMap<>(Map.of(
                JobStrategy.LEGACY_CONTROLLER_UID_LABEL, uid, JobStrategy.LEGACY_JOB_NAME_LABEL, name));
        if (prefixedLabels) {
            errors.addAll(hasLabel(labels, JobStrategy.CONTROLLER_UID_LABEL, uid));
            errors.addAll(hasLabel(labels, JobStrategy.JOB_NAME_LABEL, name));
            expected.put(JobStrategy.CONTROLLER_UID_LABEL, uid);
            expected.put(JobStrategy.JOB_NAME_LABEL, name);
        }
        Selector selector = LabelChecks.asSelector(spec.selector());
        if (selector != null && !selector.matches(expected)) {
            errors.add(FieldError.invalid("spec.selector", GoValue.labelSelector(spec.selector()),
                    "`selector` not auto-generated"));
        }
        return errors;
    }

    private static List<FieldError> hasLabel(Map<String, String> labels, String key, String expected) {
        String path = "spec.template.metadata.labels[" + key + "]";
        if (!labels.containsKey(key)) {
            return List.of(FieldError.required(path, "must be '" + expected + "'"));
        }
        if (!labels.get(key).equals(expected)) {
            return List.of(FieldError.invalid(path, GoValue.stringMap(labels), "must be '" + expected + "'"));
        }
        return List.of();
    }

    /** What a Job may not change once created. */
    static List<FieldError> validateUpdate(Job job, Job old) {
        JobSpec spec = job.spec();
        JobSpec oldSpec = old.spec();
        List<FieldError> errors = new ArrayList<>();
        if (spec == null || oldSpec == null) {
            return errors;
        }
        errors.addAll(completions(spec, oldSpec));
        errors.addAll(FieldChecks.immutable(spec.selector(), oldSpec.selector(), "spec.selector",
                GoValue.labelSelector(spec.selector())));
        errors.addAll(FieldChecks.immutable(spec.template(), mutableSchedulingOf(spec.template(), old), "spec.template",
                TEMPLATE));
        errors.addAll(FieldChecks.immutable(spec.completionMode(), oldSpec.completionMode(), "spec.completionMode",
                spec.completionMode()));
        errors.addAll(FieldChecks.immutable(spec.podFailurePolicy(), oldSpec.podFailurePolicy(), "spec.podFailurePolicy",
                GoValue.of("batch.PodFailurePolicy{...}")));
        errors.addAll(FieldChecks.immutable(spec.backoffLimitPerIndex(), oldSpec.backoffLimitPerIndex(),
                "spec.backoffLimitPerIndex", spec.backoffLimitPerIndex()));
        errors.addAll(FieldChecks.immutable(spec.managedBy(), oldSpec.managedBy(), "spec.managedBy", spec.managedBy()));
        errors.addAll(FieldChecks.immutable(spec.successPolicy(), oldSpec.successPolicy(), "spec.successPolicy",
                GoValue.of("batch.SuccessPolicy{...}")));
        return errors;
    }

    /**
     * NonIndexed: fixed. Indexed ("elastic" Jobs): may change together with parallelism, to the
     * same value.
     */
    private static List<FieldError> completions(JobSpec spec, JobSpec oldSpec) {
        if (!JobSpec.INDEXED.equals(spec.completionMode())) {
            return FieldChecks.immutable(spec.completions(), oldSpec.completions(), "spec.completions", spec.completions());
        }
        if (Objects.equals(spec.completions(), oldSpec.completions()) || spec.completions() == null) {
            return List.of();
        }
        if (!spec.completions().equals(spec.parallelism())) {
            return List.of(FieldError.invalid("spec.completions", spec.completions(),
                    "can only be modified in tandem with spec.parallelism"));
        }
        return List.of();
    }

    /**
     * The old template, with the scheduling hints taken from the new one when the old Job is
     * suspended and never started: a queue may still decide where it runs.
     */
    private static PodTemplateSpec mutableSchedulingOf(PodTemplateSpec template, Job old) {
        PodTemplateSpec oldTemplate = old.spec().template();
        boolean suspended = Boolean.TRUE.equals(old.spec().suspend());
        boolean notStarted = old.status() == null || old.status().startTime() == null;
        if (!suspended || !notStarted || template == null || oldTemplate == null
                || template.spec() == null || oldTemplate.spec() == null) {
            return oldTemplate;
        }
        ObjectNode tree = (ObjectNode) Json.toTree(oldTemplate.spec());
        JsonNode next = Json.toTree(template.spec());
        for (String field : List.of("nodeSelector", "tolerations", "schedulingGates")) {
            copyField(next, tree, field);
        }
        // Of the affinity, only the node affinity may change.
        ObjectNode affinity = tree.get("affinity") instanceof ObjectNode a ? a : tree.putObject("affinity");
        copyField(next.path("affinity"), affinity, "nodeAffinity");
        if (affinity.isEmpty() && !next.has("affinity")) {
            tree.remove("affinity");
        }
        PodSpec mixed = Json.fromTree(tree, PodSpec.class);
        ObjectMeta meta = oldTemplate.metadata() == null ? ObjectMeta.named(null) : oldTemplate.metadata();
        ObjectMeta newMeta = template.metadata() == null ? ObjectMeta.named(null) : template.metadata();
        return new PodTemplateSpec(meta.withLabels(newMeta.labels()).withAnnotations(newMeta.annotations()), mixed);
    }

    private static void copyField(JsonNode from, ObjectNode to, String field) {
        if (from.has(field)) {
            to.set(field, from.get(field));
        } else {
            to.remove(field);
        }
    }
}
