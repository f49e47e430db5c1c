/**
 * The strategy of {@code discovery.k8s.io/v1} EndpointSlices,
 * {@link kubelab.apiserver.registry.discovery.EndpointSliceStrategy}: addresses of the declared
 * family, named ports, and an address type that never changes.
 *
 * <p>Called by the generic {@link kubelab.apiserver.registry.Registry}, as Kubernetes'
 * {@code pkg/registry/discovery/endpointslice} is.
 */
package kubelab.apiserver.registry.discovery;
