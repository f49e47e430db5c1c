/**
 * Small helpers the kubelet's parts share, such as how pods are named in messages. (The per-key
 * back-off behind crash loops, image pulls and volume retries is client-go's, in
 * {@link kubelab.client.Backoff}, which the DaemonSet controller uses too.)
 *
 * <p>Real Kubernetes: {@code pkg/kubelet/util}.
 */
package kubelab.kubelet.util;
