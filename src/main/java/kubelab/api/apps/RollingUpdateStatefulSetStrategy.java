package kubelab.api.apps;

import kubelab.api.meta.IntOrString;

/**
 * A StatefulSet rolling update: only pods with an ordinal at or above {@code partition} are updated
 * (a canary), and at most {@code maxUnavailable} pods are down at a time.
 *
 * <p>Real Kubernetes: {@code appsv1.RollingUpdateStatefulSetStrategy}.
 */
public record RollingUpdateStatefulSetStrategy(Integer partition, IntOrString maxUnavailable) {
}
