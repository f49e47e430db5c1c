/**
 * The strategies of the {@code batch/v1} kinds: {@link kubelab.apiserver.registry.batch.JobStrategy}
 * (defaults, and the selector the API server generates from the Job's own uid) and
 * {@link kubelab.apiserver.registry.batch.CronJobStrategy} (defaults, and a schedule checked by
 * {@link kubelab.apiserver.registry.batch.CronSchedule}, the 5-field cron grammar).
 *
 * <p>The Job spec rules are written once, in {@link kubelab.apiserver.registry.batch.JobSpecValidation},
 * because a CronJob's {@code jobTemplate} must pass them too, as in Kubernetes'
 * {@code pkg/apis/batch/validation}.
 */
package kubelab.apiserver.registry.batch;
