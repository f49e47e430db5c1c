/**
 * The API model: every kind KubeLab serves, as immutable records that read and write real
 * Kubernetes JSON and YAML, one sub-package per API group ({@code core}, {@code apps},
 * {@code batch}, ...), plus the {@link kubelab.api.Scheme}: the one table of resource types that
 * discovery, the CLI, the HTTP layer and the store's keys all use.
 *
 * <p>Nothing here talks to anything: it is data. Components change objects by copying them with
 * {@code with...} methods, never in place, because informers share one copy among all readers.
 *
 * <p>Real Kubernetes: {@code k8s.io/api} and {@code k8s.io/apimachinery}.
 */
package kubelab.api;
