/**
 * The strategy of {@code autoscaling/v2} HorizontalPodAutoscalers,
 * {@link kubelab.apiserver.registry.autoscaling.HorizontalPodAutoscalerStrategy}: defaults (at
 * least 1 replica, 80% CPU when no metric is given, the standard scaling behaviour) and bounds
 * that make sense.
 *
 * <p>Called by the generic {@link kubelab.apiserver.registry.Registry}, as Kubernetes'
 * {@code pkg/registry/autoscaling/horizontalpodautoscaler} is.
 */
package kubelab.apiserver.registry.autoscaling;
