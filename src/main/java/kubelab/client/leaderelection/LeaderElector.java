package kubelab.client.leaderelection;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import kubelab.api.meta.MicroTime;
import kubelab.apiserver.Api;
import kubelab.apiserver.ApiException;
import kubelab.client.record.EventRecorder;
import kubelab.time.Clock;
import kubelab.time.EventLoop;

/**
 * One candidate in a leader election: it tries to take a lock every {@code retryPeriod} (plus
 * jitter) until it holds it, calls {@code onStartedLeading}, renews every {@code retryPeriod}, and
 * calls {@code onStoppedLeading} when it cannot renew within {@code renewDeadline} or when
 * {@link #stop()} is called. An elector runs once, as client-go's {@code Run} does: to compete
 * again after it stopped, make a new one.
 *
 * <h2>How a candidate decides (each try)</h2>
 * <ol>
 *   <li>If it leads and its lease is still valid, it writes the renewal straight away with the
 *       resourceVersion it holds; on success that is all (the leader's fast path).</li>
 *   <li>Otherwise it reads the lock. Absent: it creates it, holding it.</li>
 *   <li>If the record differs from the one it saw last, it notes it and <em>the local time it saw
 *       it</em>. The lease counts as valid until that time plus the record's
 *       {@code leaseDurationSeconds}: the holder's clock is never compared with ours. A valid
 *       lease held by someone else: give up this try.</li>
 *   <li>Otherwise it writes itself in as holder (keeping {@code acquireTime} and the count if it
 *       already held it, else counting one more transition). The write carries the
 *       resourceVersion just read: of two candidates racing, the second gets a 409 and loses.</li>
 * </ol>
 * Why this is safe: a leader that cannot renew gives up within {@code retryPeriod +
 * renewDeadline} (12 s) of its last renewal, while the others wait {@code leaseDuration} (15 s)
 * from when they last saw that renewal, so the old leader has stopped before a new one starts,
 * as long as clocks run at the same rate and processes are not frozen in between.
 *
 * <p>Everything runs on the loop, and the elector is not thread-safe: call {@link #stop()} and the
 * queries on the loop's thread or from a task ({@code loop.execute(elector::stop)}). Timers are
 * background ones, so {@code settle()} does not wait
 * for them. Jitter is drawn from the loop's random source, and only when a try fails, so a run
 * repeats for the same seed and a lone candidate draws nothing.
 *
 * <p>Differences from client-go: callbacks run on the loop rather than in goroutines;
 * {@code onStoppedLeading} is called only after {@code onStartedLeading} (client-go calls it
 * whenever {@code Run} returns); on {@link #stop()} it is called <em>before</em> the lease is
 * released, so the work guarded by the lease has stopped by the time another candidate can take
 * over (client-go leaves that to the caller). No health-check watchdog, no metrics.
 *
 * <p>Real Kubernetes: {@code LeaderElector} in {@code k8s.io/client-go/tools/leaderelection}
 * ({@code leaderelection.go}), as kube-scheduler and kube-controller-manager run it.
 */
public final class LeaderElector {
    /** A failed acquire waits {@code retryPeriod} times 1 to 2.2. */
    public static final double JITTER_FACTOR = 1.2;
    private static final System.Logger LOG = System.getLogger(LeaderElector.class.getName());

    private enum Phase { NEW, ACQUIRING, LEADING, STOPPED }

    private final ResourceLock lock;
    private final EventLoop loop;
    private final Clock clock;
    private final LeaderElectionConfig config;
    private final LeaderCallbacks callbacks;
    private Phase phase = Phase.NEW;
    /** The record as last read or written, and the local time it was seen to change. */
    private LeaderElectionRecord observedRecord = new LeaderElectionRecord("", 0, null, null, 0);
    private Instant observedTime = Instant.MIN;
    /** The leader last reported to {@code onNewLeader}. */
    private String reportedLeader = "";
    private Instant renewRoundDeadline;
    private EventLoop.Timer timer;

    /**
     * An elector over any lock; {@link #run} builds one over a {@link LeaseLock}. The lock's
     * identity must be the config's.
     */
    public LeaderElector(ResourceLock lock, EventLoop loop, LeaderElectionConfig config, LeaderCallbacks callbacks) {
        this.lock = Objects.requireNonNull(lock, "Lock must not be nil");
        this.loop = Objects.requireNonNull(loop, "loop");
        this.clock = loop.clock();
        this.config = Objects.requireNonNull(config, "config");
        this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
        if (!lock.identity().equals(config.identity())) {
            throw new IllegalArgumentException("the lock writes as " + lock.identity()
                    + " but the config names identity " + config.identity());
        }
    }

