/**
 * The {@code batch/v1} objects: {@link kubelab.api.batch.Job} (pods that run to completion) and
 * {@link kubelab.api.batch.CronJob} (Jobs on a schedule), with failure and success policies.
 *
 * <p>The Job and CronJob controllers reconcile them. Enumerated values are strings with constants
 * on the record that uses them, so a value from a newer server still decodes.
 */
package kubelab.api.batch;
