package kubelab.api.core;

import java.util.List;

/**
 * Node rules: the {@code required...} selector must match for the pod to be scheduled there; the
 * {@code preferred...} terms add their weight to a node's score. "IgnoredDuringExecution": a pod
 * already running is not evicted when the node's labels change.
 *
 * <p>Real Kubernetes: {@code corev1.NodeAffinity}.
 */
public record NodeAffinity(NodeSelector requiredDuringSchedulingIgnoredDuringExecution,
                           List<PreferredSchedulingTerm> preferredDuringSchedulingIgnoredDuringExecution) {
    public NodeAffinity {
        preferredDuringSchedulingIgnoredDuringExecution = Copies.list(preferredDuringSchedulingIgnoredDuringExecution);
    }
}
