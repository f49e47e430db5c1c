package kubelab.client.leaderelection;

import java.util.Objects;
import kubelab.apiserver.Api;
import kubelab.client.record.EventRecorder;
import kubelab.time.EventLoop;

/**
 * A candidate that competes for as long as its process runs: when its {@link LeaderElector} stops
 * leading because it could not renew in time, the work stops ({@code onStoppedLeading}) and, one
 * {@code retryPeriod} later, a new elector with the same identity competes again. Only
 * {@link #stop()} ends it.
 *
 * <p>Reusing the identity is safe because the old elector has stopped and its work with it; if
 * the Lease still names us (the API server was unreachable, nobody took over) the new elector
 * takes it back at once, otherwise it waits like any other candidate.
 *
 * <p>Real Kubernetes: kube-scheduler and kube-controller-manager exit when they lose their lease
 * ({@code "leaderelection lost"}), and the kubelet restarts them as static pods, which then compete
 * again with a fresh {@code hostname_uuid}. Here the API server shares the process, so the
 * component stops and competes again instead of the process exiting.
 */
public final class LeaderCampaign {
    private final Api api;
    private final EventLoop loop;
    private final LeaderElectionConfig config;
    private final LeaderCallbacks callbacks;
    private final EventRecorder recorder;
    private LeaderElector elector;
    private EventLoop.Timer again;
    private int terms;
    private boolean stopped;

    private LeaderCampaign(Api api, EventLoop loop, LeaderElectionConfig config, LeaderCallbacks callbacks,
                           EventRecorder recorder) {
        this.api = Objects.requireNonNull(api, "api");
        this.loop = Objects.requireNonNull(loop, "loop");
        this.config = Objects.requireNonNull(config, "config");
        this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
        this.recorder = recorder;
    }

    /**
     * Starts competing for {@code config}'s Lease, as {@link LeaderElector#run} does, and keeps at
     * it. Call on the loop's thread (or from a task on the loop).
     *
     * @param recorder where LeaderElection Events go; null drops them
     */
    public static LeaderCampaign run(Api api, EventLoop loop, LeaderElectionConfig config, LeaderCallbacks callbacks,
                                     EventRecorder recorder) {
        LeaderCampaign campaign = new LeaderCampaign(api, loop, config, callbacks, recorder);
        campaign.compete();
        return campaign;
    }

    private void compete() {
        again = null;
        if (stopped) {
            return;
        }
        elector = LeaderElector.run(api, loop, config, new LeaderCallbacks(
                () -> {
                    terms++;
                    callbacks.onStartedLeading().run();
                },
                () -> {
                    callbacks.onStoppedLeading().run();
                    if (!stopped) { // lost, not stopped: compete again once the elector has finished
                        again = loop.scheduleBackground("leader election: compete again for " + config.describeLock(),
                                config.retryPeriod(), this::compete);
                    }
                },
                callbacks.onNewLeader()), recorder);
    }

    /** Stops competing: the current elector stops (the work stops, the lease is released if so configured). */
    public void stop() {
        stopped = true;
        if (again != null) {
            again.cancel();
            again = null;
        }
        elector.stop();
    }

    /** Whether this candidate leads now (between onStartedLeading and onStoppedLeading). */
    public boolean leading() {
        return elector.leading();
    }

    /** The elector of the current attempt. */
    public LeaderElector elector() {
        return elector;
    }

    /** How many times this candidate started leading. */
    public int terms() {
        return terms;
    }

    @Override
    public String toString() {
        return "LeaderCampaign[" + elector + ", " + terms + " terms" + (stopped ? ", stopped" : "") + "]";
    }
}