    /** Builds an elector over the Lease {@code config.lockNamespace()/lockName()} and starts it. */
    public static LeaderElector run(Api api, EventLoop loop, LeaderElectionConfig config, LeaderCallbacks callbacks) {
        return run(api, loop, config, callbacks, null);
    }

    /** {@link #run(Api, EventLoop, LeaderElectionConfig, LeaderCallbacks)}, recording LeaderElection Events. */
    public static LeaderElector run(Api api, EventLoop loop, LeaderElectionConfig config, LeaderCallbacks callbacks,
                                    EventRecorder recorder) {
        LeaseLock lock = new LeaseLock(api, config.lockNamespace(), config.lockName(), config.identity(), recorder);
        LeaderElector elector = new LeaderElector(lock, loop, config, callbacks);
        elector.start();
        return elector;
    }

    /**
     * Starts competing. The first try runs now if called on the loop's thread, else as the loop's
     * next task; a lone candidate therefore leads before this returns (on the loop's thread).
     */
    public void start() {
        if (phase != Phase.NEW) {
            throw new IllegalStateException("leader elector for " + lock.describe() + " already started; "
                    + "an elector runs once, make a new one to compete again");
        }
        phase = Phase.ACQUIRING;
        LOG.log(System.Logger.Level.DEBUG, "attempting to acquire leader lease " + lock.describe() + "...");
        if (loop.inLoop()) {
            tryToAcquire();
        } else {
            loop.execute(taskName("acquire"), this::tryToAcquire);
        }
    }

    /**
     * Stops competing, as cancelling client-go's context does: pending tries are cancelled; a
     * leader calls {@code onStoppedLeading} and then, if {@code releaseOnCancel}, hands the lease
     * back (holder cleared, duration 1 s) so another candidate takes it at its next try. Without
     * release the lease runs out after {@code leaseDuration}, as when a process is killed.
     */
    public void stop() {
        if (phase == Phase.STOPPED) {
            return;
        }
        cancelTimer();
        boolean wasLeading = phase == Phase.LEADING;
        phase = Phase.STOPPED;
        if (wasLeading) {
            stoppedLeading();
        }
    }

    /** Whether {@link #stop()} was called or leading ended. */
    public boolean stopped() {
        return phase == Phase.STOPPED;
    }

    /**
     * Whether the record last observed names this candidate as holder (client-go's
     * {@code IsLeader}). It can stay true after the elector stopped without releasing.
     */
    public boolean isLeader() {
        return observedRecord.holderIdentity().equals(lock.identity());
    }

    /** Whether this elector is between {@code onStartedLeading} and {@code onStoppedLeading}. */
    public boolean leading() {
        return phase == Phase.LEADING;
    }

    /** The holder last observed, {@code ""} if none yet (client-go's {@code GetLeader}). */
    public String leader() {
        return observedRecord.holderIdentity();
    }

    public String identity() {
        return lock.identity();
    }

    public LeaderElectionConfig config() {
        return config;
    }

    // ---- acquiring ---------------------------------------------------------------------------

    private void tryToAcquire() {
        if (phase != Phase.ACQUIRING) {
            return;
        }
        boolean acquired = tryAcquireOrRenew();
        maybeReportTransition();
        if (!acquired) {
            timer = loop.scheduleBackground(taskName("acquire"), jittered(config.retryPeriod()), this::tryToAcquire);
            return;
        }
        LOG.log(System.Logger.Level.DEBUG, "successfully acquired lease " + lock.describe());
        lock.recordEvent("became leader");
        phase = Phase.LEADING;
        callbacks.onStartedLeading().run();
        if (phase == Phase.LEADING) { // the callback may have stopped us
            startRenewRound(); // client-go's renew loop starts at once
        }
    }

    /** client-go's {@code wait.Jitter}: {@code d} plus up to {@code JITTER_FACTOR * d}. */
    private Duration jittered(Duration d) {
        return d.plusNanos((long) (loop.random().nextDouble() * JITTER_FACTOR * d.toNanos()));
    }

    // ---- renewing ----------------------------------------------------------------------------

    /** A renew round: try now and then every retryPeriod, until success or renewDeadline. */
    private void startRenewRound() {
        renewRoundDeadline = clock.now().plus(config.renewDeadline());
        tryToRenew();
    }

