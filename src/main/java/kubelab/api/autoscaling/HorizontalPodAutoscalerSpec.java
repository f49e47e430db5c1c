package kubelab.api.autoscaling;

import java.util.List;

/**
 * The target to scale, the replica bounds, the metrics to hold at their targets (the largest
 * replica count any metric asks for wins), and how fast to scale each way.
 *
 * <p>Real Kubernetes: {@code autoscalingv2.HorizontalPodAutoscalerSpec}.
 */
public record HorizontalPodAutoscalerSpec(CrossVersionObjectReference scaleTargetRef, Integer minReplicas,
                                          Integer maxReplicas, List<MetricSpec> metrics,
                                          HorizontalPodAutoscalerBehavior behavior) {
    public HorizontalPodAutoscalerSpec {
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
    }
}
