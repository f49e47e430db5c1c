/**
 * The kubelet's view of a pod in the runtime ({@link kubelab.kubelet.container.RuntimePodStatus}),
 * read only through the CRI, and the rules and words shared by the parts that act on it: when a
 * container restarts, the waiting reasons, and the cache of the last start failure.
 *
 * <p>Real Kubernetes: {@code pkg/kubelet/container}, the runtime-neutral layer between the kubelet
 * and kuberuntime.
 */
package kubelab.kubelet.container;
