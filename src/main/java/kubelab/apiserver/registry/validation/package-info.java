/**
 * Building blocks the per-kind strategies share: field checks with Kubernetes' words
 * ({@link kubelab.apiserver.registry.validation.FieldChecks}), label and selector checks
 * ({@link kubelab.apiserver.registry.validation.LabelChecks}), bad values printed as the Go API
 * server prints them ({@link kubelab.apiserver.registry.validation.GoValue}), and defaulting on an
 * object's JSON tree ({@link kubelab.apiserver.registry.validation.JsonDefaults}).
 *
 * <p>Used by the strategies in {@code registry.core}, {@code registry.apps}, {@code registry.batch}
 * and the other groups. Kept apart from any one kind because Kubernetes, too, writes these once
 * ({@code k8s.io/apimachinery/pkg/util/validation} and {@code .../api/validation}) and calls them
 * from every kind's validation.
 */
package kubelab.apiserver.registry.validation;
