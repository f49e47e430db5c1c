/**
 * The {@code discovery.k8s.io/v1} objects: {@link kubelab.api.discovery.EndpointSlice}, the
 * scalable form of a Service's endpoint list.
 *
 * <p>The EndpointSlice controller writes them from Services and Pods; kube-proxy and CoreDNS read
 * them. Splitting endpoints into slices keeps each update small, which is why the kind exists.
 */
package kubelab.api.discovery;
