/**
 * The strategies of {@code networking.k8s.io/v1}: {@link kubelab.apiserver.registry.networking.IngressStrategy}
 * (host and path rules with their path types, backends that name a Service port) and
 * {@link kubelab.apiserver.registry.networking.IngressClassStrategy} (a domain-prefixed controller
 * name that never changes). NetworkPolicy keeps the default strategy.
 *
 * <p>Called by the generic {@link kubelab.apiserver.registry.Registry}; one class per kind, as in
 * Kubernetes' {@code pkg/registry/networking}.
 */
package kubelab.apiserver.registry.networking;
