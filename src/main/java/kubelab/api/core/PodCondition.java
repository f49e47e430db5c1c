package kubelab.api.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * One condition of a pod: a {@code type} (see {@link PodConditionType}), a {@code status} of True,
 * False or Unknown, and when and why it last changed.
 *
 * <p>Real Kubernetes: {@code corev1.PodCondition}.
 */
public record PodCondition(String type, Long observedGeneration, String status, Instant lastProbeTime,
                           Instant lastTransitionTime, String reason, String message) {

    /** A condition with a type, a status and a transition time, as the kubelet and scheduler set them. */
    public static PodCondition of(String type, String status, Instant lastTransitionTime) {
        return new PodCondition(type, null, status, null, lastTransitionTime, null, null);
    }

    /** True when {@code status} is "True". */
    @JsonIgnore
    public boolean isTrue() {
        return ConditionStatus.TRUE.equals(status);
    }
}
