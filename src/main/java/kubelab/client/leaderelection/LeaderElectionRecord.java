package kubelab.client.leaderelection;

import java.util.Objects;
import kubelab.api.meta.MicroTime;

/**
 * What a lock says about its leader: who holds it ({@code ""}: nobody), how many seconds a renewal
 * lasts, when it was acquired and last renewed, and how many times it changed hands. The elector
 * compares records it reads with the last one it saw to tell whether the holder is still alive.
 *
 * <p>Real Kubernetes: {@code resourcelock.LeaderElectionRecord}, which a {@code LeaseLock} maps to
 * and from a {@code LeaseSpec}.
 */
public record LeaderElectionRecord(String holderIdentity, int leaseDurationSeconds, MicroTime acquireTime,
                                   MicroTime renewTime, int leaderTransitions) {

    public LeaderElectionRecord {
        holderIdentity = Objects.requireNonNullElse(holderIdentity, "");
    }

    /** True if somebody holds the lock. */
    public boolean held() {
        return !holderIdentity.isEmpty();
    }

    LeaderElectionRecord withAcquireTime(MicroTime acquireTime) {
        return new LeaderElectionRecord(holderIdentity, leaseDurationSeconds, acquireTime, renewTime, leaderTransitions);
    }

    LeaderElectionRecord withLeaderTransitions(int leaderTransitions) {
        return new LeaderElectionRecord(holderIdentity, leaseDurationSeconds, acquireTime, renewTime, leaderTransitions);
    }
}
