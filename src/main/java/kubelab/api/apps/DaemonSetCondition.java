package kubelab.api.apps;

import java.time.Instant;

/**
 * One condition of a DaemonSet (Kubernetes defines no built-in types yet).
 *
 * <p>Real Kubernetes: {@code appsv1.DaemonSetCondition}.
 */
public record DaemonSetCondition(String type, String status, Instant lastTransitionTime, String reason,
                                 String message) {
}
