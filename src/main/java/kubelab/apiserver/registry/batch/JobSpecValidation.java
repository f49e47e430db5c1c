package kubelab.apiserver.registry.batch;

import java.util.ArrayList;
import java.util.List;
import kubelab.api.batch.JobSpec;
import kubelab.api.batch.PodFailurePolicyOnPodConditionsPattern;
import kubelab.api.batch.PodFailurePolicyRule;
import kubelab.api.core.RestartPolicy;
import kubelab.apiserver.FieldError;
import kubelab.apiserver.registry.core.PodValidation;
import kubelab.apiserver.registry.validation.FieldChecks;

/**
 * The rules of a Job spec, shared by Jobs and by a CronJob's {@code jobTemplate}: counts that are
 * not negative, a supported completion mode (Indexed needs {@code completions}), a supported pod
 * replacement policy, a valid pod template, and a restart policy of OnFailure or Never: a Job's
 * pods are meant to finish, so {@code Always} (the pod default) is refused with a hint.
 *
 * <p>Real Kubernetes: {@code validateJobSpec} in {@code pkg/apis/batch/validation/validation.go}.
 */
final class JobSpecValidation {
    static final int MAX_PARALLELISM_FOR_INDEXED_JOB = 100_000;

    private JobSpecValidation() {
    }

    /** Checks a Job spec found at {@code path} ({@code spec}, or {@code spec.jobTemplate.spec}). */
    static List<FieldError> validate(JobSpec spec, String path) {
        List<FieldError> errors = new ArrayList<>();
        errors.addAll(FieldChecks.nonNegative(spec.parallelism(), path + ".parallelism"));
        errors.addAll(FieldChecks.nonNegative(spec.completions(), path + ".completions"));
        errors.addAll(FieldChecks.nonNegative(spec.activeDeadlineSeconds(), path + ".activeDeadlineSeconds"));
        errors.addAll(FieldChecks.nonNegative(spec.backoffLimit(), path + ".backoffLimit"));
        errors.addAll(FieldChecks.nonNegative(spec.ttlSecondsAfterFinished(), path + ".ttlSecondsAfterFinished"));
        errors.addAll(FieldChecks.nonNegative(spec.backoffLimitPerIndex(), path + ".backoffLimitPerIndex"));
        errors.addAll(FieldChecks.nonNegative(spec.maxFailedIndexes(), path + ".maxFailedIndexes"));
        if (spec.maxFailedIndexes() != null && spec.backoffLimitPerIndex() == null) {
            errors.add(FieldError.required(path + ".backoffLimitPerIndex", "when maxFailedIndexes is specified"));
        }
        boolean indexed = JobSpec.INDEXED.equals(spec.completionMode());
        if (spec.completionMode() != null) {
            if (!indexed && !JobSpec.NON_INDEXED.equals(spec.completionMode())) {
                errors.add(FieldError.notSupported(path + ".completionMode", spec.completionMode(),
                        List.of(JobSpec.NON_INDEXED, JobSpec.INDEXED)));
            }
            if (indexed && spec.completions() == null) {
                errors.add(FieldError.required(path + ".completions", "when completion mode is Indexed"));
            }
            if (indexed && spec.parallelism() != null && spec.parallelism() > MAX_PARALLELISM_FOR_INDEXED_JOB) {
                errors.add(FieldError.invalid(path + ".parallelism", spec.parallelism(),
                        "must be less than or equal to 100000 when completion mode is Indexed"));
            }
        }
        if (!indexed) {
            if (spec.backoffLimitPerIndex() != null) {
                errors.add(FieldError.invalid(path + ".backoffLimitPerIndex", spec.backoffLimitPerIndex(),
                        "requires indexed completion mode"));
            }
            if (spec.maxFailedIndexes() != null) {
                errors.add(FieldError.invalid(path + ".maxFailedIndexes", spec.maxFailedIndexes(),
                        "requires indexed completion mode"));
            }
        }
        if (spec.podFailurePolicy() != null) {
            errors.addAll(podFailurePolicy(spec, path + ".podFailurePolicy"));
        }
        if (spec.successPolicy() != null && !indexed) {
            errors.add(FieldError.invalid(path + ".successPolicy", "SuccessPolicy", "requires indexed completion mode"));
        }
        errors.addAll(podReplacementPolicy(spec, path + ".podReplacementPolicy"));
        errors.addAll(PodValidation.validatePodTemplateSpec(spec.template(), path + ".template"));
        errors.addAll(restartPolicy(spec, path + ".template.spec.restartPolicy"));
        return errors;
    }

