package kubelab.controller.nodelifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import kubelab.api.coordination.Lease;
import kubelab.api.core.ConditionStatus;
import kubelab.api.core.Event;
import kubelab.api.core.Node;
import kubelab.api.core.NodeCondition;
import kubelab.api.core.NodeConditionType;
import kubelab.api.core.NodeSpec;
import kubelab.api.core.NodeStatus;
import kubelab.api.core.Taint;
import kubelab.api.core.TaintEffect;
import kubelab.apiserver.Api;
import kubelab.apiserver.ApiException;
import kubelab.client.InformerFactory;
import kubelab.client.Lister;
import kubelab.client.record.EventRecorder;
import kubelab.time.EventLoop;

/**
 * Watches node heartbeats and acts when they stop: every {@code nodeMonitorPeriod} it looks at
 * each node's latest heartbeat (its Lease's {@code renewTime} or its Ready condition's
 * {@code lastHeartbeatTime}); past {@code nodeMonitorGracePeriod} it marks the node's conditions
 * Unknown. It then keeps the node's NoExecute taints in step with Ready (False: not-ready,
 * Unknown: unreachable, True: neither), and the {@link NoExecuteTaintManager} evicts the pods.
 *
 * <p>Only the controller's own clock is compared with the heartbeats; real Kubernetes instead
 * remembers when it last saw a heartbeat change, to be immune to skew between machines. One
 * simulated clock has no skew, so the simpler rule gives the same answers.
 *
 * <p>Real Kubernetes: {@code Controller} in {@code pkg/controller/nodelifecycle/node_lifecycle_controller.go}
 * ({@code monitorNodeHealth}, {@code tryUpdateNodeHealth}, {@code processTaintBaseEviction}).
 */
public final class NodeLifecycleController {
    /** How often node health is checked ({@code --node-monitor-period}). */
    public static final Duration NODE_MONITOR_PERIOD = Duration.ofSeconds(5);
    /** How long a node may go without a heartbeat before it is Unknown ({@code --node-monitor-grace-period}, 50 s since 1.32). */
    public static final Duration NODE_MONITOR_GRACE_PERIOD = Duration.ofSeconds(50);
    /** The namespace where each kubelet renews a Lease named after its node. */
    public static final String NODE_LEASE_NAMESPACE = "kube-node-lease";

    /** Set by this controller on a node whose Ready is False. */
    public static final String TAINT_NODE_NOT_READY = "node.kubernetes.io/not-ready";
    /** Set by this controller on a node whose Ready is Unknown. */
    public static final String TAINT_NODE_UNREACHABLE = "node.kubernetes.io/unreachable";

    static final String REASON_UNKNOWN = "NodeStatusUnknown";
    static final String MESSAGE_UNKNOWN = "Kubelet stopped posting node status.";
    static final String REASON_NEVER_UPDATED = "NodeStatusNeverUpdated";
    static final String MESSAGE_NEVER_UPDATED = "Kubelet never posted node status.";

    /** The conditions the kubelet owns, all turned Unknown when it goes silent. */
    static final List<String> KUBELET_CONDITIONS = List.of(NodeConditionType.READY,
            NodeConditionType.MEMORY_PRESSURE, NodeConditionType.DISK_PRESSURE, NodeConditionType.PID_PRESSURE);

    private final Api api;
    private final EventLoop loop;
    private final EventRecorder recorder;
    private final Duration nodeMonitorPeriod;
    private final Duration nodeMonitorGracePeriod;
    private final Lister<Node> nodeLister;
    private final Lister<Lease> leaseLister;
    private final NoExecuteTaintManager taintManager;
    private EventLoop.Timer monitor;

    /** A controller with Kubernetes' default periods; call {@link #start()} once the informers are started. */
    public NodeLifecycleController(Api api, InformerFactory informers, EventLoop loop) {
        this(api, informers, loop, EventRecorder.discarding());
    }

    /** A controller with Kubernetes' default periods that records NodeNotReady and TaintManagerEviction Events. */
    public NodeLifecycleController(Api api, InformerFactory informers, EventLoop loop, EventRecorder recorder) {
        this(api, informers, loop, recorder, NODE_MONITOR_PERIOD, NODE_MONITOR_GRACE_PERIOD);
    }

    public NodeLifecycleController(Api api, InformerFactory informers, EventLoop loop,
                                   Duration nodeMonitorPeriod, Duration nodeMonitorGracePeriod) {
        this(api, informers, loop, EventRecorder.discarding(), nodeMonitorPeriod, nodeMonitorGracePeriod);
    }

    public NodeLifecycleController(Api api, InformerFactory informers, EventLoop loop, EventRecorder recorder,
                                   Duration nodeMonitorPeriod, Duration nodeMonitorGracePeriod) {
        this.api = api;
        this.recorder = recorder;
        this.loop = loop;
        this.nodeMonitorPeriod = nodeMonitorPeriod;
        this.nodeMonitorGracePeriod = nodeMonitorGracePeriod;
        this.nodeLister = informers.listerFor(Node.class);
        this.leaseLister = informers.informerFor(Lease.class, NODE_LEASE_NAMESPACE).lister();
        this.taintManager = new NoExecuteTaintManager(api, informers, loop, recorder);
    }

    /** Starts the periodic health check; the informers are started by their factory. */
    public void start() {
        if (monitor == null) {
            monitor = loop.schedulePeriodic("node-lifecycle-monitor", nodeMonitorPeriod, this::monitorNodeHealth);
        }
    }

