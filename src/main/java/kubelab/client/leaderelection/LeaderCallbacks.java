package kubelab.client.leaderelection;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a {@link LeaderElector} calls, on its loop, as leadership changes: {@code onStartedLeading}
 * when this candidate takes the lease (start the work), {@code onStoppedLeading} when it no longer
 * holds it (stop the work at once), and {@code onNewLeader} with the identity of each holder it
 * sees that differs from the last one it reported (an empty identity: the lease was released and
 * nobody holds it). {@code onNewLeader} may be null.
 *
 * <p>Real Kubernetes: {@code LeaderCallbacks} in {@code client-go/tools/leaderelection}, whose
 * callbacks run in goroutines of their own; here they run on the loop, one at a time, and must
 * return quickly.
 */
public record LeaderCallbacks(Runnable onStartedLeading, Runnable onStoppedLeading, Consumer<String> onNewLeader) {

    public LeaderCallbacks {
        Objects.requireNonNull(onStartedLeading, "onStartedLeading callback must not be null");
        Objects.requireNonNull(onStoppedLeading, "onStoppedLeading callback must not be null");
        onNewLeader = onNewLeader == null ? identity -> { } : onNewLeader;
    }

    /** Callbacks without {@code onNewLeader}. */
    public static LeaderCallbacks of(Runnable onStartedLeading, Runnable onStoppedLeading) {
        return new LeaderCallbacks(onStartedLeading, onStoppedLeading, null);
    }
}
