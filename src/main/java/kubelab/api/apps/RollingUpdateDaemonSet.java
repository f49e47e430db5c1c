package kubelab.api.apps;

import kubelab.api.meta.IntOrString;

/**
 * The bounds of a DaemonSet rolling update, as a count or a percentage of the nodes that should
 * run the pod: {@code maxUnavailable} (default 1) nodes may be without an available pod, and
 * {@code maxSurge} (default 0) nodes may briefly run an old and a new pod.
 *
 * <p>Real Kubernetes: {@code appsv1.RollingUpdateDaemonSet}.
 */
public record RollingUpdateDaemonSet(IntOrString maxUnavailable, IntOrString maxSurge) {
}
