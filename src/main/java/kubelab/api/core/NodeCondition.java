package kubelab.api.core;

import java.time.Instant;

/**
 * One condition of a node (see {@link NodeConditionType}): Ready is the kubelet's heartbeat, the
 * pressure conditions trigger eviction. {@code lastHeartbeatTime} is when the kubelet last
 * confirmed it; the node controller sets Ready to Unknown when that grows too old.
 *
 * <p>Real Kubernetes: {@code corev1.NodeCondition}.
 */
public record NodeCondition(String type, String status, Instant lastHeartbeatTime, Instant lastTransitionTime,
                            String reason, String message) {
}
