/**
 * The kubelet: the agent on each node that registers the Node, heartbeats through a Lease and the
 * node status, and runs the pods bound to its node through the CRI, writing their status back.
 *
 * <p>It meets the rest of the cluster only in the API (a watch on its own pods, status writes)
 * and its runtime only through {@link kubelab.runtime.cri}. Subpackages hold the parts Kubernetes
 * also keeps apart: {@code kuberuntime} (SyncPod), {@code status}, {@code volume},
 * {@code envvars}, {@code images}, {@code container}, and {@code prober} behind its interface.
 */
package kubelab.kubelet;
