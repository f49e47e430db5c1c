package kubelab.scheduler;

import java.util.List;
import kubelab.scheduler.explain.DecisionLog;
import kubelab.scheduler.framework.runtime.Profile;

/**
 * How a scheduler is configured: its profiles (each a {@code schedulerName} pods can ask for),
 * {@code percentageOfNodesToScore} (0: adaptive, as in Kubernetes) and how many pods' decisions
 * to keep for explaining.
 *
 * <p>Real Kubernetes: {@code KubeSchedulerConfiguration} in {@code pkg/scheduler/apis/config/types.go}.
 */
public record SchedulerOptions(List<Profile> profiles, int percentageOfNodesToScore, int decisionLogCapacity) {

    public SchedulerOptions {
        profiles = List.copyOf(profiles);
        if (profiles.isEmpty()) {
            throw new IllegalArgumentException("a scheduler needs at least one profile");
        }
        if (percentageOfNodesToScore < 0 || percentageOfNodesToScore > 100) {
            throw new IllegalArgumentException("percentageOfNodesToScore must be in [0, 100]");
        }
    }

    /** One profile, {@code default-scheduler}, with the default plugins. */
    public static SchedulerOptions defaults() {
        return of(Profile.defaultProfile());
    }

    public static SchedulerOptions of(Profile... profiles) {
        return new SchedulerOptions(List.of(profiles), 0, DecisionLog.DEFAULT_CAPACITY);
    }

    public SchedulerOptions withPercentageOfNodesToScore(int percentage) {
        return new SchedulerOptions(profiles, percentage, decisionLogCapacity);
    }
}
