package kubelab.api.core;

import java.util.List;

/**
 * One term of a node query: all its expressions on labels and on fields (only
 * {@code metadata.name}) must hold. An empty term matches no node.
 *
 * <p>Real Kubernetes: {@code corev1.NodeSelectorTerm}.
 */
public record NodeSelectorTerm(List<NodeSelectorRequirement> matchExpressions,
                               List<NodeSelectorRequirement> matchFields) {
    public NodeSelectorTerm {
        matchExpressions = Copies.list(matchExpressions);
        matchFields = Copies.list(matchFields);
    }
}
