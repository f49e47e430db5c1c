package kubelab.kubelet;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Predicate;
import kubelab.time.EventLoop;

/**
 * Serialises the syncs of each pod: one sync per pod at a time, and updates that arrive while it
 * runs fold into a single sync after it. A sync that could not finish (a back-off) says when to
 * try again, and the worker keeps one ordinary timer per pod for that.
 *
 * <p>Syncs of different pods interleave freely on the loop: while one pod waits for its image, the
 * others go on.
 *
 * <p>Real Kubernetes: {@code podWorkers} in {@code pkg/kubelet/pod_workers.go} (a goroutine per
 * pod, {@code UpdatePod}, the work queue's requeue after a back-off).
 */
final class PodWorkers {
    private static final class State {
        boolean working;
        boolean pending;
        EventLoop.Timer retry;
    }

    private final EventLoop loop;
    private final Function<String, CompletionStage<Duration>> sync;
    private final Predicate<String> known;
    private final Map<String, State> states = new HashMap<>();
    private boolean stopped;

    /**
     * @param sync  syncs one pod by uid; completes with when to retry (null: only on a change)
     * @param known whether the pod is still in the API; a worker whose pod is gone ends after its
     *              last sync (which cleans up)
     */
    PodWorkers(EventLoop loop, Function<String, CompletionStage<Duration>> sync, Predicate<String> known) {
        this.loop = loop;
        this.sync = sync;
        this.known = known;
    }

    /** Asks for a sync of the pod: now if its worker is idle, else right after the running one. */
    void update(String uid) {
        if (stopped) {
            return;
        }
        State st = states.computeIfAbsent(uid, k -> new State());
        if (st.working) {
            st.pending = true;
            return;
        }
        st.working = true;
        loop.execute("kubelet sync pod " + uid, () -> run(uid, st));
    }

    private void run(String uid, State st) {
        if (stopped || states.get(uid) != st) {
            return;
        }
        sync.apply(uid).whenComplete((retryAfter, error) -> {
            if (error != null) {
                // Let the loop report it: a failed sync is a bug a test must see.
                loop.execute("kubelet sync pod " + uid + " failed", () -> {
                    throw new IllegalStateException("sync of pod " + uid + " failed", error);
                });
            }
            st.working = false;
            if (stopped || states.get(uid) != st) {
                return;
            }
            if (!st.pending && !known.test(uid)) {
                forget(uid); // the pod is gone and its last sync cleaned up after it
                return;
            }
            if (retryAfter != null) {
                if (st.retry != null) {
                    st.retry.cancel();
                }
                st.retry = loop.schedule("kubelet back-off of pod " + uid, retryAfter, () -> {
                    st.retry = null;
                    update(uid);
                });
            }
            if (st.pending) {
                st.pending = false;
                update(uid);
            }
        });
    }

    /** Forgets a pod that is gone: its retry timer is cancelled. */
    void forget(String uid) {
        State st = states.remove(uid);
        if (st != null && st.retry != null) {
            st.retry.cancel();
        }
    }

    /** Stops every worker and timer: the node is down. */
    void stop() {
        stopped = true;
        for (State st : states.values()) {
            if (st.retry != null) {
                st.retry.cancel();
            }
        }
        states.clear();
    }
}
