/**
 * The scheduling framework's vocabulary: {@link kubelab.scheduler.framework.NodeInfo} (a node and
 * the pods bound to it, with their summed requests), {@link kubelab.scheduler.framework.Resource},
 * {@link kubelab.scheduler.framework.Status}, {@link kubelab.scheduler.framework.CycleState}, the
 * plugin interfaces for each extension point (QueueSort, PreFilter, Filter, PostFilter, PreScore,
 * Score with NormalizeScore, Reserve, Permit, PreBind, Bind, PostBind), the {@link
 * kubelab.scheduler.framework.Handle} plugins get from the framework, and the queue's words
 * ({@link kubelab.scheduler.framework.QueuedPodInfo}, {@link kubelab.scheduler.framework.ClusterEvent}).
 *
 * <p>Plugins in {@code kubelab.scheduler.plugins} implement these interfaces; {@code framework.runtime}
 * runs them for the {@code Scheduler}. Shaped like kube-scheduler so that every decision is a small
 * pure function a learner can call on its own: give it a pod and a NodeInfo, read the Status.
 */
package kubelab.scheduler.framework;
