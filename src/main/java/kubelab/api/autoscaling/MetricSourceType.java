package kubelab.api.autoscaling;

/**
 * The values of {@code MetricSpec.type} and {@code MetricStatus.type}.
 *
 * <p>Real Kubernetes: {@code autoscalingv2.MetricSourceType}.
 */
public final class MetricSourceType {
    public static final String OBJECT = "Object";
    public static final String PODS = "Pods";
    public static final String RESOURCE = "Resource";
    public static final String CONTAINER_RESOURCE = "ContainerResource";
    public static final String EXTERNAL = "External";

    private MetricSourceType() {
    }
}
