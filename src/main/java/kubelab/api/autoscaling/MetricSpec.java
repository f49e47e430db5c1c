package kubelab.api.autoscaling;

/**
 * One metric to scale on: {@code type} (see {@link MetricSourceType}) says which one of the other
 * fields is set.
 *
 * <p>Real Kubernetes: {@code autoscalingv2.MetricSpec}.
 */
public record MetricSpec(String type, ObjectMetricSource object, PodsMetricSource pods,
                         ResourceMetricSource resource, ContainerResourceMetricSource containerResource,
                         ExternalMetricSource external) {

    /** A resource metric, e.g. CPU at 50% average utilisation: {@code resource("cpu", MetricTarget.utilization(50))}. */
    public static MetricSpec resource(String name, MetricTarget target) {
        return new MetricSpec(MetricSourceType.RESOURCE, null, null, new ResourceMetricSource(name, target), null, null);
    }
}
