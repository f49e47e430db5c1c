package kubelab.api.core;

import java.util.List;
import kubelab.api.meta.LabelSelector;

/**
 * Spreads matching pods evenly over the domains of {@code topologyKey}: the count in any domain
 * may exceed the smallest by at most {@code maxSkew}. {@code whenUnsatisfiable} is DoNotSchedule
 * (a filter) or ScheduleAnyway (a score).
 *
 * <p>Real Kubernetes: {@code corev1.TopologySpreadConstraint}.
 */
public record TopologySpreadConstraint(Integer maxSkew, String topologyKey, String whenUnsatisfiable,
                                       LabelSelector labelSelector, Integer minDomains, String nodeAffinityPolicy,
                                       String nodeTaintsPolicy, List<String> matchLabelKeys) {
    public TopologySpreadConstraint {
        matchLabelKeys = Copies.list(matchLabelKeys);
    }
}
