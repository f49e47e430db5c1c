package kubelab.api.core;

import java.util.List;

/**
 * The limits of a LimitRange, one item per kind of object limited.
 *
 * <p>Real Kubernetes: {@code corev1.LimitRangeSpec}.
 */
public record LimitRangeSpec(List<LimitRangeItem> limits) {
    public LimitRangeSpec {
        limits = Copies.list(limits);
    }
}
