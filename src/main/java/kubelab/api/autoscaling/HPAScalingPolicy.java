package kubelab.api.autoscaling;

/**
 * A rate limit: change by at most {@code value} pods ({@code type: Pods}) or {@code value} percent
 * ({@code type: Percent}) per {@code periodSeconds}.
 *
 * <p>Real Kubernetes: {@code autoscalingv2.HPAScalingPolicy}.
 */
public record HPAScalingPolicy(String type, Integer value, Integer periodSeconds) {

    public static final String PODS = "Pods";
    public static final String PERCENT = "Percent";
}
