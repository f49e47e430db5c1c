package kubelab.api.core;

/**
 * One header sent by an HTTP probe.
 *
 * <p>Real Kubernetes: {@code corev1.HTTPHeader}.
 */
public record HTTPHeader(String name, String value) {
}
