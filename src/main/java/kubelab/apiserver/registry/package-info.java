/**
 * The generic store: {@link kubelab.apiserver.registry.Registry} implements create, get, update,
 * delete and paged list once for every kind, and a {@link kubelab.apiserver.registry.Strategy} per
 * kind says what differs (defaults, validation, generation, selectable fields, graceful deletion).
 * {@link kubelab.apiserver.registry.Keys} lays objects out in the store as
 * {@code /registry/<resource>/<namespace>/<name>}.
 *
 * <p>Real Kubernetes: {@code k8s.io/apiserver/pkg/registry/generic/registry} and the per-kind
 * {@code strategy.go} files under {@code pkg/registry}.
 */
package kubelab.apiserver.registry;
