package kubelab.client.leaderelection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kubelab.api.Scheme;
import kubelab.api.coordination.Lease;
import kubelab.apiserver.ApiServer;
import kubelab.store.MemoryStore;
import kubelab.time.SimulatedLoop;

/**
 * Test fixture: one API server on a simulated loop, shared by candidates that each stand for a
 * process (its own connection to the server and its own, freezable, view of the loop) competing
 * for {@code kube-system/kube-scheduler}. It keeps who leads according to the callbacks, and
 * notes every moment two candidates lead at once.
 */
final class Election {
    final SimulatedLoop loop;
    final ApiServer api;
    final Map<String, Candidate> candidates = new LinkedHashMap<>();
    /** "at +Xs, b started leading while a leads" for every overlap seen. */
    final List<String> overlaps = new ArrayList<>();
    /** How many times any candidate started leading. */
    int leaderships;

    Election(long seed) {
        loop = new SimulatedLoop(seed);
        api = new ApiServer(new MemoryStore(), Scheme.standard(), loop);
    }

    static LeaderElectionConfig config(String identity) {
        return LeaderElectionConfig.defaults(LeaderElectionConfig.KUBE_SYSTEM, LeaderElectionConfig.KUBE_SCHEDULER,
                identity);
    }

    /** Starts a candidate with Kubernetes' defaults, releasing on stop. */
    Candidate start(String identity) {
        return start(config(identity));
    }

    Candidate start(LeaderElectionConfig config) {
        Candidate c = new Candidate(config.identity());
        candidates.put(c.identity, c);
        c.elector = LeaderElector.run(c.api, c.loop, config, new LeaderCallbacks(
                () -> c.startedLeading(), () -> c.stoppedLeading(), c.observedLeaders::add));
        return c;
    }

    List<Candidate> leading() {
        return candidates.values().stream().filter(c -> c.leading).toList();
    }

    Lease lease() {
        return api.get(Lease.class, LeaderElectionConfig.KUBE_SYSTEM, LeaderElectionConfig.KUBE_SCHEDULER);
    }

    Duration elapsed() {
        return loop.elapsed();
    }

    void advance(Duration d) {
        loop.advance(d);
    }

    /** One process: its connection, its loop, and what its callbacks said. */
    final class Candidate {
        final String identity;
        final FlakyApi api = new FlakyApi(Election.this.api);
        final FreezableLoop loop = new FreezableLoop(Election.this.loop);
        final List<String> observedLeaders = new ArrayList<>();
        LeaderElector elector;
        boolean leading;
        Instant startedAt;
        Instant stoppedAt;

        Candidate(String identity) {
            this.identity = identity;
        }

        private void startedLeading() {
            for (Candidate other : leading()) {
                overlaps.add("at +" + kubelab.time.Durations.format(elapsed()) + ", " + identity + " started leading while " + other.identity + " leads");
            }
            leading = true;
            leaderships++;
            startedAt = Election.this.loop.now();
        }

        private void stoppedLeading() {
            leading = false;
            stoppedAt = Election.this.loop.now();
        }

        Duration startedAfter() {
            return startedAt == null ? null : Duration.between(Election.this.loop.start(), startedAt);
        }
    }
}
