/**
 * The HorizontalPodAutoscaler controller (autoscaling/v2):
 * {@link kubelab.controller.podautoscaler.HorizontalController} resyncs every autoscaler every
 * 15 s, {@link kubelab.controller.podautoscaler.ReplicaCalculator} applies Kubernetes' formula
 * ({@code ceil(current × usage / target)}, tolerance 0.1, careful with unready and unmeasured
 * pods), {@link kubelab.controller.podautoscaler.ReplicaNormalizer} applies the stabilisation
 * window and the scaling policies, and {@link kubelab.controller.podautoscaler.ScaleTarget} reads
 * and writes the target's replicas.
 *
 * <p>Usage comes through one seam, {@link kubelab.controller.podautoscaler.PodMetricsLister}
 * (per-pod CPU millicores with a timestamp); {@link kubelab.controller.podautoscaler.ContainerStatsMetrics}
 * implements it over the runtimes' CRI container stats, in place of the metrics server. The controller reads autoscalers and pods from
 * {@code kubelab.client} informers and writes through {@code kubelab.apiserver.Api}. It is split
 * as Kubernetes splits {@code pkg/controller/podautoscaler}, so each rule can be read, and tested,
 * on its own.
 *
 * <p>Simplified compared with Kubernetes: only {@code Resource} metrics of cpu (Pods, Object,
 * External and ContainerResource metrics report a clear failure); no {@code /scale} subresource
 * (the target's {@code spec.replicas} is updated directly, and its {@code spec.selector} stands for
 * the scale's {@code status.selector}); no AmbiguousSelector check between autoscalers; a failed
 * metric leaves no empty entry in {@code currentMetrics}.
 */
package kubelab.controller.podautoscaler;
