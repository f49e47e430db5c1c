package kubelab.api.core;

/**
 * Every key of a ConfigMap or Secret as an environment variable, each name optionally prefixed.
 *
 * <p>Real Kubernetes: {@code corev1.EnvFromSource}.
 */
public record EnvFromSource(String prefix, ConfigMapEnvSource configMapRef, SecretEnvSource secretRef) {
}
