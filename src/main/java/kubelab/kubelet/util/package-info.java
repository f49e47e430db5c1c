/**
 * Small helpers the kubelet's parts share: the per-key exponential {@link kubelab.kubelet.util.Backoff}
 * behind crash loops and image pulls, and how pods are named in messages.
 *
 * <p>Kept apart so that the runtime manager, the image manager and the volume manager use one
 * back-off, as they do in Kubernetes ({@code client-go/util/flowcontrol}, {@code pkg/kubelet/util}).
 */
package kubelab.kubelet.util;
