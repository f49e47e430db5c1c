package kubelab.api.autoscaling;

import java.time.Instant;

/**
 * One condition of an autoscaler: {@code AbleToScale}, {@code ScalingActive} or
 * {@code ScalingLimited}, with status True, False or Unknown.
 *
 * <p>Real Kubernetes: {@code autoscalingv2.HorizontalPodAutoscalerCondition}.
 */
public record HorizontalPodAutoscalerCondition(String type, String status, Instant lastTransitionTime,
                                               String reason, String message) {

    public static final String ABLE_TO_SCALE = "AbleToScale";
    public static final String SCALING_ACTIVE = "ScalingActive";
    public static final String SCALING_LIMITED = "ScalingLimited";
}
