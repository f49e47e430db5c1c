package kubelab.api.autoscaling;

/**
 * How fast to scale up and down; absent rules take the defaults (scale up at once, scale down
 * after a five-minute stabilisation window).
 *
 * <p>Real Kubernetes: {@code autoscalingv2.HorizontalPodAutoscalerBehavior}.
 */
public record HorizontalPodAutoscalerBehavior(HPAScalingRules scaleUp, HPAScalingRules scaleDown) {
}
