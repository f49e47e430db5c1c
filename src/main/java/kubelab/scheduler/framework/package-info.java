/**
 * The scheduling framework's vocabulary: {@link kubelab.scheduler.framework.NodeInfo} (a node and
 * the pods bound to it, with their summed requests), {@link kubelab.scheduler.framework.Resource},
 * {@link kubelab.scheduler.framework.Status}, {@link kubelab.scheduler.framework.CycleState} and
 * the plugin interfaces for each extension point ({@code PreFilter}, {@code Filter},
 * {@code PreScore}, {@code Score} with {@code NormalizeScore}).
 *
 * <p>Plugins in {@code kubelab.scheduler.plugins} implement these interfaces; the scheduling loop
 * (a later step) runs them. Shaped like kube-scheduler so that every decision is a small pure
 * function a learner can call on its own: give it a pod and a NodeInfo, read the Status.
 */
package kubelab.scheduler.framework;
