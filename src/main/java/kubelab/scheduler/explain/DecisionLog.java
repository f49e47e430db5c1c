package kubelab.scheduler.explain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last decision for each of the most recently scheduled pods, at most {@code capacity} pods
 * (least recently recorded evicted first), so that explaining costs bounded memory on a cluster
 * with 150,000 pods.
 *
 * <p>Real Kubernetes: none; kube-scheduler keeps no history.
 */
public final class DecisionLog {
    public static final int DEFAULT_CAPACITY = 10_000;

    private final Map<String, SchedulingDecision> decisions;

    public DecisionLog(int capacity) {
        this.decisions = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, SchedulingDecision> eldest) {
                return size() > capacity;
            }
        };
    }

    public void record(SchedulingDecision d) {
        String key = d.namespace() + "/" + d.name();
        decisions.remove(key);
        decisions.put(key, d);
    }

    public Optional<SchedulingDecision> last(String namespace, String name) {
        return Optional.ofNullable(decisions.get(namespace + "/" + name));
    }

    public int size() {
        return decisions.size();
    }
}
