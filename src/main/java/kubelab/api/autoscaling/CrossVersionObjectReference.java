package kubelab.api.autoscaling;

/**
 * The object to scale, by kind, name and apiVersion, in the autoscaler's namespace.
 *
 * <p>Real Kubernetes: {@code autoscalingv2.CrossVersionObjectReference}.
 */
public record CrossVersionObjectReference(String kind, String name, String apiVersion) {
}
