package kubelab.controller.podautoscaler;

import java.util.ArrayList;
import java.util.List;
import kubelab.api.autoscaling.HPAScalingRules;
import kubelab.api.autoscaling.HorizontalPodAutoscaler;
import kubelab.api.autoscaling.HorizontalPodAutoscalerBehavior;
import kubelab.api.autoscaling.MetricSourceType;
import kubelab.api.autoscaling.MetricSpec;
import kubelab.api.autoscaling.MetricStatus;
import kubelab.api.autoscaling.MetricTarget;
import kubelab.api.autoscaling.MetricValueStatus;
import kubelab.api.autoscaling.ResourceMetricSource;
import kubelab.api.autoscaling.ResourceMetricStatus;
import kubelab.api.core.Event;
import kubelab.api.resource.Quantity;
import kubelab.client.record.EventRecorder;

/**
 * Asks each metric of an autoscaler for its replica count and keeps the largest, with the name
 * Kubernetes gives the winning metric in its messages ("cpu resource utilization (percentage of
 * request)"), the metric values for the status, and the ScalingActive condition. A metric that
 * fails records a Warning event and, if no metric works, makes ScalingActive False.
 *
 * <p>Only {@code Resource} metrics (cpu, with a {@code Utilization} or {@code AverageValue}
 * target) can be computed here; other types fail with a clear message.
 *
 * <p>Real Kubernetes: {@code computeReplicasForMetrics}, {@code computeReplicasForMetric} and
 * {@code computeStatusForResourceMetric} in {@code pkg/controller/podautoscaler/horizontal.go}.
 */
final class MetricsComputer {

    /** The outcome: replicas (-1 if no metric worked), the winning metric's name, statuses, first error. */
    record Result(int replicas, String metricName, List<MetricStatus> statuses, String error) {
    }

    private record Proposal(int replicas, String metricName, MetricStatus status) {
    }

    private final ReplicaCalculator calculator;
    private final EventRecorder recorder;

    MetricsComputer(ReplicaCalculator calculator, EventRecorder recorder) {
        this.calculator = calculator;
        this.recorder = recorder;
    }

    // tag::compute-replicas-for-metrics[]
    Result computeReplicasForMetrics(HorizontalPodAutoscaler hpa, ScaleTarget scale,
                                     HorizontalController.Conditions conditions) {
        if (scale.selector() == null) {
            recorder.event(hpa, Event.TYPE_WARNING, "SelectorRequired", "selector is required");
            conditions.set(HorizontalController.SCALING_ACTIVE, false, "InvalidSelector",
                    "the HPA target's scale is missing a selector");
            return new Result(-1, "", List.of(), "selector is required");
        }
        List<MetricSpec> specs = hpa.spec().metrics();
        List<MetricStatus> statuses = new ArrayList<>();
        int replicas = -1;
        String metricName = "";
        int invalid = 0;
        String firstError = null;
        String firstReason = null;
        for (MetricSpec spec : specs) {
            try {
                Proposal p = computeReplicasForMetric(hpa, spec, scale);
                statuses.add(p.status());
                if (replicas == -1 || p.replicas() > replicas) {
                    replicas = p.replicas();
                    metricName = p.metricName();
                }
            } catch (ReplicaCalculator.MetricsException e) {
                String reason = MetricSourceType.RESOURCE.equals(spec.type()) ? "FailedGetResourceMetric"
                        : "FailedGet" + spec.type() + "Metric";
                recorder.event(hpa, Event.TYPE_WARNING, reason, e.getMessage());
                if (invalid++ == 0) {
                    firstReason = reason;
                    firstError = wrap(spec, e.getMessage());
                    conditions.set(HorizontalController.SCALING_ACTIVE, false, reason,
                            "the HPA was unable to compute the replica count: " + e.getMessage());
                }
            }
        }
        if (invalid >= specs.size() || (invalid > 0 && replicas < scale.specReplicas())) {
            // The failing metric's condition stands; scaling on the others could shrink too far.
            return new Result(-1, "", statuses, "invalid metrics (" + invalid + " invalid out of " + specs.size()
                    + "), first error is: " + firstError);
        }
        conditions.set(HorizontalController.SCALING_ACTIVE, true, "ValidMetricFound",
                "the HPA was able to successfully calculate a replica count from " + metricName);
        return new Result(replicas, metricName, statuses, firstReason == null ? null : firstError);
    }
    // end::compute-replicas-for-metrics[]

    private Proposal computeReplicasForMetric(HorizontalPodAutoscaler hpa, MetricSpec spec, ScaleTarget scale) {
        if (!MetricSourceType.RESOURCE.equals(spec.type()) || spec.resource() == null) {
            throw new ReplicaCalculator.MetricsException("metric type " + spec.type() + " is not supported by this cluster");
        }
        ResourceMetricSource source = spec.resource();
        MetricTarget target = source.target();
        ReplicaCalculator.Tolerances tolerances = tolerances(hpa.spec().behavior());
        int current = scale.specReplicas();
        if (target.averageValue() != null) {
            ReplicaCalculator.Proposal p;
            try {
                p = calculator.getRawResourceReplicas(current, target.averageValue().milliValue(), source.name(),
                        hpa.namespace(), scale.selector(), tolerances);
            } catch (ReplicaCalculator.MetricsException e) {
                throw new ReplicaCalculator.MetricsException("failed to get " + source.name() + " usage: " + e.getMessage());
            }
            MetricValueStatus value = new MetricValueStatus(null, Quantity.milli(p.rawUtilization(), Quantity.Format.DecimalSI), null);
            return new Proposal(p.replicas(), source.name() + " resource", resourceStatus(source.name(), value));
        }
        if (target.averageUtilization() == null) {
            throw new ReplicaCalculator.MetricsException("invalid resource metric source: neither an average "
                    + "utilization target nor an average value (usage) target was set");
        }
        ReplicaCalculator.Proposal p;
        try {
            p = calculator.getResourceReplicas(current, target.averageUtilization(), source.name(), hpa.namespace(),
                    scale.selector(), tolerances);
        } catch (ReplicaCalculator.MetricsException e) {
            throw new ReplicaCalculator.MetricsException("failed to get " + source.name() + " utilization: " + e.getMessage());
        }
        MetricValueStatus value = new MetricValueStatus(null, Quantity.milli(p.rawUtilization(), Quantity.Format.DecimalSI),
                p.utilization());
        return new Proposal(p.replicas(), source.name() + " resource utilization (percentage of request)",
                resourceStatus(source.name(), value));
    }

    private static MetricStatus resourceStatus(String name, MetricValueStatus value) {
        return new MetricStatus(MetricSourceType.RESOURCE, null, null, new ResourceMetricStatus(name, value), null, null);
    }

    private static String wrap(MetricSpec spec, String message) {
        String name = spec.resource() == null ? spec.type() : spec.resource().name();
        return "failed to get " + name + " resource metric value: " + message;
    }

    /** The behavior's tolerances (alpha in Kubernetes), else 0.1 each way. */
    private static ReplicaCalculator.Tolerances tolerances(HorizontalPodAutoscalerBehavior behavior) {
        double down = tolerance(behavior == null ? null : behavior.scaleDown());
        double up = tolerance(behavior == null ? null : behavior.scaleUp());
        return new ReplicaCalculator.Tolerances(down, up);
    }

    private static double tolerance(HPAScalingRules rules) {
        return rules == null || rules.tolerance() == null ? ReplicaCalculator.DEFAULT_TOLERANCE
                : rules.tolerance().asBigDecimal().doubleValue();
    }
}
