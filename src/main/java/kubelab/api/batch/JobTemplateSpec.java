package kubelab.api.batch;

import kubelab.api.meta.ObjectMeta;

/**
 * The Job a CronJob creates at each scheduled time: its labels and annotations and its spec.
 *
 * <p>Real Kubernetes: {@code batchv1.JobTemplateSpec}.
 */
public record JobTemplateSpec(ObjectMeta metadata, JobSpec spec) {
}
