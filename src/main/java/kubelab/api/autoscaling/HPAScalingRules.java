package kubelab.api.autoscaling;

import java.util.List;
import kubelab.api.resource.Quantity;

/**
 * The rules for one direction: a stabilisation window (use the most cautious recommendation of
 * that many past seconds), rate-limiting policies and how to pick among them ({@code Max},
 * {@code Min}, {@code Disabled}), and a tolerance below which metric changes are ignored.
 *
 * <p>Real Kubernetes: {@code autoscalingv2.HPAScalingRules}.
 */
public record HPAScalingRules(Integer stabilizationWindowSeconds, String selectPolicy,
                              List<HPAScalingPolicy> policies, Quantity tolerance) {

    public static final String MAX_CHANGE_POLICY_SELECT = "Max";
    public static final String MIN_CHANGE_POLICY_SELECT = "Min";
    public static final String DISABLED_POLICY_SELECT = "Disabled";

    public HPAScalingRules {
        policies = policies == null ? List.of() : List.copyOf(policies);
    }
}
