package kubelab.api.discovery;

/**
 * The state of an endpoint: {@code ready} (take new traffic; false while terminating),
 * {@code serving} (the pod's readiness, even while terminating) and {@code terminating}.
 * Null means unknown, which consumers read as ready.
 *
 * <p>Real Kubernetes: {@code discoveryv1.EndpointConditions}.
 */
public record EndpointConditions(Boolean ready, Boolean serving, Boolean terminating) {
}
