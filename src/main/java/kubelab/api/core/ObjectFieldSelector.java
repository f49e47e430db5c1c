package kubelab.api.core;

/**
 * A field of the pod, such as {@code metadata.name}, {@code status.podIP} or
 * {@code metadata.labels['app']}, for the downward API.
 *
 * <p>Real Kubernetes: {@code corev1.ObjectFieldSelector}.
 */
public record ObjectFieldSelector(String apiVersion, String fieldPath) {

    public static ObjectFieldSelector of(String fieldPath) {
        return new ObjectFieldSelector(null, fieldPath);
    }
}
