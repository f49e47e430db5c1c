package kubelab.api.core;

import java.util.List;

/**
 * A node query: the terms are ORed, so a node matches if any one term matches.
 *
 * <p>Real Kubernetes: {@code corev1.NodeSelector}.
 */
public record NodeSelector(List<NodeSelectorTerm> nodeSelectorTerms) {
    public NodeSelector {
        nodeSelectorTerms = Copies.list(nodeSelectorTerms);
    }
}
