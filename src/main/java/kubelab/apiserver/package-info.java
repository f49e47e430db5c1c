/**
 * The API server: the only component that touches the store. {@link kubelab.apiserver.Api} is the
 * set of verbs (create, get, list, update, updateStatus, patch, apply, delete, watch);
 * {@link kubelab.apiserver.ApiServer} serves them for every kind through one generic registry per
 * type, an admission chain, and a watch cache per resource. Every failure is an
 * {@link kubelab.apiserver.ApiException} carrying a Kubernetes Status with the real code, reason
 * and message. Every write records who set which field in {@code metadata.managedFields}, and
 * server-side apply merges by those records ({@code kubelab.apiserver.apply}).
 *
 * <p>Clients (controllers, the kubelet, the CLI, later the HTTP frontend for kubectl) call it; it
 * calls the store. It is shaped as Kubernetes' generic registry is so that adding a kind means
 * adding a small strategy, not another copy of CRUD.
 *
 * <p>Real Kubernetes: {@code k8s.io/apiserver} and {@code pkg/registry}.
 */
package kubelab.apiserver;
