package kubelab.api.autoscaling;

import kubelab.api.resource.Quantity;

/**
 * The value a metric should have: a {@code Utilization} percentage of the requests, an
 * {@code AverageValue} per pod, or a total {@code Value}.
 *
 * <p>Real Kubernetes: {@code autoscalingv2.MetricTarget}.
 */
public record MetricTarget(String type, Quantity value, Quantity averageValue, Integer averageUtilization) {

    public static final String UTILIZATION = "Utilization";
    public static final String VALUE = "Value";
    public static final String AVERAGE_VALUE = "AverageValue";

    /** A target of {@code percent}% average utilisation. */
    public static MetricTarget utilization(int percent) {
        return new MetricTarget(UTILIZATION, null, null, percent);
    }

    /** A target average value per pod. */
    public static MetricTarget averageValue(Quantity value) {
        return new MetricTarget(AVERAGE_VALUE, null, value, null);
    }
}
