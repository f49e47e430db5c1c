package kubelab.controller.podautoscaler;

import java.time.Duration;
import java.time.Instant;

/**
 * One pod's resource usage as the metrics pipeline reports it: {@code milliValue} (millicores for
 * cpu) averaged over {@code window}, the sample ending at {@code timestamp}.
 *
 * <p>Real Kubernetes: {@code PodMetric} in {@code pkg/controller/podautoscaler/metrics}, built from
 * a {@code metrics.k8s.io/v1beta1 PodMetrics} (the sum of its containers' usage).
 */
public record PodMetric(String podName, long milliValue, Instant timestamp, Duration window) {
}
