package kubelab.api.apps;

import kubelab.api.meta.IntOrString;

/**
 * The bounds of a rolling update, as a count or a percentage of the desired replicas (both
 * default to 25%): at most {@code maxUnavailable} pods below the desired count (a percentage
 * rounds down) and at most {@code maxSurge} above it (rounds up). They cannot both be zero.
 *
 * <p>Real Kubernetes: {@code appsv1.RollingUpdateDeployment}.
 */
public record RollingUpdateDeployment(IntOrString maxUnavailable, IntOrString maxSurge) {
}
