package kubelab.api.core;

import java.util.List;
import kubelab.api.meta.PatchStrategy;

/**
 * The phase of a Namespace, Active or Terminating (see {@link NamespacePhase}), and conditions
 * explaining what still blocks its deletion.
 *
 * <p>Real Kubernetes: {@code corev1.NamespaceStatus}.
 */
public record NamespaceStatus(String phase,
                              @PatchStrategy(value = "merge", mergeKey = "type") List<NamespaceCondition> conditions) {

    public NamespaceStatus {
        conditions = Copies.list(conditions);
    }

    public static NamespaceStatus of(String phase) {
        return new NamespaceStatus(phase, null);
    }

    public NamespaceStatus withPhase(String phase) {
        return new NamespaceStatus(phase, conditions);
    }

    public NamespaceStatus withConditions(List<NamespaceCondition> conditions) {
        return new NamespaceStatus(phase, conditions);
    }
}
