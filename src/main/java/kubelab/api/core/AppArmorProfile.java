package kubelab.api.core;

/**
 * The AppArmor profile: {@code type} RuntimeDefault, Unconfined or Localhost (with {@code localhostProfile}).
 *
 * <p>Real Kubernetes: {@code corev1.AppArmorProfile}.
 */
public record AppArmorProfile(String type, String localhostProfile) {
}
