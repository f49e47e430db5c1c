package kubelab.api.apps;

import java.time.Instant;

/**
 * One condition of a StatefulSet (Kubernetes defines no built-in types yet).
 *
 * <p>Real Kubernetes: {@code appsv1.StatefulSetCondition}.
 */
public record StatefulSetCondition(String type, String status, Instant lastTransitionTime, String reason,
                                   String message) {
}
