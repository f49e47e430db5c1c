package kubelab.api.batch;

/**
 * When and how a CronJob runs: a cron {@code schedule} ({@code "0 * * * *"}: hourly) in
 * {@code timeZone} (default: the controller's), how late a missed run may still start, what to do
 * if the previous Job still runs ({@code concurrencyPolicy}: {@value #ALLOW}, {@value #FORBID} or
 * {@value #REPLACE}), whether it is suspended, the Job to create, and how many finished Jobs to keep
 * (default 3 successful, 1 failed).
 *
 * <p>Real Kubernetes: {@code batchv1.CronJobSpec} and {@code batchv1.ConcurrencyPolicy}.
 */
public record CronJobSpec(String schedule, String timeZone, Long startingDeadlineSeconds, String concurrencyPolicy,
                          Boolean suspend, JobTemplateSpec jobTemplate, Integer successfulJobsHistoryLimit,
                          Integer failedJobsHistoryLimit) {

    public static final String ALLOW = "Allow";
    public static final String FORBID = "Forbid";
    public static final String REPLACE = "Replace";
}
