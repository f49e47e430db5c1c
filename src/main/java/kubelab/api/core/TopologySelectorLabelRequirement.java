package kubelab.api.core;

import java.util.List;

/**
 * A topology label {@code key} (such as {@code topology.kubernetes.io/zone}) and the values it may have.
 *
 * <p>Real Kubernetes: {@code corev1.TopologySelectorLabelRequirement}.
 */
public record TopologySelectorLabelRequirement(String key, List<String> values) {
    public TopologySelectorLabelRequirement {
        values = Copies.list(values);
    }
}
