package kubelab.api.batch;

import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;

/**
 * Work that runs to completion: the Job controller runs pods from the template until
 * {@code completions} of them have succeeded (at most {@code parallelism} at a time), retrying
 * failed ones up to {@code backoffLimit} times, then marks the Job {@code Complete} or {@code Failed}.
 *
 * <p>Real Kubernetes: {@code batchv1.Job}, reconciled by {@code pkg/controller/job}.
 */
public record Job(String apiVersion, String kind, ObjectMeta metadata, JobSpec spec, JobStatus status)
        implements KubeObject {

    public static final String KIND = "Job";

    public Job {
        apiVersion = apiVersion == null ? BatchV1.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
    }

    @Override
    public Job withMetadata(ObjectMeta metadata) {
        return new Job(apiVersion, kind, metadata, spec, status);
    }

    public Job withSpec(JobSpec spec) {
        return new Job(apiVersion, kind, metadata, spec, status);
    }

    public Job withStatus(JobStatus status) {
        return new Job(apiVersion, kind, metadata, spec, status);
    }
}
