package kubelab.api.core;

import java.util.List;

/**
 * A topology domain as a set of label requirements, all of which must hold; a StorageClass's
 * {@code allowedTopologies} lists the domains its volumes may be provisioned in.
 *
 * <p>Real Kubernetes: {@code corev1.TopologySelectorTerm}.
 */
public record TopologySelectorTerm(List<TopologySelectorLabelRequirement> matchLabelExpressions) {
    public TopologySelectorTerm {
        matchLabelExpressions = Copies.list(matchLabelExpressions);
    }
}
