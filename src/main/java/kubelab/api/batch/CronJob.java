package kubelab.api.batch;

import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;

/**
 * A Job on a schedule: at each time the cron {@code schedule} names, the CronJob controller
 * creates a Job from {@code jobTemplate}, and keeps a few finished ones as history.
 *
 * <p>Real Kubernetes: {@code batchv1.CronJob}, reconciled by {@code pkg/controller/cronjob}.
 */
public record CronJob(String apiVersion, String kind, ObjectMeta metadata, CronJobSpec spec, CronJobStatus status)
        implements KubeObject {

    public static final String KIND = "CronJob";

    public CronJob {
        apiVersion = apiVersion == null ? BatchV1.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
    }

    @Override
    public CronJob withMetadata(ObjectMeta metadata) {
        return new CronJob(apiVersion, kind, metadata, spec, status);
    }

    public CronJob withSpec(CronJobSpec spec) {
        return new CronJob(apiVersion, kind, metadata, spec, status);
    }

    public CronJob withStatus(CronJobStatus status) {
        return new CronJob(apiVersion, kind, metadata, spec, status);
    }
}
