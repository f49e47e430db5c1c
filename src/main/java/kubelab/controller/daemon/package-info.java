/**
 * The DaemonSet controller: {@link kubelab.controller.daemon.DaemonSetsController} keeps one pod
 * of each DaemonSet on every node that should run it. Which nodes should is decided by
 * {@link kubelab.controller.daemon.NodeShouldRunDaemonPod}, with the scheduler's own rules
 * ({@code kubelab.scheduler.plugins.helper}); template versions, daemon tolerations and the
 * node-pinning affinity come from {@link kubelab.controller.daemon.DaemonSetUtil}; a rolling
 * update step is the pure decision {@link kubelab.controller.daemon.RollingUpdate}.
 *
 * <p>It reads through {@code kubelab.client} informers (DaemonSets, pods indexed by owner uid,
 * nodes), runs on a {@code kubelab.time.EventLoop}, writes only through
 * {@code kubelab.apiserver.Api}, and records Events. Shaped as Kubernetes'
 * {@code pkg/controller/daemon}: the controller does not bind pods; it pins each one to its node
 * with a required node affinity and lets the default scheduler bind it, as Kubernetes has done
 * since 1.12.
 *
 * <p>Simplified compared with Kubernetes: no ControllerRevision objects (the template hash is
 * computed, not stored, so there is no {@code kubectl rollout undo} history and
 * {@code revisionHistoryLimit} has nothing to prune); orphan pods matching a DaemonSet's selector
 * are neither adopted nor released; pods on deleted nodes are left to a pod garbage collector.
 */
package kubelab.controller.daemon;
