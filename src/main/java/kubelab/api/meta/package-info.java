/**
 * What every object shares: {@link kubelab.api.meta.ObjectMeta} (name, namespace, uid,
 * resourceVersion, generation, labels, finalizers, owners), the {@link kubelab.api.meta.Status}
 * errors are made of, label selectors, {@code IntOrString}, and the {@link
 * kubelab.api.meta.PatchStrategy} annotation that tells strategic merge patch how to merge a list.
 *
 * <p>Real Kubernetes: {@code k8s.io/apimachinery/pkg/apis/meta/v1}.
 */
package kubelab.api.meta;
