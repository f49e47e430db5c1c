package kubelab.kubelet.container;

import java.util.HashMap;
import java.util.Map;

/**
 * Why each container of each pod last failed to start ({@code ErrImagePull},
 * {@code CrashLoopBackOff}, {@code CreateContainerConfigError} and a message), so that the pod's
 * status can show it as the container's waiting reason until a start succeeds.
 *
 * <p>Real Kubernetes: {@code ReasonCache} in {@code pkg/kubelet/reason_cache.go}.
 */
public final class ReasonCache {
    /** A reason and its message. */
    public record Reason(String reason, String message) {
    }

    private final Map<String, Reason> reasons = new HashMap<>();

    public void add(String podUid, String container, String reason, String message) {
        reasons.put(podUid + "/" + container, new Reason(reason, message));
    }

    public void remove(String podUid, String container) {
        reasons.remove(podUid + "/" + container);
    }

    public Reason get(String podUid, String container) {
        return reasons.get(podUid + "/" + container);
    }

    public void removePod(String podUid) {
        reasons.keySet().removeIf(k -> k.startsWith(podUid + "/"));
    }

    public void clear() {
        reasons.clear();
    }
}
