package kubelab.scheduler.explain;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last decision for each of the most recently scheduled pods, bounded twice: at most
 * {@code capacity} pods, and at most {@code maxNodeEntries} per-node rows in all (a decision in a
 * 5,000-node cluster holds up to 5,000 rows). The least recently recorded pods are dropped first,
 * so memory stays bounded on a cluster with 150,000 pods.
 *
 * <p>Real Kubernetes: none; kube-scheduler keeps no history.
 */
public final class DecisionLog {
    public static final int DEFAULT_CAPACITY = 10_000;
    /** About 100 MB of rows at most. */
    public static final long DEFAULT_MAX_NODE_ENTRIES = 2_000_000;

    private final int capacity;
    private final long maxNodeEntries;
    private final Map<String, SchedulingDecision> decisions = new LinkedHashMap<>();
    private long nodeEntries;

    public DecisionLog(int capacity) {
        this(capacity, DEFAULT_MAX_NODE_ENTRIES);
    }

    public DecisionLog(int capacity, long maxNodeEntries) {
        this.capacity = capacity;
        this.maxNodeEntries = maxNodeEntries;
    }

    public void record(SchedulingDecision d) {
        String key = d.namespace() + "/" + d.name();
        SchedulingDecision old = decisions.remove(key);
        if (old != null) {
            nodeEntries -= old.nodes().size();
        }
        decisions.put(key, d);
        nodeEntries += d.nodes().size();
        Iterator<SchedulingDecision> eldest = decisions.values().iterator();
        while (decisions.size() > 1 && (decisions.size() > capacity || nodeEntries > maxNodeEntries)) {
            nodeEntries -= eldest.next().nodes().size();
            eldest.remove();
        }
    }

    public Optional<SchedulingDecision> last(String namespace, String name) {
        return Optional.ofNullable(decisions.get(namespace + "/" + name));
    }

    public int size() {
        return decisions.size();
    }
}
