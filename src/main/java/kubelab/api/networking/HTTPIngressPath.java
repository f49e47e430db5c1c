package kubelab.api.networking;

/**
 * One path of a rule and its backend; {@code pathType} (see {@link PathType}) says how the request
 * path is compared with {@code path}.
 *
 * <p>Real Kubernetes: {@code networkingv1.HTTPIngressPath}.
 */
public record HTTPIngressPath(String path, String pathType, IngressBackend backend) {
}
