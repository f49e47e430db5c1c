package kubelab.api.core;

import java.time.Instant;

/**
 * A mark on a node that repels pods without a matching toleration: {@code effect} NoSchedule,
 * PreferNoSchedule or NoExecute (see {@link TaintEffect}). {@code timeAdded} is set for NoExecute taints.
 *
 * <p>Real Kubernetes: {@code corev1.Taint}.
 */
public record Taint(String key, String value, String effect, Instant timeAdded) {

    public static Taint of(String key, String value, String effect) {
        return new Taint(key, value, effect, null);
    }
}
