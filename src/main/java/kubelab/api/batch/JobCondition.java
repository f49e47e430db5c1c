package kubelab.api.batch;

import java.time.Instant;

/**
 * One condition of a Job. {@value #COMPLETE} and {@value #FAILED} are terminal; they follow
 * {@value #SUCCESS_CRITERIA_MET} and {@value #FAILURE_TARGET} once the Job's pods have stopped.
 *
 * <p>Real Kubernetes: {@code batchv1.JobCondition} and {@code batchv1.JobConditionType}.
 */
public record JobCondition(String type, String status, Instant lastProbeTime, Instant lastTransitionTime,
                           String reason, String message) {

    public static final String SUSPENDED = "Suspended";
    public static final String COMPLETE = "Complete";
    public static final String FAILED = "Failed";
    public static final String FAILURE_TARGET = "FailureTarget";
    public static final String SUCCESS_CRITERIA_MET = "SuccessCriteriaMet";
}
