package kubelab.api.core;

/**
 * Where a variable's value comes from; exactly one field is set: a pod field (downward API), a
 * container resource, or one key of a ConfigMap or Secret.
 *
 * <p>Real Kubernetes: {@code corev1.EnvVarSource}.
 */
public record EnvVarSource(ObjectFieldSelector fieldRef, ResourceFieldSelector resourceFieldRef,
                           ConfigMapKeySelector configMapKeyRef, SecretKeySelector secretKeyRef,
                           FileKeySelector fileKeyRef) {
}
