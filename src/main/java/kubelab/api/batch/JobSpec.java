package kubelab.api.batch;

import kubelab.api.core.PodTemplateSpec;
import kubelab.api.meta.LabelSelector;

/**
 * The desired run of a Job.
 *
 * <ul>
 *   <li>{@code completions} successful pods are needed (null: any one success ends the Job);
 *       {@code parallelism} bounds how many run at once (default 1).</li>
 *   <li>{@code backoffLimit} (default 6) failed retries fail the Job; {@code podFailurePolicy} may
 *       ignore or fast-fail some failures; {@code activeDeadlineSeconds} bounds the whole run.</li>
 *   <li>{@code completionMode} {@value #NON_INDEXED} or {@value #INDEXED} (each pod gets an index
 *       0..completions-1, with per-index limits {@code backoffLimitPerIndex} and {@code maxFailedIndexes},
 *       and {@code successPolicy} to succeed early).</li>
 *   <li>{@code selector} and the pod labels are set by the API server unless {@code manualSelector}.</li>
 *   <li>{@code suspend} stops creating pods; {@code ttlSecondsAfterFinished} deletes the finished Job;
 *       {@code podReplacementPolicy} says when a replacement pod may start.</li>
 * </ul>
 *
 * <p>Real Kubernetes: {@code batchv1.JobSpec}.
 */
public record JobSpec(
        Integer parallelism,
        Integer completions,
        Long activeDeadlineSeconds,
        PodFailurePolicy podFailurePolicy,
        SuccessPolicy successPolicy,
        Integer backoffLimit,
        Integer backoffLimitPerIndex,
        Integer maxFailedIndexes,
        LabelSelector selector,
        Boolean manualSelector,
        PodTemplateSpec template,
        Integer ttlSecondsAfterFinished,
        String completionMode,
        Boolean suspend,
        String podReplacementPolicy,
        String managedBy) {

    public static final String NON_INDEXED = "NonIndexed";
    public static final String INDEXED = "Indexed";
    /** {@code podReplacementPolicy}: replace a pod once it is terminating or failed (the default). */
    public static final String TERMINATING_OR_FAILED = "TerminatingOrFailed";
    /** {@code podReplacementPolicy}: replace a pod only once it has fully failed. */
    public static final String FAILED = "Failed";

    /** A Job running {@code template} to one success, with everything else defaulted by the server. */
    public static JobSpec of(PodTemplateSpec template) {
        return new JobSpec(null, null, null, null, null, null, null, null, null, null, template, null, null, null,
                null, null);
    }

    public JobSpec withSelector(LabelSelector selector) {
        return new JobSpec(parallelism, completions, activeDeadlineSeconds, podFailurePolicy, successPolicy,
                backoffLimit, backoffLimitPerIndex, maxFailedIndexes, selector, manualSelector, template,
                ttlSecondsAfterFinished, completionMode, suspend, podReplacementPolicy, managedBy);
    }

    public JobSpec withTemplate(PodTemplateSpec template) {
        return new JobSpec(parallelism, completions, activeDeadlineSeconds, podFailurePolicy, successPolicy,
                backoffLimit, backoffLimitPerIndex, maxFailedIndexes, selector, manualSelector, template,
                ttlSecondsAfterFinished, completionMode, suspend, podReplacementPolicy, managedBy);
    }

    public JobSpec withSuspend(Boolean suspend) {
        return new JobSpec(parallelism, completions, activeDeadlineSeconds, podFailurePolicy, successPolicy,
                backoffLimit, backoffLimitPerIndex, maxFailedIndexes, selector, manualSelector, template,
                ttlSecondsAfterFinished, completionMode, suspend, podReplacementPolicy, managedBy);
    }
}
