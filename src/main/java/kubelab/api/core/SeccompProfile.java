package kubelab.api.core;

/**
 * The seccomp filter: {@code type} RuntimeDefault, Unconfined or Localhost (with {@code localhostProfile}).
 *
 * <p>Real Kubernetes: {@code corev1.SeccompProfile}.
 */
public record SeccompProfile(String type, String localhostProfile) {
}
