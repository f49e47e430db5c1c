package kubelab.apiserver.registry.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import kubelab.api.batch.CronJob;
import kubelab.api.batch.CronJobSpec;
import kubelab.api.batch.JobSpec;
import kubelab.api.batch.JobTemplateSpec;
import kubelab.apiserver.FieldError;
import kubelab.apiserver.registry.Strategy;
import kubelab.apiserver.registry.core.PodDefaults;
import kubelab.apiserver.registry.validation.FieldChecks;
import kubelab.apiserver.registry.validation.GoValue;
import kubelab.apiserver.registry.validation.JsonDefaults;

/**
 * CronJobs: concurrency {@code Allow}, not suspended, 3 successful and 1 failed Job kept unless
 * the manifest says otherwise; a schedule in cron syntax ({@link CronSchedule}) with any time
 * zone in {@code timeZone}, not in the schedule; a Job template that would make a valid Job but
 * leaves the selector to the API server; and a name of at most 52 characters, because each Job
 * is named {@code <cronjob>-<11-character timestamp>} and must stay a 63-character DNS label.
 *
 * <p>Only the pod template inside {@code jobTemplate} is defaulted here: the Job defaults come
 * when the CronJob controller creates each Job, as in Kubernetes.
 *
 * <p>Real Kubernetes: {@code pkg/registry/batch/cronjob/strategy.go}, {@code SetDefaults_CronJob}
 * and {@code ValidateCronJobCreate} / {@code validateCronJobSpec}.
 */
public final class CronJobStrategy implements Strategy<CronJob> {
    /** 63 (a DNS label) less the 11 characters of the {@code -<timestamp>} suffix of each Job. */
    public static final int MAX_NAME_LENGTH = 52;
    private static final Pattern TIME_ZONE_PART = Pattern.compile("[A-Za-z.\\-_0-9+]{1,14}");

    @Override
    public CronJob applyDefaults(CronJob cronJob) {
        return JsonDefaults.apply(cronJob, CronJob.class, tree -> {
            ObjectNode spec = JsonDefaults.object(tree, "spec");
            JsonDefaults.putIfAbsent(spec, "concurrencyPolicy", CronJobSpec.ALLOW);
            JsonDefaults.putIfAbsent(spec, "suspend", false);
            JsonDefaults.putIfAbsent(spec, "successfulJobsHistoryLimit", 3);
            JsonDefaults.putIfAbsent(spec, "failedJobsHistoryLimit", 1);
            ObjectNode jobTemplate = JsonDefaults.objectOrNull(spec, "jobTemplate");
            PodDefaults.applyToTemplateOf(jobTemplate == null ? null : JsonDefaults.objectOrNull(jobTemplate, "spec"));
        });
    }

    @Override
    public boolean hasGeneration() {
        return true;
    }

    @Override
    public List<FieldError> validate(CronJob cronJob) {
        List<FieldError> errors = new ArrayList<>(validateSpec(cronJob.spec(), null));
        String name = cronJob.metadata().name();
        if (name != null && name.length() > MAX_NAME_LENGTH) {
            errors.add(FieldError.invalid("metadata.name", name, "must be no more than 52 characters"));
        }
        return errors;
    }

    /** The same rules but the name length, so that old CronJobs with long names can still be changed. */
    @Override
    public List<FieldError> validateUpdate(CronJob cronJob, CronJob old) {
        return validateSpec(cronJob.spec(), old.spec());
    }

    private static List<FieldError> validateSpec(CronJobSpec spec, CronJobSpec old) {
        if (spec == null) {
            return List.of(FieldError.required("spec", null));
        }
        List<FieldError> errors = new ArrayList<>();
        String schedule = spec.schedule() == null ? "" : spec.schedule();
        if (schedule.isEmpty()) {
            errors.add(FieldError.required("spec.schedule", null));
        } else {
            Optional<String> problem = CronSchedule.problem(schedule);
            problem.ifPresent(p -> errors.add(FieldError.invalid("spec.schedule", schedule, p)));
            boolean tzAllowed = old != null && old.schedule() != null && old.schedule().contains("TZ");
            if (tzAllowed && schedule.contains("TZ") && spec.timeZone() != null) {
                errors.add(FieldError.invalid("spec.schedule", schedule,
                        "cannot use both timeZone field and TZ or CRON_TZ in schedule"));
            } else if (!tzAllowed && schedule.contains("TZ")) {
                errors.add(FieldError.invalid("spec.schedule", schedule,
                        "cannot use TZ or CRON_TZ in schedule, use timeZone field instead"));
            }
        }
        errors.addAll(FieldChecks.nonNegative(spec.startingDeadlineSeconds(), "spec.startingDeadlineSeconds"));
        if (old == null || !Objects.equals(old.timeZone(), spec.timeZone())) {
            errors.addAll(timeZone(spec.timeZone()));
        }
        String policy = spec.concurrencyPolicy() == null ? "" : spec.concurrencyPolicy();
        if (policy.isEmpty()) {
            errors.add(FieldError.required("spec.concurrencyPolicy", null));
        } else if (!List.of(CronJobSpec.ALLOW, CronJobSpec.FORBID, CronJobSpec.REPLACE).contains(policy)) {
            errors.add(FieldError.notSupported("spec.concurrencyPolicy", policy,
                    List.of(CronJobSpec.ALLOW, CronJobSpec.FORBID, CronJobSpec.REPLACE)));
        }
        errors.addAll(jobTemplate(spec.jobTemplate()));
        errors.addAll(FieldChecks.nonNegative(spec.successfulJobsHistoryLimit(), "spec.successfulJobsHistoryLimit"));
        errors.addAll(FieldChecks.nonNegative(spec.failedJobsHistoryLimit(), "spec.failedJobsHistoryLimit"));
        return errors;
    }

    /** The Job spec rules, and no selector: every Job made from it gets a generated one. */
    private static List<FieldError> jobTemplate(JobTemplateSpec template) {
        JobSpec spec = template == null || template.spec() == null ? JobSpec.of(null) : template.spec();
        List<FieldError> errors = new ArrayList<>(JobSpecValidation.validate(spec, "spec.jobTemplate.spec"));
        if (spec.selector() != null) {
            errors.add(FieldError.invalid("spec.jobTemplate.spec.selector", GoValue.labelSelector(spec.selector()),
                    "`selector` will be auto-generated"));
        }
        if (Boolean.TRUE.equals(spec.manualSelector())) {
            errors.add(FieldError.notSupported("spec.jobTemplate.spec.manualSelector", true, List.of("nil", "false")));
        }
        return errors;
    }

    /** An IANA zone name such as {@code Europe/Berlin}, never {@code Local}. */
    private static List<FieldError> timeZone(String zone) {
        if (zone == null) {
            return List.of();
        }
        if (zone.isEmpty()) {
            return List.of(FieldError.invalid("spec.timeZone", zone, "timeZone must be nil or non-empty string"));
        }
        for (String part : zone.split("/", -1)) {
            if (part.equals(".") || part.equals("..") || part.startsWith("-") || !TIME_ZONE_PART.matcher(part).matches()) {
                return List.of(FieldError.invalid("spec.timeZone", zone, "unknown time zone " + zone));
            }
        }
        if (zone.equalsIgnoreCase("Local")) {
            return List.of(FieldError.invalid("spec.timeZone", zone,
                    "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones"));
        }
        try {
            ZoneId.of(zone);
            return List.of();
        } catch (DateTimeException e) {
            return List.of(FieldError.invalid("spec.timeZone", zone, "unknown time zone " + zone));
        }
    }
}
