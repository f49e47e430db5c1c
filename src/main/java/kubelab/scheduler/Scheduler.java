package kubelab.scheduler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import kubelab.api.core.Pod;
import kubelab.apiserver.Api;
import kubelab.client.InformerFactory;
import kubelab.client.Lister;
import kubelab.client.record.EventBroadcaster;
import kubelab.client.record.EventRecorder;
import kubelab.scheduler.explain.DecisionLog;
import kubelab.scheduler.explain.SchedulingDecision;
import kubelab.scheduler.framework.ClusterEvent;
import kubelab.scheduler.framework.runtime.Framework;
import kubelab.scheduler.framework.runtime.Profile;
import kubelab.scheduler.internal.cache.Cache;
import kubelab.scheduler.internal.cache.Snapshot;
import kubelab.scheduler.internal.queue.SchedulingQueue;
import kubelab.time.EventLoop;

/**
 * kube-scheduler: takes the pending pods whose {@code spec.schedulerName} is one of its profiles,
 * one at a time from its {@link SchedulingQueue}, chooses a node for each with the profile's
 * plugins, and binds the pod there through the API.
 *
 * <p>Wiring, as in a cluster:
 * <pre>{@code
 * var broadcaster = new EventBroadcaster(loop).startRecordingToSink(api);
 * var scheduler = new Scheduler(api, informers, loop, broadcaster, SchedulerOptions.defaults());
 * informers.start();
 * scheduler.start();
 * }</pre>
 * Informer handlers ({@link EventHandlers}) keep the {@link Cache} and the queue current; each
 * cycle ({@link ScheduleOne}) runs as its own loop task, and binding as another, so the loop
 * stays responsive. {@link #explain} answers why a pod went where it went.
 *
 * <p>Real Kubernetes: {@code Scheduler} in {@code pkg/scheduler/scheduler.go}; the loop in
 * {@code schedule_one.go}.
 */
public final class Scheduler {
    final Api api;
    final EventLoop loop;
    final SchedulerOptions options;
    final Map<String, Framework> frameworks = new LinkedHashMap<>();
    final Map<String, EventRecorder> recorders = new LinkedHashMap<>();
    final Cache cache = new Cache();
    final Snapshot snapshot = new Snapshot();
    final SchedulingQueue queue;
    final Lister<Pod> podLister;
    final DecisionLog decisions;
    final SchedulePod algorithm = new SchedulePod();
    private final ScheduleOne scheduleOne;
    private boolean started;
    private boolean loopQueued;

    /** A scheduler whose profiles record events through {@code broadcaster}, each under its own name. */
    public Scheduler(Api api, InformerFactory informers, EventLoop loop, EventBroadcaster broadcaster,
                     SchedulerOptions options) {
        this(api, informers, loop, name -> broadcaster.newRecorder(name, null), options);
    }

    /** The default scheduler: one profile, {@code default-scheduler}. */
    public Scheduler(Api api, InformerFactory informers, EventLoop loop, EventBroadcaster broadcaster) {
        this(api, informers, loop, broadcaster, SchedulerOptions.defaults());
    }

    /**
     * @param recorderFactory makes the event recorder of a profile, given its scheduler name
     */
    public Scheduler(Api api, InformerFactory informers, EventLoop loop,
                     Function<String, EventRecorder> recorderFactory, SchedulerOptions options) {
        this.api = api;
        this.loop = loop;
        this.options = options;
        this.decisions = new DecisionLog(options.decisionLogCapacity());
        for (Profile profile : options.profiles()) {
            EventRecorder recorder = recorderFactory.apply(profile.schedulerName());
            recorders.put(profile.schedulerName(), recorder);
            frameworks.put(profile.schedulerName(),
                    new Framework(profile, api, loop, recorder, snapshot::list));
        }
        Framework first = frameworks.values().iterator().next();
        this.queue = new SchedulingQueue(loop, first.queueSortPlugin(), this::eventsToRegister);
        this.podLister = informers.listerFor(Pod.class);
        this.scheduleOne = new ScheduleOne(this);
        new EventHandlers(this).register(informers);
    }

    /** Starts scheduling: pods already queued (and all that come) are taken one per loop task. */
    public void start() {
        if (started) {
            return;
        }
        started = true;
        queue.run(this::wakeUp);
        wakeUp();
    }

    /** Stops taking pods; pods in flight finish binding. */
    public void stop() {
        started = false;
        queue.close();
    }

    /** Queues one scheduling cycle on the loop, unless one is queued already. */
    private void wakeUp() {
        if (!started || loopQueued || queue.activeCount() == 0) {
            return;
        }
        loopQueued = true;
        loop.execute("scheduler: schedule one", () -> {
            loopQueued = false;
            if (started) {
                scheduleOne.scheduleOne();
                wakeUp();
            }
        });
    }

    /** The last decision made for a pod, if it is among the most recent {@code decisionLogCapacity} pods. */
    public Optional<SchedulingDecision> explain(String namespace, String name) {
        return decisions.last(namespace, name);
    }

    /** The profile names this scheduler answers to ({@code spec.schedulerName}). */
    public Set<String> profileNames() {
        return frameworks.keySet();
    }

    public Framework framework(String schedulerName) {
        return frameworks.get(schedulerName);
    }

    public SchedulingQueue queue() {
        return queue;
    }

    public Cache cache() {
        return cache;
    }

    /** Whether this scheduler schedules the pod: its schedulerName names one of the profiles. */
    boolean responsibleForPod(Pod pod) {
        String name = pod.spec() == null || pod.spec().schedulerName() == null
                ? Profile.DEFAULT_SCHEDULER_NAME : pod.spec().schedulerName();
        return frameworks.containsKey(name);
    }

    Framework frameworkFor(Pod pod) {
        String name = pod.spec() == null || pod.spec().schedulerName() == null
                ? Profile.DEFAULT_SCHEDULER_NAME : pod.spec().schedulerName();
        return frameworks.get(name);
    }

    /** Every profile's interest in an event for a plugin name (profiles may configure a plugin differently). */
    private Set<ClusterEvent> eventsToRegister(String plugin) {
        for (Framework f : frameworks.values()) {
            Set<ClusterEvent> events = f.eventsToRegister(plugin);
            if (!events.contains(ClusterEvent.WILDCARD)) {
                return events;
            }
        }
        return Set.of(ClusterEvent.WILDCARD);
    }

    List<String> profileList() {
        return List.copyOf(frameworks.keySet());
    }
}
