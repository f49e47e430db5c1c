package kubelab.scheduler.framework.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import kubelab.api.core.Pod;
import kubelab.apiserver.Api;
import kubelab.client.record.EventRecorder;
import kubelab.scheduler.framework.BindPlugin;
import kubelab.scheduler.framework.ClusterEvent;
import kubelab.scheduler.framework.CycleState;
import kubelab.scheduler.framework.FilterPlugin;
import kubelab.scheduler.framework.Handle;
import kubelab.scheduler.framework.NodeInfo;
import kubelab.scheduler.framework.NodePluginScores;
import kubelab.scheduler.framework.NodeScore;
import kubelab.scheduler.framework.PermitPlugin;
import kubelab.scheduler.framework.Plugin;
import kubelab.scheduler.framework.PostBindPlugin;
import kubelab.scheduler.framework.PostFilterPlugin;
import kubelab.scheduler.framework.PostFilterResult;
import kubelab.scheduler.framework.PreBindPlugin;
import kubelab.scheduler.framework.PreFilterPlugin;
import kubelab.scheduler.framework.PreScorePlugin;
import kubelab.scheduler.framework.QueueSortPlugin;
import kubelab.scheduler.framework.ReservePlugin;
import kubelab.scheduler.framework.ScoreExtensions;
import kubelab.scheduler.framework.ScorePlugin;
import kubelab.scheduler.framework.Status;
import kubelab.scheduler.framework.WaitingPod;
import kubelab.scheduler.framework.runtime.Profile.ExtensionPoint;
import kubelab.scheduler.framework.runtime.Profile.PluginConfig;
import kubelab.time.Clock;
import kubelab.time.EventLoop;

/**
 * One profile made runnable: its plugins instantiated once and sorted by extension point, and a
 * {@code run...} method per point that calls them in order and signs each Status with the
 * plugin's name. It is also the {@link Handle} the plugins see.
 *
 * <p>Rules shared by every point, as in Kubernetes: PreFilter and PreScore may return Skip, and the
 * plugin's Filter or Score is then not called for this pod; Filter stops at the first plugin that
 * rejects the node; Score results are normalised per plugin (if it has ScoreExtensions), then
 * multiplied by the plugin's weight and summed; Reserve failures unreserve in reverse order; Bind
 * plugins are tried in order until one does not Skip.
 *
 * <p>Real Kubernetes: {@code frameworkImpl} in {@code pkg/scheduler/framework/runtime/framework.go}.
 */
public final class Framework implements Handle {
    private static final String SKIP_FILTER_KEY = "kubelab/skipFilterPlugins";
    private static final String SKIP_SCORE_KEY = "kubelab/skipScorePlugins";

    private final Profile profile;
    private final Api api;
    private final EventLoop loop;
    private final EventRecorder recorder;
    private final Supplier<List<NodeInfo>> nodes;
    private final Map<String, Plugin> byName = new LinkedHashMap<>();
    private final Map<ExtensionPoint, List<Plugin>> byPoint = new HashMap<>();
    private final Map<String, Integer> weights = new HashMap<>();
    private final Map<String, WaitingPodImpl> waitingPods = new HashMap<>();

    /**
     * @param nodes the nodes of the current cycle's snapshot (the scheduler supplies it)
     */
    public Framework(Profile profile, Api api, EventLoop loop, EventRecorder recorder, Supplier<List<NodeInfo>> nodes) {
        this.profile = profile;
        this.api = api;
        this.loop = loop;
        this.recorder = recorder;
        this.nodes = nodes;
        for (PluginConfig config : profile.plugins()) {
            Plugin plugin = config.factory().apply(this);
            byName.put(config.name(), plugin);
            weights.put(config.name(), Math.max(config.weight(), 1));
            for (ExtensionPoint point : config.points()) {
                if (implementsPoint(plugin, point)) {
                    byPoint.computeIfAbsent(point, p -> new ArrayList<>()).add(plugin);
                }
            }
        }
    }

