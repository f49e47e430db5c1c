package kubelab.scheduler.plugins.interpodaffinity;

import java.util.List;
import java.util.Set;
import kubelab.api.core.Pod;
import kubelab.api.core.PodAffinityTerm;
import kubelab.api.labels.Selector;

/**
 * A required pod (anti-)affinity term made ready for matching: its label selector parsed once and
 * the namespaces it looks in resolved.
 *
 * <p>Namespaces: the listed ones; when none are listed and there is no {@code namespaceSelector},
 * the namespace of the pod that owns the term; an empty {@code namespaceSelector: {}} means all
 * namespaces. A non-empty namespaceSelector needs Namespace labels, which this step does not read
 * yet, so it adds no namespaces.
 *
 * <p>Real Kubernetes: {@code AffinityTerm} in {@code pkg/scheduler/framework/types.go}.
 */
record AffinityTerm(Selector selector, Set<String> namespaces, boolean allNamespaces, String topologyKey) {

    static AffinityTerm of(Pod owner, PodAffinityTerm term) {
        Set<String> namespaces = Set.copyOf(term.namespaces());
        boolean all = term.namespaceSelector() != null && term.namespaceSelector().matchLabels().isEmpty()
                && term.namespaceSelector().matchExpressions().isEmpty();
        if (namespaces.isEmpty() && term.namespaceSelector() == null) {
            namespaces = Set.of(String.valueOf(owner.metadata().namespace()));
        }
        return new AffinityTerm(Selector.from(term.labelSelector()), namespaces, all, term.topologyKey());
    }

    static List<AffinityTerm> of(Pod owner, List<PodAffinityTerm> terms) {
        return terms.stream().map(t -> of(owner, t)).toList();
    }

    /** Whether a pod is one this term selects: in one of its namespaces, with matching labels. */
    boolean matches(Pod pod) {
        return (allNamespaces || namespaces.contains(String.valueOf(pod.metadata().namespace())))
                && selector.matches(pod.metadata().labels());
    }
}
