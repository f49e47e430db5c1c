package kubelab.scheduler.internal.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import kubelab.api.core.Pod;
import kubelab.scheduler.framework.ClusterEvent;
import kubelab.scheduler.framework.QueueSortPlugin;
import kubelab.scheduler.framework.QueuedPodInfo;
import kubelab.time.EventLoop;

/**
 * The pods waiting to be scheduled, in three parts:
 * <ul>
 *   <li><b>activeQ</b>: ready now, ordered by the profile's QueueSort plugin (PrioritySort: higher
 *       {@code spec.priority} first, then the earlier queued); {@link #pop()} takes the head.</li>
 *   <li><b>podBackoffQ</b>: failed recently and waiting out a back-off of 1 s, doubling per
 *       attempt up to 10 s, then moved to activeQ.</li>
 *   <li><b>unschedulablePods</b>: found to fit nowhere. They stay until a cluster event that could
 *       help them (one the rejecting plugins registered for: a node added, a label or taint
 *       changed, an assigned pod deleted ...) moves them to backoffQ or activeQ, or until they have
 *       waited {@link #POD_MAX_IN_UNSCHEDULABLE_PODS_DURATION}.</li>
 * </ul>
 *
 * <p>Timers, by the cluster's rule: the back-off flush is an ordinary timer, set only while pods
 * wait in backoffQ (such a pod will be retried, so a simulation is not settled yet); the sweep of
 * unschedulable pods left over for 5 minutes is a background timer, so that a pod that fits
 * nowhere does not keep {@code settle()} busy forever. If a move request arrives while a pod is
 * being scheduled, a failing pod goes to backoffQ rather than unschedulablePods: the event it
 * would have waited for may already have happened.
 *
 * <p>Not thread safe: it lives on the scheduler's event loop. Costs: add, update, delete and pop
 * are O(log n); a move on a cluster event is O(unschedulable pods).
 *
 * <p>Real Kubernetes: {@code PriorityQueue} in {@code pkg/scheduler/backend/queue/scheduling_queue.go}.
 */
public final class SchedulingQueue {
    public static final Duration DEFAULT_POD_INITIAL_BACKOFF = Duration.ofSeconds(1);
    public static final Duration DEFAULT_POD_MAX_BACKOFF = Duration.ofSeconds(10);
    public static final Duration POD_MAX_IN_UNSCHEDULABLE_PODS_DURATION = Duration.ofMinutes(5);
    /** How often unschedulablePods is swept for pods over the limit (a background timer). */
    public static final Duration UNSCHEDULABLE_FLUSH_INTERVAL = Duration.ofSeconds(30);

    private final EventLoop loop;
    private final Function<String, Set<ClusterEvent>> pluginEvents;
    private final TreeSet<QueuedPodInfo> activeQ;
    private final TreeSet<QueuedPodInfo> podBackoffQ;
    private final Map<String, QueuedPodInfo> active = new HashMap<>();
    private final Map<String, QueuedPodInfo> backoff = new HashMap<>();
    private final Map<String, QueuedPodInfo> unschedulablePods = new LinkedHashMap<>();
    private long schedulingCycle;
    private long moveRequestCycle = -1;
    private Runnable onActive = () -> { };
    private EventLoop.Timer backoffTimer;
    private Instant backoffTimerAt;
    private EventLoop.Timer flushTimer;

    /**
     * @param sort         the profile's QueueSort plugin
     * @param pluginEvents for a plugin name, the cluster events that may help a pod it rejected
     */
    public SchedulingQueue(EventLoop loop, QueueSortPlugin sort, Function<String, Set<ClusterEvent>> pluginEvents) {
        this.loop = loop;
        this.pluginEvents = pluginEvents;
        Comparator<QueuedPodInfo> order = (a, b) -> sort.less(a, b) ? -1 : sort.less(b, a) ? 1 : 0;
        this.activeQ = new TreeSet<>(order.thenComparing(QueuedPodInfo::key));
        this.podBackoffQ = new TreeSet<>(Comparator.comparing(this::backoffTime).thenComparing(QueuedPodInfo::key));
    }

    /** Starts the background sweep of unschedulablePods; {@code onActive} runs when activeQ gains a pod. */
    public void run(Runnable onActive) {
        this.onActive = Objects.requireNonNull(onActive);
        if (flushTimer == null) {
            flushTimer = loop.schedulePeriodic("scheduling queue: flush unschedulable pods left over",
                    UNSCHEDULABLE_FLUSH_INTERVAL, this::flushUnschedulablePodsLeftover);
        }
    }

    /** Stops the sweeps; {@link #run} starts them again (a scheduler that leads once more). */
    public void close() {
        if (flushTimer != null) {
            flushTimer.cancel();
            flushTimer = null;
        }
        if (backoffTimer != null) {
            backoffTimer.cancel();
            backoffTimer = null;
        }
    }

