package kubelab.client.leaderelection;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;

/**
 * How a {@link LeaderElector} competes: the Lease it uses as lock ({@code lockNamespace/lockName}),
 * its identity, and three durations.
 * <ul>
 *   <li>{@code leaseDuration}: how long a candidate waits, from the last time it saw the record
 *       change, before it takes the lease over from a silent holder (default 15 s);</li>
 *   <li>{@code renewDeadline}: how long the leader keeps trying to renew before it gives up
 *       leading (10 s); shorter than the lease, so the old leader stops before anyone takes over;</li>
 *   <li>{@code retryPeriod}: the pause between tries, to acquire (plus jitter) or to renew (2 s).</li>
 * </ul>
 * {@code releaseOnCancel}: whether {@link LeaderElector#stop()} hands the lease back at once
 * instead of letting it run out.
 *
 * <p>Real Kubernetes: {@code LeaderElectionConfig} in {@code client-go/tools/leaderelection}, with
 * the defaults of {@code --leader-elect-lease-duration}, {@code --leader-elect-renew-deadline} and
 * {@code --leader-elect-retry-period} of kube-scheduler and kube-controller-manager.
 */
public record LeaderElectionConfig(String lockNamespace, String lockName, String identity, Duration leaseDuration,
                                   Duration renewDeadline, Duration retryPeriod, boolean releaseOnCancel) {
    public static final Duration DEFAULT_LEASE_DURATION = Duration.ofSeconds(15);
    public static final Duration DEFAULT_RENEW_DEADLINE = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RETRY_PERIOD = Duration.ofSeconds(2);
    /** The scheduler's lock. */
    public static final String KUBE_SCHEDULER = "kube-scheduler";
    /** The controller manager's lock. */
    public static final String KUBE_CONTROLLER_MANAGER = "kube-controller-manager";
    /** Where both locks live. */
    public static final String KUBE_SYSTEM = "kube-system";

    /** Checks the config as client-go's {@code NewLeaderElector} does, with its messages. */
    public LeaderElectionConfig {
        require(lockNamespace != null && !lockNamespace.isEmpty(), "lock namespace must not be empty");
        require(lockName != null && !lockName.isEmpty(), "lock name must not be empty");
        require(identity != null && !identity.isEmpty(), "Lock identity is empty");
        Objects.requireNonNull(leaseDuration, "leaseDuration");
        Objects.requireNonNull(renewDeadline, "renewDeadline");
        Objects.requireNonNull(retryPeriod, "retryPeriod");
        require(leaseDuration.compareTo(renewDeadline) > 0, "leaseDuration must be greater than renewDeadline");
        require(renewDeadline.toNanos() > (long) (LeaderElector.JITTER_FACTOR * retryPeriod.toNanos()),
                "renewDeadline must be greater than retryPeriod*JitterFactor");
        require(leaseDuration.toSeconds() >= 1, "leaseDuration must be at least one second "
                + "(the Lease stores whole seconds), got " + leaseDuration);
        require(!retryPeriod.isNegative() && !retryPeriod.isZero(), "retryPeriod must be greater than zero");
    }

    /** Kubernetes' defaults (15 s, 10 s, 2 s), releasing the lease on {@link LeaderElector#stop()}. */
    public static LeaderElectionConfig defaults(String lockNamespace, String lockName, String identity) {
        return new LeaderElectionConfig(lockNamespace, lockName, identity, DEFAULT_LEASE_DURATION,
                DEFAULT_RENEW_DEADLINE, DEFAULT_RETRY_PERIOD, true);
    }

    /** The same config with another identity. */
    public LeaderElectionConfig withIdentity(String identity) {
        return new LeaderElectionConfig(lockNamespace, lockName, identity, leaseDuration, renewDeadline,
                retryPeriod, releaseOnCancel);
    }

    /** The same config, with or without releasing on stop. */
    public LeaderElectionConfig withReleaseOnCancel(boolean releaseOnCancel) {
        return new LeaderElectionConfig(lockNamespace, lockName, identity, leaseDuration, renewDeadline,
                retryPeriod, releaseOnCancel);
    }

    /** {@code kube-system/kube-scheduler}. */
    public String describeLock() {
        return lockNamespace + "/" + lockName;
    }

    /**
     * An identity as Kubernetes' components make theirs: {@code <hostname>_<random UUID>}, unique
     * to this run of the process, so a restarted process is a new candidate and never mistakes
     * the lease its previous run held for its own. The UUID is drawn from {@code random}: pass the
     * loop's seeded source to make simulated runs repeat.
     */
    public static String identity(String hostname, Random random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return hostname + "_" + new UUID(high, low);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
