package kubelab.api.core;

/**
 * One environment variable: a literal {@code value} (which may refer to earlier variables as
 * {@code $(NAME)}) or a {@code valueFrom} source.
 *
 * <p>Real Kubernetes: {@code corev1.EnvVar}.
 */
public record EnvVar(String name, String value, EnvVarSource valueFrom) {

    public static EnvVar of(String name, String value) {
        return new EnvVar(name, value, null);
    }
}
