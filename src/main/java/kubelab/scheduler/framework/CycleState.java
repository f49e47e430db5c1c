package kubelab.scheduler.framework;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Scratch space for one scheduling cycle of one pod: PreFilter and PreScore compute something once
 * (the pod's summed requests, its ports, its preferred terms) and Filter and Score read it for
 * every node.
 *
 * <p>Keys are strings named after the plugin ({@code "PreFilterNodeResourcesFit"}), as in
 * Kubernetes. A new CycleState is made for every attempt; nothing survives to the next pod.
 * Not thread safe: the loop that will use it filters nodes one at a time.
 *
 * <p>Real Kubernetes: {@code CycleState} in {@code pkg/scheduler/framework/cycle_state.go}.
 */
public final class CycleState {
    private final Map<String, Object> data = new HashMap<>();

    /** Stores a value under a key, replacing any earlier one. */
    public void write(String key, Object value) {
        data.put(key, value);
    }

    /** The value under a key if present and of the expected type. */
    public <T> Optional<T> read(String key, Class<T> type) {
        Object value = data.get(key);
        return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
    }

    public void delete(String key) {
        data.remove(key);
    }
}