    /** Stops the periodic health check and cancels pending evictions. */
    public void stop() {
        if (monitor != null) {
            monitor.cancel();
            monitor = null;
        }
        taintManager.stop();
    }

    public NoExecuteTaintManager taintManager() {
        return taintManager;
    }

    /** One pass over all nodes: update stale health, then align each node's NoExecute taints with Ready. */
    // tag::monitor-node-health[]
    public void monitorNodeHealth() {
        for (Node node : nodeLister.list()) {
            try {
                Node current = tryUpdateNodeHealth(node);
                processTaintBaseEviction(current);
            } catch (ApiException e) {
                if (e.code() != 404 && e.code() != 409) {
                    throw e;
                }
                // Gone, or changed under us: the next pass, 5 s away, starts again from the cache.
            }
        }
    }
    // end::monitor-node-health[]

    /** The time of the node's latest heartbeat, or null if the kubelet never sent one. */
    Instant lastHeartbeat(Node node) {
        Instant latest = null;
        NodeCondition ready = node.status() == null ? null : node.status().condition(NodeConditionType.READY);
        if (ready != null) {
            latest = ready.lastHeartbeatTime();
        }
        Lease lease = leaseLister.inNamespace(NODE_LEASE_NAMESPACE).get(node.name()).orElse(null);
        if (lease != null && lease.spec() != null && lease.spec().renewTime() != null) {
            Instant renewed = lease.spec().renewTime().time();
            if (latest == null || renewed.isAfter(latest)) {
                latest = renewed;
            }
        }
        return latest;
    }

    /** Marks the kubelet's conditions Unknown if its heartbeat is older than the grace period; returns the node as written. */
    Node tryUpdateNodeHealth(Node node) {
        Instant now = loop.clock().now();
        Instant heartbeat = lastHeartbeat(node);
        // A node that never sent a heartbeat gets the same grace from its creation.
        Instant since = heartbeat != null ? heartbeat : node.metadata().creationTimestamp();
        if (since == null || !now.isAfter(since.plus(nodeMonitorGracePeriod))) {
            return node;
        }
        NodeStatus status = node.status() == null ? NodeStatus.empty() : node.status();
        NodeStatus updated = status;
        for (String type : KUBELET_CONDITIONS) {
            NodeCondition c = status.condition(type);
            if (c == null) {
                updated = updated.withCondition(new NodeCondition(type, ConditionStatus.UNKNOWN,
                        node.metadata().creationTimestamp(), now, REASON_NEVER_UPDATED, MESSAGE_NEVER_UPDATED));
            } else if (!ConditionStatus.UNKNOWN.equals(c.status())) {
                updated = updated.withCondition(new NodeCondition(type, ConditionStatus.UNKNOWN,
                        c.lastHeartbeatTime(), now, REASON_UNKNOWN, MESSAGE_UNKNOWN));
            }
        }
        if (updated.equals(status)) {
            return node;
        }
        Node written = api.updateStatus(node.withStatus(updated));
        NodeCondition wasReady = status.condition(NodeConditionType.READY);
        if (wasReady == null || !ConditionStatus.UNKNOWN.equals(wasReady.status())) {
            recorder.event(written, Event.TYPE_NORMAL, "NodeNotReady",
                    "Node " + node.name() + " status is now: NodeNotReady");
        }
        return written;
    }

    /**
     * Gives the node exactly the taints its Ready condition calls for: not-ready (Ready=False) or
     * unreachable (Ready=Unknown), each as NoExecute (evict what does not tolerate it) and as
     * NoSchedule (place nothing new there); none when Ready is True.
     */
    // tag::taint-based-eviction[]
    Node processTaintBaseEviction(Node node) {
        NodeCondition ready = node.status() == null ? null : node.status().condition(NodeConditionType.READY);
        String wanted = null;
        if (ready != null && ConditionStatus.FALSE.equals(ready.status())) {
            wanted = TAINT_NODE_NOT_READY;
        } else if (ready != null && ConditionStatus.UNKNOWN.equals(ready.status())) {
            wanted = TAINT_NODE_UNREACHABLE;
        }
        List<Taint> taints = node.spec() == null ? List.of() : node.spec().taints();
        List<Taint> desired = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (Taint t : taints) {
            boolean ours = (TaintEffect.NO_EXECUTE.equals(t.effect()) || TaintEffect.NO_SCHEDULE.equals(t.effect()))
                    && (TAINT_NODE_NOT_READY.equals(t.key()) || TAINT_NODE_UNREACHABLE.equals(t.key()));
            if (!ours) {
                desired.add(t);
            } else if (t.key().equals(wanted)) {
                desired.add(t); // keep its timeAdded: the tolerationSeconds count from then
                present.add(t.effect());
            }
        }
        if (wanted != null) {
            for (String effect : List.of(TaintEffect.NO_SCHEDULE, TaintEffect.NO_EXECUTE)) {
                if (!present.contains(effect)) {
                    desired.add(new Taint(wanted, null, effect, loop.clock().now()));
                }
            }
        }
        if (Objects.equals(desired, taints)) {
            return node;
        }
        NodeSpec spec = node.spec() == null ? NodeSpec.empty() : node.spec();
        // node carries the resourceVersion we read: a concurrent writer makes this a 409, retried next pass.
        return api.update(node.withSpec(spec.withTaints(desired)));
    }
    // end::taint-based-eviction[]
}
