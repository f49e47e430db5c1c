package kubelab.api.batch;

import java.util.List;
import java.util.Set;
import kubelab.api.ResourceType;

/**
 * The {@code batch/v1} group: Jobs and CronJobs, and the labels, annotation and finalizer the Job
 * controller puts on its pods.
 *
 * <p>Real Kubernetes: {@code k8s.io/api/batch/v1/register.go} and {@code types.go}, and the group's
 * discovery document.
 */
public final class BatchV1 {
    public static final String GROUP = "batch";
    public static final String VERSION = "v1";
    public static final String API_VERSION = GROUP + "/" + VERSION;

    /** Label on a Job's pods: the Job's name. */
    public static final String JOB_NAME_LABEL = "batch.kubernetes.io/job-name";
    /** Label on a Job's pods: the Job's uid, which the default selector matches. */
    public static final String CONTROLLER_UID_LABEL = "batch.kubernetes.io/controller-uid";
    /** Annotation (and label) on the pods of an Indexed Job: the pod's completion index. */
    public static final String JOB_COMPLETION_INDEX_ANNOTATION = "batch.kubernetes.io/job-completion-index";
    /** Finalizer on a Job's pods until their outcome has been counted in the Job's status. */
    public static final String JOB_TRACKING_FINALIZER = "batch.kubernetes.io/job-tracking";
    /** Annotation on a Job created by a CronJob: the time it was scheduled for, RFC 3339. */
    public static final String CRON_JOB_SCHEDULED_TIMESTAMP_ANNOTATION = "batch.kubernetes.io/cronjob-scheduled-timestamp";

    private BatchV1() {
    }

    /** The group's resources, as {@code kubectl api-resources --api-group=batch} lists them. */
    public static List<ResourceType> resourceTypes() {
        return List.of(
                new ResourceType(GROUP, VERSION, CronJob.KIND, "cronjobs", "cronjob", List.of("cj"), true,
                        CronJob.class, Set.of("status"), List.of("all")),
                new ResourceType(GROUP, VERSION, Job.KIND, "jobs", "job", List.of(), true, Job.class,
                        Set.of("status"), List.of("all")));
    }
}
