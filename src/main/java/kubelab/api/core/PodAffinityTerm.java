package kubelab.api.core;

import java.util.List;
import kubelab.api.meta.LabelSelector;

/**
 * The pods a pod wants (or avoids) sharing a domain with: those matching {@code labelSelector} in
 * the listed namespaces (or those matching {@code namespaceSelector}; neither means the pod's own),
 * where the domain is the value of the node label {@code topologyKey}.
 *
 * <p>Real Kubernetes: {@code corev1.PodAffinityTerm}.
 */
public record PodAffinityTerm(LabelSelector labelSelector, List<String> namespaces, String topologyKey,
                              LabelSelector namespaceSelector, List<String> matchLabelKeys,
                              List<String> mismatchLabelKeys) {
    public PodAffinityTerm {
        namespaces = Copies.list(namespaces);
        matchLabelKeys = Copies.list(matchLabelKeys);
        mismatchLabelKeys = Copies.list(mismatchLabelKeys);
    }
}
