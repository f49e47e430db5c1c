package kubelab.api.autoscaling;

import java.time.Instant;
import java.util.List;
import kubelab.api.meta.PatchStrategy;

/**
 * What the autoscaler last saw and decided: current and desired replicas, when it last scaled,
 * the metric values it read, and conditions ({@code AbleToScale}, {@code ScalingActive},
 * {@code ScalingLimited}).
 *
 * <p>Real Kubernetes: {@code autoscalingv2.HorizontalPodAutoscalerStatus}.
 */
public record HorizontalPodAutoscalerStatus(
        Long observedGeneration,
        Instant lastScaleTime,
        Integer currentReplicas,
        Integer desiredReplicas,
        List<MetricStatus> currentMetrics,
        @PatchStrategy(value = "merge", mergeKey = "type") List<HorizontalPodAutoscalerCondition> conditions) {

    public HorizontalPodAutoscalerStatus {
        currentMetrics = currentMetrics == null ? List.of() : List.copyOf(currentMetrics);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }
}
