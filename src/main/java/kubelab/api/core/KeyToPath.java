package kubelab.api.core;

/**
 * Maps one key of a Secret or ConfigMap to a file path inside the volume, with an optional file mode.
 *
 * <p>Real Kubernetes: {@code corev1.KeyToPath}.
 */
public record KeyToPath(String key, String path, Integer mode) {
}