    private void tryToRenew() {
        if (phase != Phase.LEADING) {
            return;
        }
        Instant now = clock.now();
        if (!now.isBefore(renewRoundDeadline)) {
            maybeReportTransition();
            LOG.log(System.Logger.Level.WARNING, "failed to renew lease " + lock.describe() + ": timed out after "
                    + config.renewDeadline().toSeconds() + "s");
            phase = Phase.STOPPED;
            stoppedLeading();
            return;
        }
        if (tryAcquireOrRenew()) {
            maybeReportTransition();
            timer = loop.scheduleBackground(taskName("renew"), config.retryPeriod(), this::startRenewRound);
            return;
        }
        Instant next = now.plus(config.retryPeriod());
        Duration wait = next.isBefore(renewRoundDeadline) ? config.retryPeriod()
                : Duration.between(now, renewRoundDeadline);
        timer = loop.scheduleBackground(taskName("renew"), wait, this::tryToRenew);
    }

    /** Ends leading: the Event, the callback (the work stops), then the release if configured. */
    private void stoppedLeading() {
        lock.recordEvent("stopped leading");
        callbacks.onStoppedLeading().run();
        if (config.releaseOnCancel()) {
            release();
        }
    }

    /** Hands the lease back if we still hold it: holder cleared, duration 1 s, same count. */
    private void release() {
        if (!isLeader()) {
            return;
        }
        MicroTime now = MicroTime.of(clock.now());
        LeaderElectionRecord released = new LeaderElectionRecord("", 1, now, now, observedRecord.leaderTransitions());
        try {
            lock.update(released);
            setObservedRecord(released);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "failed to release lock " + lock.describe() + ": " + e.getMessage());
        }
    }

    // ---- one try -----------------------------------------------------------------------------

    /** One try to take or keep the lock (steps in the class comment); true if we hold it now. */
    private boolean tryAcquireOrRenew() {
        Instant now = clock.now();
        MicroTime nowMicro = MicroTime.of(now);
        LeaderElectionRecord mine = new LeaderElectionRecord(lock.identity(),
                (int) config.leaseDuration().toSeconds(), nowMicro, nowMicro, 0);

        // 1. The leader's fast path: renew with the resourceVersion we hold, without reading.
        if (isLeader() && isLeaseValid(now)) {
            LeaderElectionRecord renewed = mine.withAcquireTime(observedRecord.acquireTime())
                    .withLeaderTransitions(observedRecord.leaderTransitions());
            try {
                lock.update(renewed);
                setObservedRecord(renewed);
                return true;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "failed to update lock " + lock.describe()
                        + " optimistically, falling back to slow path: " + e.getMessage());
            }
        }

        // 2. Read the record, or create it if there is none.
        LeaderElectionRecord current;
        try {
            current = lock.get();
        } catch (ApiException e) {
            if (e.code() != 404) {
                LOG.log(System.Logger.Level.WARNING, "error retrieving resource lock " + lock.describe() + ": " + e.getMessage());
                return false;
            }
            try {
                lock.create(mine);
            } catch (RuntimeException c) {
                LOG.log(System.Logger.Level.DEBUG, "error initially creating lock " + lock.describe() + ": " + c.getMessage());
                return false;
            }
            setObservedRecord(mine);
            return true;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "error retrieving resource lock " + lock.describe() + ": " + e.getMessage());
            return false;
        }

        // 3. A changed record restarts the holder's time, on our clock.
        if (!current.equals(observedRecord)) {
            setObservedRecord(current);
        }
        if (current.held() && isLeaseValid(now) && !isLeader()) {
            return false; // held by someone else and not yet expired
        }

        // 4. Write ourselves in, conditional on the version just read.
        LeaderElectionRecord next = isLeader()
                ? mine.withAcquireTime(current.acquireTime()).withLeaderTransitions(current.leaderTransitions())
                : mine.withLeaderTransitions(current.leaderTransitions() + 1);
        try {
            lock.update(next);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "failed to update lock " + lock.describe() + ": " + e.getMessage());
            return false;
        }
        setObservedRecord(next);
        return true;
    }

    /** The observed record's lease has not run out, counted from when we saw it on our clock. */
    private boolean isLeaseValid(Instant now) {
        return observedTime.plusSeconds(observedRecord.leaseDurationSeconds()).isAfter(now);
    }

    private void setObservedRecord(LeaderElectionRecord record) {
        observedRecord = record;
        observedTime = clock.now();
    }

    private void maybeReportTransition() {
        String holder = observedRecord.holderIdentity();
        if (holder.equals(reportedLeader)) {
            return;
        }
        reportedLeader = holder;
        callbacks.onNewLeader().accept(holder);
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private String taskName(String what) {
        return "leader election: " + what + " " + lock.describe() + " as " + lock.identity();
    }

    @Override
    public String toString() {
        return "LeaderElector[" + lock.describe() + " as " + lock.identity() + ", " + phase
                + ", leader " + (leader().isEmpty() ? "none" : leader()) + "]";
    }
}
