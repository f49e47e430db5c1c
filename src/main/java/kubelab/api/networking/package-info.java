/**
 * The {@code networking.k8s.io/v1} objects: {@link kubelab.api.networking.Ingress} (host and path
 * routes to Services), {@link kubelab.api.networking.IngressClass} and
 * {@link kubelab.api.networking.NetworkPolicy}.
 *
 * <p>The ingress controller and the network plugin read them through informers. They are data
 * only, immutable records in the real JSON shape, so that routing and filtering logic lives in
 * the components that do the work, as in Kubernetes.
 */
package kubelab.api.networking;