    private static boolean implementsPoint(Plugin p, ExtensionPoint point) {
        return switch (point) {
            case QueueSort -> p instanceof QueueSortPlugin;
            case PreFilter -> p instanceof PreFilterPlugin;
            case Filter -> p instanceof FilterPlugin;
            case PostFilter -> p instanceof PostFilterPlugin;
            case PreScore -> p instanceof PreScorePlugin;
            case Score -> p instanceof ScorePlugin;
            case Reserve -> p instanceof ReservePlugin;
            case Permit -> p instanceof PermitPlugin;
            case PreBind -> p instanceof PreBindPlugin;
            case Bind -> p instanceof BindPlugin;
            case PostBind -> p instanceof PostBindPlugin;
        };
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> plugins(ExtensionPoint point) {
        return (List<T>) byPoint.getOrDefault(point, List.of());
    }

    public Profile profile() {
        return profile;
    }

    public QueueSortPlugin queueSortPlugin() {
        return this.<QueueSortPlugin>plugins(ExtensionPoint.QueueSort).get(0);
    }

    /** The names of the plugins enabled at a point, in the order they run. */
    public List<String> pluginNames(ExtensionPoint point) {
        return plugins(point).stream().map(p -> ((Plugin) p).name()).toList();
    }

    public int weight(String plugin) {
        return weights.getOrDefault(plugin, 1);
    }

    public boolean hasPostFilterPlugins() {
        return !plugins(ExtensionPoint.PostFilter).isEmpty();
    }

    /** The events after which a pod this plugin rejected may fit. */
    public Set<ClusterEvent> eventsToRegister(String pluginName) {
        Plugin p = byName.get(pluginName);
        return p == null ? Set.of(ClusterEvent.WILDCARD) : DefaultEvents.of(p);
    }

    // ---- scheduling cycle ----

    /** PreFilter: the first rejection is returned (signed); Skips are remembered for Filter. */
    public Status runPreFilterPlugins(CycleState state, Pod pod, List<NodeInfo> nodeInfos) {
        Set<String> skip = new HashSet<>();
        state.write(SKIP_FILTER_KEY, skip);
        for (PreFilterPlugin p : this.<PreFilterPlugin>plugins(ExtensionPoint.PreFilter)) {
            Status s = p.preFilter(state, pod, nodeInfos);
            if (s.isSkip()) {
                skip.add(p.name());
            } else if (!s.isSuccess()) {
                return s.withPlugin(p.name());
            }
        }
        return Status.success();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Status runFilterPlugins(CycleState state, Pod pod, NodeInfo nodeInfo) {
        Set<String> skip = state.read(SKIP_FILTER_KEY, Set.class).orElse(Set.of());
        for (FilterPlugin p : this.<FilterPlugin>plugins(ExtensionPoint.Filter)) {
            if (skip.contains(p.name())) {
                continue;
            }
            Status s = p.filter(state, pod, nodeInfo);
            if (!s.isSuccess()) {
                return s.withPlugin(p.name());
            }
        }
        return Status.success();
    }

    public PostFilterResult runPostFilterPlugins(CycleState state, Pod pod, Map<String, Status> nodeToStatus) {
        PostFilterResult last = PostFilterResult.of(Status.of(Status.Code.Unschedulable));
        List<String> messages = new ArrayList<>();
        for (PostFilterPlugin p : this.<PostFilterPlugin>plugins(ExtensionPoint.PostFilter)) {
            PostFilterResult r = p.postFilter(state, pod, nodeToStatus);
            if (r.status().isSuccess() || r.status().code() == Status.Code.Error) {
                return r;
            }
            messages.add(r.status().message());
            last = r;
        }
        return new PostFilterResult(last.nominatedNodeName(),
                Status.of(Status.Code.Unschedulable, messages.toArray(String[]::new)));
    }

    @SuppressWarnings("unchecked")
    public Status runPreScorePlugins(CycleState state, Pod pod, List<NodeInfo> feasible) {
        Set<String> skip = new HashSet<>();
        state.write(SKIP_SCORE_KEY, skip);
        for (PreScorePlugin p : this.<PreScorePlugin>plugins(ExtensionPoint.PreScore)) {
            Status s = p.preScore(state, pod, feasible);
            if (s.isSkip()) {
                skip.add(p.name());
            } else if (!s.isSuccess()) {
                return s.withPlugin(p.name());
            }
        }
        return Status.success();
    }

    /** Score, NormalizeScore and weights: for each node, every plugin's raw, normalised and weighted score. */
    @SuppressWarnings("unchecked")
    public List<NodePluginScores> runScorePlugins(CycleState state, Pod pod, List<NodeInfo> feasible) {
        Set<String> skip = state.read(SKIP_SCORE_KEY, Set.class).orElse(Set.of());
        List<ScorePlugin> active = this.<ScorePlugin>plugins(ExtensionPoint.Score).stream()
                .filter(p -> !skip.contains(p.name())).toList();
        List<List<NodePluginScores.PluginScore>> perNode = new ArrayList<>();
        feasible.forEach(n -> perNode.add(new ArrayList<>()));
        for (ScorePlugin p : active) {
            List<NodeScore> raw = new ArrayList<>(feasible.size());
            for (NodeInfo n : feasible) {
                raw.add(new NodeScore(n.nodeName(), p.score(state, pod, n)));
            }
            ScoreExtensions ext = p.scoreExtensions();
            List<NodeScore> normalized = ext == null ? raw : ext.normalizeScore(state, pod, raw);
            int weight = weight(p.name());
            for (int i = 0; i < feasible.size(); i++) {
                long norm = normalized.get(i).score();
                perNode.get(i).add(new NodePluginScores.PluginScore(p.name(), raw.get(i).score(), norm, weight,
                        norm * weight));
            }
        }
        List<NodePluginScores> out = new ArrayList<>(feasible.size());
        for (int i = 0; i < feasible.size(); i++) {
            long total = perNode.get(i).stream().mapToLong(NodePluginScores.PluginScore::weighted).sum();
            out.add(new NodePluginScores(feasible.get(i).nodeName(), perNode.get(i), total));
        }
        return out;
    }

    /** Reserve in order; on a failure, Unreserve is run for all (in reverse) and the failure returned. */
    public Status runReservePluginsReserve(CycleState state, Pod pod, String nodeName) {
        for (ReservePlugin p : this.<ReservePlugin>plugins(ExtensionPoint.Reserve)) {
            Status s = p.reserve(state, pod, nodeName);
            if (!s.isSuccess()) {
                return s.withPlugin(p.name());
            }
        }
        return Status.success();
    }

    public void runReservePluginsUnreserve(CycleState state, Pod pod, String nodeName) {
        List<ReservePlugin> list = new ArrayList<>(this.<ReservePlugin>plugins(ExtensionPoint.Reserve));
        for (int i = list.size() - 1; i >= 0; i--) {
            list.get(i).unreserve(state, pod, nodeName);
        }
    }

    /** Permit: a rejection is returned; Waits make the pod a {@link WaitingPod} and return Wait. */
    public Status runPermitPlugins(CycleState state, Pod pod, String nodeName) {
        Map<String, Duration> waits = new LinkedHashMap<>();
        for (PermitPlugin p : this.<PermitPlugin>plugins(ExtensionPoint.Permit)) {
            PermitPlugin.Result r = p.permit(state, pod, nodeName);
            if (r.status().isWait()) {
                waits.put(p.name(), r.timeout());
            } else if (!r.status().isSuccess()) {
                return r.status().withPlugin(p.name());
            }
        }
        if (waits.isEmpty()) {
            return Status.success();
        }
        waitingPods.put(key(pod), new WaitingPodImpl(pod, nodeName, waits, loop));
        return Status.of(Status.Code.Wait);
    }

    /** Calls {@code then} with Success at once, or with the waiting pod's verdict when it comes. */
    public void waitOnPermit(Pod pod, Consumer<Status> then) {
        WaitingPodImpl w = waitingPods.get(key(pod));
        if (w == null) {
            then.accept(Status.success());
            return;
        }
        w.whenDone(s -> {
            waitingPods.remove(key(pod));
            then.accept(s);
        });
    }

    public Status runPreBindPlugins(CycleState state, Pod pod, String nodeName) {
        for (PreBindPlugin p : this.<PreBindPlugin>plugins(ExtensionPoint.PreBind)) {
            Status s = p.preBind(state, pod, nodeName);
            if (!s.isSuccess()) {
                return s.withPlugin(p.name());
            }
        }
        return Status.success();
    }

    public Status runBindPlugins(CycleState state, Pod pod, String nodeName) {
        for (BindPlugin p : this.<BindPlugin>plugins(ExtensionPoint.Bind)) {
            Status s = p.bind(state, pod, nodeName);
            if (!s.isSkip()) {
                return s.isSuccess() ? s : s.withPlugin(p.name());
            }
        }
        return Status.of(Status.Code.Skip);
    }

    public void runPostBindPlugins(CycleState state, Pod pod, String nodeName) {
        for (PostBindPlugin p : this.<PostBindPlugin>plugins(ExtensionPoint.PostBind)) {
            p.postBind(state, pod, nodeName);
        }
    }

    // ---- Handle ----

    @Override
    public Api api() {
        return api;
    }

    @Override
    public Clock clock() {
        return loop.clock();
    }

    @Override
    public String profileName() {
        return profile.schedulerName();
    }

    @Override
    public EventRecorder eventRecorder() {
        return recorder;
    }

    @Override
    public List<NodeInfo> nodeInfos() {
        return nodes.get();
    }

    @Override
    public Optional<WaitingPod> waitingPod(String podKey) {
        return Optional.ofNullable(waitingPods.get(podKey));
    }

    private static String key(Pod pod) {
        return pod.metadata().namespace() + "/" + pod.metadata().name();
    }
}
