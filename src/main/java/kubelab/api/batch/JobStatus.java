package kubelab.api.batch;

import java.time.Instant;
import java.util.List;
import kubelab.api.meta.PatchStrategy;

/**
 * What the Job controller last observed: conditions, when the Job started and completed, counts of
 * active, succeeded, failed, terminating and ready pods, the completed and failed indexes of an
 * Indexed Job (as {@code "1,3-5,7"}), and pods that finished but are not yet counted.
 *
 * <p>Real Kubernetes: {@code batchv1.JobStatus}.
 */
public record JobStatus(
        @PatchStrategy(value = "merge", mergeKey = "type") List<JobCondition> conditions,
        Instant startTime,
        Instant completionTime,
        Integer active,
        Integer succeeded,
        Integer failed,
        Integer terminating,
        String completedIndexes,
        String failedIndexes,
        UncountedTerminatedPods uncountedTerminatedPods,
        Integer ready) {

    public JobStatus {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    /** True if a condition of this type has status True. */
    public boolean hasCondition(String type) {
        return conditions.stream().anyMatch(c -> type.equals(c.type()) && "True".equals(c.status()));
    }
}