    /** The plugin that keeps pods with {@code spec.schedulingGates} out of activeQ. */
    public static final String SCHEDULING_GATES = "SchedulingGates";

    /**
     * A new pending pod: straight to activeQ, unless it has scheduling gates (the PreEnqueue check
     * of the SchedulingGates plugin); then it waits in unschedulablePods until an update removes
     * the last gate. Cluster events do not move a gated pod.
     */
    public void add(Pod pod) {
        QueuedPodInfo info = QueuedPodInfo.of(pod, loop.clock().now());
        String key = info.key();
        removeEverywhere(key);
        if (gated(pod)) {
            unschedulablePods.put(key, info.withUnschedulablePlugins(Set.of(SCHEDULING_GATES)));
            return;
        }
        moveToActive(info);
    }

    static boolean gated(Pod pod) {
        return pod.spec() != null && !pod.spec().schedulingGates().isEmpty();
    }

    /**
     * A pending pod changed. In activeQ or backoffQ it is replaced where it is; in
     * unschedulablePods a change that may matter (not status or resourceVersion only) moves it
     * out; a pod in no queue (its scheduling just failed and is being recorded) is added.
     */
    public void update(Pod oldPod, Pod newPod) {
        String key = key(newPod);
        QueuedPodInfo info;
        if ((info = active.get(key)) != null) {
            activeQ.remove(info);
            moveToActive(info.withPod(newPod));
        } else if ((info = backoff.get(key)) != null) {
            podBackoffQ.remove(info);
            backoff.remove(key);
            addToBackoff(info.withPod(newPod));
        } else if ((info = unschedulablePods.get(key)) != null) {
            if (gated(info.pod()) && !gated(newPod)) {
                unschedulablePods.remove(key);
                moveToActive(info.withPod(newPod).withUnschedulablePlugins(Set.of())); // never tried: no back-off
            } else if (!gated(newPod) && isPodUpdated(oldPod, newPod)) {
                unschedulablePods.remove(key);
                moveOut(info.withPod(newPod));
            } else {
                unschedulablePods.put(key, info.withPod(newPod));
            }
        } else {
            add(newPod);
        }
    }

    public void delete(Pod pod) {
        removeEverywhere(key(pod));
    }

    /** The next pod to schedule, counted as one more attempt; empty when activeQ is empty. */
    public Optional<QueuedPodInfo> pop() {
        QueuedPodInfo head = activeQ.pollFirst();
        if (head == null) {
            return Optional.empty();
        }
        active.remove(head.key());
        schedulingCycle++;
        return Optional.of(head.attempted(loop.clock().now()));
    }

    /** The number of the scheduling cycle the last {@link #pop()} started. */
    public long schedulingCycle() {
        return schedulingCycle;
    }

    /**
     * A pod that could not be scheduled in cycle {@code podSchedulingCycle} comes back. After an
     * error (not a rejection), or after a move request during its cycle, it goes to backoffQ;
     * otherwise to unschedulablePods.
     */
    public void addUnschedulableIfNotPresent(QueuedPodInfo info, long podSchedulingCycle, boolean error) {
        String key = info.key();
        if (active.containsKey(key) || backoff.containsKey(key) || unschedulablePods.containsKey(key)) {
            return;
        }
        QueuedPodInfo stamped = info.withTimestamp(loop.clock().now());
        if (error || moveRequestCycle >= podSchedulingCycle) {
            addToBackoff(stamped);
        } else {
            unschedulablePods.put(key, stamped);
        }
    }

    /** A cluster event happened: every unschedulable pod it may help moves to backoffQ or activeQ. */
    public void moveAllToActiveOrBackoffQueue(ClusterEvent event) {
        List<QueuedPodInfo> moving = new ArrayList<>();
        for (QueuedPodInfo info : unschedulablePods.values()) {
            if (podMatchesEvent(info, event)) {
                moving.add(info);
            }
        }
        moving.forEach(info -> unschedulablePods.remove(info.key()));
        moving.forEach(this::moveOut);
        moveRequestCycle = schedulingCycle;
    }

