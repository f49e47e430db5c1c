package kubelab.scheduler.plugins.helper;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import kubelab.api.core.Taint;
import kubelab.api.core.Toleration;
import kubelab.api.core.TolerationOperator;

/**
 * The matching rule between a pod's tolerations and a node's taints.
 *
 * <p>A toleration tolerates a taint when the effects agree (an empty toleration effect matches all
 * effects), the keys agree (an empty key matches every key, allowed only with {@code Exists}), and
 * either the operator is {@code Exists} or it is {@code Equal} (the default) with equal values.
 * So {@code {operator: Exists}} alone tolerates everything. Kubernetes' newer {@code Lt}/{@code Gt}
 * operators (alpha) are not supported and tolerate nothing.
 *
 * <p>Real Kubernetes: {@code Toleration.ToleratesTaint} in {@code k8s.io/api/core/v1/toleration.go},
 * {@code FindMatchingUntoleratedTaint} in {@code k8s.io/component-helpers/scheduling/corev1}.
 */
public final class Tolerations {
    private Tolerations() {
    }

    public static boolean toleratesTaint(Toleration toleration, Taint taint) {
        if (!isEmpty(toleration.effect()) && !toleration.effect().equals(taint.effect())) {
            return false;
        }
        if (!isEmpty(toleration.key()) && !toleration.key().equals(taint.key())) {
            return false;
        }
        String operator = toleration.operator();
        if (isEmpty(operator) || TolerationOperator.EQUAL.equals(operator)) {
            return nullToEmpty(toleration.value()).equals(nullToEmpty(taint.value()));
        }
        return TolerationOperator.EXISTS.equals(operator);
    }

    /** Whether any of the tolerations tolerates the taint. */
    public static boolean tolerationsTolerateTaint(List<Toleration> tolerations, Taint taint) {
        return tolerations.stream().anyMatch(t -> toleratesTaint(t, taint));
    }

    /** The first taint, in the node's order, that passes the filter and no toleration tolerates. */
    public static Optional<Taint> findMatchingUntoleratedTaint(List<Taint> taints, List<Toleration> tolerations,
                                                               Predicate<Taint> inclusionFilter) {
        return taints.stream()
                .filter(inclusionFilter)
                .filter(taint -> !tolerationsTolerateTaint(tolerations, taint))
                .findFirst();
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