    /** OnFailure or Never; Always, the pod default, gets a hint rather than a list. */
    private static List<FieldError> restartPolicy(JobSpec spec, String path) {
        if (spec.template() == null || spec.template().spec() == null) {
            return List.of();
        }
        String policy = spec.template().spec().restartPolicy() == null ? "" : spec.template().spec().restartPolicy();
        if (policy.isEmpty() || policy.equals(RestartPolicy.ALWAYS)) {
            return List.of(FieldError.required(path, "valid values: \"OnFailure\", \"Never\""));
        }
        if (!policy.equals(RestartPolicy.ON_FAILURE) && !policy.equals(RestartPolicy.NEVER)) {
            return List.of(FieldError.notSupported(path, policy, List.of(RestartPolicy.ON_FAILURE, RestartPolicy.NEVER)));
        }
        if (spec.podFailurePolicy() != null && !policy.equals(RestartPolicy.NEVER)) {
            return List.of(FieldError.invalid(path, policy, "only \"Never\" is supported when podFailurePolicy is specified"));
        }
        return List.of();
    }

    private static List<FieldError> podReplacementPolicy(JobSpec spec, String path) {
        String policy = spec.podReplacementPolicy();
        if (policy == null) {
            return List.of();
        }
        if (spec.podFailurePolicy() != null) {
            return policy.equals(JobSpec.FAILED) ? List.of()
                    : List.of(FieldError.notSupported(path, policy, List.of(JobSpec.FAILED)));
        }
        if (!policy.equals(JobSpec.FAILED) && !policy.equals(JobSpec.TERMINATING_OR_FAILED)) {
            return List.of(FieldError.notSupported(path, policy, List.of(JobSpec.FAILED, JobSpec.TERMINATING_OR_FAILED)));
        }
        return List.of();
    }

    /** Each rule names a supported action and matches either exit codes or pod conditions. */
    private static List<FieldError> podFailurePolicy(JobSpec spec, String path) {
        List<FieldError> errors = new ArrayList<>();
        List<String> actions = List.of(PodFailurePolicyRule.COUNT, PodFailurePolicyRule.FAIL_INDEX,
                PodFailurePolicyRule.FAIL_JOB, PodFailurePolicyRule.IGNORE);
        List<PodFailurePolicyRule> rules = spec.podFailurePolicy().rules();
        for (int i = 0; i < rules.size(); i++) {
            PodFailurePolicyRule rule = rules.get(i);
            String at = path + ".rules[" + i + "]";
            String action = rule.action() == null ? "" : rule.action();
            if (action.isEmpty()) {
                errors.add(FieldError.required(at + ".action", "valid values: [\"Count\" \"FailIndex\" \"FailJob\" \"Ignore\"]"));
            } else if (action.equals(PodFailurePolicyRule.FAIL_INDEX) && spec.backoffLimitPerIndex() == null) {
                errors.add(FieldError.invalid(at + ".action", action, "requires the backoffLimitPerIndex to be set"));
            } else if (!actions.contains(action)) {
                errors.add(FieldError.notSupported(at + ".action", action, actions));
            }
            for (int j = 0; j < rule.onPodConditions().size(); j++) {
                PodFailurePolicyOnPodConditionsPattern p = rule.onPodConditions().get(j);
                String status = p.status() == null ? "" : p.status();
                if (!List.of("False", "True", "Unknown").contains(status)) {
                    errors.add(FieldError.notSupported(at + ".onPodConditions[" + j + "].status", status,
                            List.of("False", "True", "Unknown")));
                }
            }
            boolean exitCodes = rule.onExitCodes() != null;
            boolean conditions = !rule.onPodConditions().isEmpty();
            if (exitCodes && conditions) {
                errors.add(new FieldError(FieldError.Type.INVALID, at, null,
                        "specifying both OnExitCodes and OnPodConditions is not supported"));
            } else if (!exitCodes && !conditions) {
                errors.add(new FieldError(FieldError.Type.INVALID, at, null,
                        "specifying one of OnExitCodes and OnPodConditions is required"));
            }
        }
        return errors;
    }
}
