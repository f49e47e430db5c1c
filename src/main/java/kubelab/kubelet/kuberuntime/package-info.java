/**
 * The kubelet's side of the CRI: computing what a pod needs ({@link kubelab.kubelet.kuberuntime.PodActions}),
 * then running the sandbox, the init containers one at a time and the app containers through
 * {@link kubelab.runtime.cri.RuntimeService} and {@link kubelab.runtime.cri.ImageService}, and
 * killing them gracefully.
 *
 * <p>Only the CRI is used, so any runtime behind it works; the steps of
 * {@link kubelab.kubelet.kuberuntime.KubeGenericRuntimeManager#syncPod} are numbered as in
 * Kubernetes' {@code pkg/kubelet/kuberuntime}, so the course text can quote them.
 */
package kubelab.kubelet.kuberuntime;
