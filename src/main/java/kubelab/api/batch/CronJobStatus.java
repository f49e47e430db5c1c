package kubelab.api.batch;

import java.time.Instant;
import java.util.List;
import kubelab.api.core.ObjectReference;

/**
 * The Jobs of a CronJob that are running now, and when it last scheduled one and last saw one succeed.
 *
 * <p>Real Kubernetes: {@code batchv1.CronJobStatus}.
 */
public record CronJobStatus(List<ObjectReference> active, Instant lastScheduleTime, Instant lastSuccessfulTime) {
    public CronJobStatus {
        active = active == null ? List.of() : List.copyOf(active);
    }
}
