package kubelab.apiserver.registry.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import kubelab.api.batch.Job;
import kubelab.api.batch.JobSpec;
import kubelab.api.core.PodTemplateSpec;
import kubelab.api.meta.LabelSelector;
import kubelab.api.meta.ObjectMeta;
import kubelab.apiserver.FieldError;
import kubelab.apiserver.registry.Strategy;
import kubelab.apiserver.registry.core.PodDefaults;
import kubelab.apiserver.registry.validation.JsonDefaults;

/**
 * Jobs. Defaults: one pod to one success ({@code completions} and {@code parallelism} 1 when both
 * are unset), 6 retries, NonIndexed, not suspended, replacement once a pod is terminating or
 * failed. On create, unless {@code manualSelector} is true, the API server picks the selector
 * itself: {@code batch.kubernetes.io/controller-uid=<the Job's uid>}, and puts that label (with
 * {@code batch.kubernetes.io/job-name}, and the older unprefixed {@code controller-uid} and
 * {@code job-name}) on the pod template, so that a Job can never adopt another Job's pods. A
 * Job's pods must end: restartPolicy OnFailure or Never. Once created, the selector, the
 * template (except scheduling hints of a suspended Job that never started) and the completion
 * mode are fixed.
 *
 * <p>Real Kubernetes: {@code pkg/registry/batch/job/strategy.go} ({@code generateSelector}),
 * {@code SetDefaults_Job} in {@code pkg/apis/batch/v1/defaults.go} and {@code ValidateJob} in
 * {@code pkg/apis/batch/validation/validation.go}.
 */
public final class JobStrategy implements Strategy<Job> {
    public static final String CONTROLLER_UID_LABEL = "batch.kubernetes.io/controller-uid";
    public static final String JOB_NAME_LABEL = "batch.kubernetes.io/job-name";
    public static final String LEGACY_CONTROLLER_UID_LABEL = "controller-uid";
    public static final String LEGACY_JOB_NAME_LABEL = "job-name";
    public static final String STATUS_SUCCESSFUL = "status.successful";

    @Override
    public Job applyDefaults(Job job) {
        return JsonDefaults.apply(job, Job.class, tree -> {
            ObjectNode spec = JsonDefaults.object(tree, "spec");
            if (JsonDefaults.unset(spec, "completions") && JsonDefaults.unset(spec, "parallelism")) {
                spec.put("completions", 1);
                spec.put("parallelism", 1);
            }
            JsonDefaults.putIfAbsent(spec, "parallelism", 1);
            JsonDefaults.putIfAbsent(spec, "backoffLimit",
                    JsonDefaults.unset(spec, "backoffLimitPerIndex") ? 6 : Integer.MAX_VALUE);
            ObjectNode template = JsonDefaults.objectOrNull(spec, "template");
            ObjectNode templateMeta = template == null ? null : JsonDefaults.objectOrNull(template, "metadata");
            if (templateMeta != null && templateMeta.get("labels") instanceof ObjectNode labels) {
                ObjectNode meta = JsonDefaults.object(tree, "metadata");
                if (!JsonDefaults.nonEmptyObject(meta, "labels")) {
                    meta.set("labels", labels.deepCopy());
                }
            }
            JsonDefaults.putIfAbsent(spec, "completionMode", JobSpec.NON_INDEXED);
            JsonDefaults.putIfAbsent(spec, "suspend", false);
            ObjectNode failurePolicy = JsonDefaults.objectOrNull(spec, "podFailurePolicy");
            for (ObjectNode rule : JsonDefaults.objects(failurePolicy, "rules")) {
                for (ObjectNode pattern : JsonDefaults.objects(rule, "onPodConditions")) {
                    JsonDefaults.putIfAbsent(pattern, "status", "True");
                }
            }
            JsonDefaults.putIfAbsent(spec, "podReplacementPolicy",
                    failurePolicy != null ? JobSpec.FAILED : JobSpec.TERMINATING_OR_FAILED);
            JsonDefaults.putIfAbsent(spec, "manualSelector", false);
            PodDefaults.applyToTemplateOf(spec);
        });
    }

    /**
     * Generates the selector and template labels from the uid the registry has just assigned.
     * The Job's own labels, if it had none, become the template's labels including the generated
     * ones, as Kubernetes shows them once it reads the Job back (its defaulting runs on every read).
     */
    @Override
    public Job prepareForCreate(Job job) {
        JobSpec spec = job.spec();
        if (spec == null || Boolean.TRUE.equals(spec.manualSelector())) {
            return job;
        }
        String uid = job.metadata().uid();
        String name = job.metadata().name();
        PodTemplateSpec template = spec.template() == null ? new PodTemplateSpec(null, null) : spec.template();
        ObjectMeta templateMeta = template.metadata() == null ? ObjectMeta.named(null) : template.metadata();
        // Sorted, as Kubernetes prints every map (Go's JSON encoder sorts keys).
        Map<String, String> labels = new TreeMap<>(templateMeta.labels());
        labels.putIfAbsent(LEGACY_JOB_NAME_LABEL, name);
        labels.putIfAbsent(JOB_NAME_LABEL, name);
        labels.putIfAbsent(LEGACY_CONTROLLER_UID_LABEL, uid);
        labels.putIfAbsent(CONTROLLER_UID_LABEL, uid);
        LabelSelector selector = spec.selector() == null ? LabelSelector.matching(Map.of()) : spec.selector();
        Map<String, String> matchLabels = new TreeMap<>(selector.matchLabels());
        matchLabels.putIfAbsent(CONTROLLER_UID_LABEL, uid);
        JobSpec generated = spec.withTemplate(template.withMetadata(templateMeta.withLabels(labels)))
                .withSelector(new LabelSelector(matchLabels, selector.matchExpressions()));
        ObjectMeta meta = job.metadata();
        if (meta.labels().isEmpty()) {
            meta = meta.withLabels(labels);
        }
        return job.withMetadata(meta).withSpec(generated);
    }

    @Override
    public boolean hasGeneration() {
        return true;
    }

    @Override
    public List<FieldError> validate(Job job) {
        return JobValidation.validate(job, true);
    }

    /** The same rules (old Jobs without the prefixed labels stay valid), then the fixed fields. */
    @Override
    public List<FieldError> validateUpdate(Job job, Job old) {
        Map<String, String> oldLabels = old.spec() == null || old.spec().template() == null
                || old.spec().template().metadata() == null ? Map.of() : old.spec().template().metadata().labels();
        boolean prefixed = oldLabels.containsKey(JOB_NAME_LABEL) && oldLabels.containsKey(CONTROLLER_UID_LABEL);
        List<FieldError> errors = new ArrayList<>(JobValidation.validate(job, prefixed));
        errors.addAll(JobValidation.validateUpdate(job, old));
        return errors;
    }

    @Override
    public Set<String> fieldLabels() {
        return Set.of(STATUS_SUCCESSFUL);
    }

    @Override
    public Map<String, String> selectableFields(Job job) {
        Integer succeeded = job.status() == null ? null : job.status().succeeded();
        return Map.of(STATUS_SUCCESSFUL, String.valueOf(succeeded == null ? 0 : succeeded));
    }
}
