package kubelab.controller.podautoscaler;

import java.util.List;
import kubelab.api.labels.Selector;

/**
 * Where the HPA controller reads pods' CPU usage: the seam to whatever measures it. In a cluster
 * it is wired to the simulated runtime's container stats; in tests, a fake returns chosen numbers.
 * Pods without a sample are simply absent from the answer (the controller then treats them as
 * Kubernetes does: 0% on a scale-up, 100% of their request on a scale-down).
 *
 * <p>Real Kubernetes: {@code MetricsClient.GetResourceMetric} in
 * {@code pkg/controller/podautoscaler/metrics}, backed by the metrics server's
 * {@code metrics.k8s.io} API (which reads the kubelets' cAdvisor/CRI stats).
 */
@FunctionalInterface
public interface PodMetricsLister {

    /** The CPU usage, in millicores, of the pods in {@code namespace} that {@code selector} matches. */
    List<PodMetric> cpuUsage(String namespace, Selector selector);
}