    private boolean podMatchesEvent(QueuedPodInfo info, ClusterEvent event) {
        if (gated(info.pod())) {
            return false;
        }
        if (event == ClusterEvent.UNSCHEDULABLE_TIMEOUT || info.unschedulablePlugins().isEmpty()) {
            return true;
        }
        for (String plugin : info.unschedulablePlugins()) {
            for (ClusterEvent interest : pluginEvents.apply(plugin)) {
                if (event.matches(interest)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Out of unschedulablePods: to backoffQ while still backing off, else to activeQ. */
    private void moveOut(QueuedPodInfo info) {
        if (backoffTime(info).isAfter(loop.clock().now())) {
            addToBackoff(info);
        } else {
            moveToActive(info);
        }
    }

    private void moveToActive(QueuedPodInfo info) {
        active.put(info.key(), info);
        activeQ.add(info);
        onActive.run();
    }

    private void addToBackoff(QueuedPodInfo info) {
        backoff.put(info.key(), info);
        podBackoffQ.add(info);
        armBackoffTimer();
    }

    /** When a pod's back-off ends: its queue timestamp plus 1 s doubled per earlier attempt, at most 10 s. */
    public Instant backoffTime(QueuedPodInfo info) {
        return info.timestamp().plus(calculateBackoffDuration(info.attempts()));
    }

    public static Duration calculateBackoffDuration(int attempts) {
        Duration d = DEFAULT_POD_INITIAL_BACKOFF;
        for (int i = 1; i < attempts; i++) {
            if (d.compareTo(DEFAULT_POD_MAX_BACKOFF.minus(d)) > 0) {
                return DEFAULT_POD_MAX_BACKOFF;
            }
            d = d.plus(d);
        }
        return d;
    }

    /** An ordinary timer at the earliest back-off end, only while backoffQ holds pods. */
    private void armBackoffTimer() {
        if (podBackoffQ.isEmpty()) {
            return;
        }
        Instant due = backoffTime(podBackoffQ.first());
        if (backoffTimer != null && !due.isBefore(backoffTimerAt)) {
            return;
        }
        if (backoffTimer != null) {
            backoffTimer.cancel();
        }
        Duration delay = Duration.between(loop.clock().now(), due);
        backoffTimerAt = due;
        backoffTimer = loop.schedule("scheduling queue: flush backoffQ",
                delay.isNegative() ? Duration.ZERO : delay, this::flushBackoffQCompleted);
    }

    /** Moves every pod whose back-off has ended to activeQ. */
    public void flushBackoffQCompleted() {
        backoffTimer = null;
        Instant now = loop.clock().now();
        while (!podBackoffQ.isEmpty() && !backoffTime(podBackoffQ.first()).isAfter(now)) {
            QueuedPodInfo info = podBackoffQ.pollFirst();
            backoff.remove(info.key());
            moveToActive(info);
        }
        armBackoffTimer();
    }

    /** Moves pods that have waited in unschedulablePods longer than 5 minutes. */
    public void flushUnschedulablePodsLeftover() {
        Instant now = loop.clock().now();
        List<QueuedPodInfo> moving = unschedulablePods.values().stream()
                .filter(i -> !gated(i.pod()))
                .filter(i -> Duration.between(i.timestamp(), now).compareTo(POD_MAX_IN_UNSCHEDULABLE_PODS_DURATION) > 0)
                .toList();
        moving.forEach(info -> unschedulablePods.remove(info.key()));
        moving.forEach(this::moveOut);
    }

    private void removeEverywhere(String key) {
        QueuedPodInfo info = active.remove(key);
        if (info != null) {
            activeQ.remove(info);
        }
        info = backoff.remove(key);
        if (info != null) {
            podBackoffQ.remove(info);
        }
        unschedulablePods.remove(key);
    }

    /**
     * Whether a change may make a difference to scheduling: anything but status, resourceVersion,
     * generation and managedFields.
     */
    static boolean isPodUpdated(Pod oldPod, Pod newPod) {
        if (oldPod == null) {
            return true;
        }
        Pod a = oldPod.withStatus(null).withMetadata(
                oldPod.metadata().withResourceVersion(null).withGeneration(null).withManagedFields(null));
        Pod b = newPod.withStatus(null).withMetadata(
                newPod.metadata().withResourceVersion(null).withGeneration(null).withManagedFields(null));
        return !a.equals(b);
    }

    private static String key(Pod pod) {
        return pod.metadata().namespace() + "/" + pod.metadata().name();
    }

    // ---- what is where, for tests, notebooks and explain ----

    /** Which sub-queue holds the pod: "activeQ", "backoffQ", "unschedulablePods", or empty. */
    public Optional<String> whereIs(String namespace, String name) {
        String key = namespace + "/" + name;
        if (active.containsKey(key)) {
            return Optional.of("activeQ");
        }
        if (backoff.containsKey(key)) {
            return Optional.of("backoffQ");
        }
        return unschedulablePods.containsKey(key) ? Optional.of("unschedulablePods") : Optional.empty();
    }

    /** The pods of activeQ, in the order they will be popped. */
    public List<QueuedPodInfo> activePods() {
        return List.copyOf(activeQ);
    }

    public int activeCount() {
        return active.size();
    }

    public int backoffCount() {
        return backoff.size();
    }

    public int unschedulableCount() {
        return unschedulablePods.size();
    }

    public Optional<QueuedPodInfo> get(String namespace, String name) {
        String key = namespace + "/" + name;
        QueuedPodInfo info = active.get(key);
        if (info == null) {
            info = backoff.get(key);
        }
        return Optional.ofNullable(info != null ? info : unschedulablePods.get(key));
    }
}
