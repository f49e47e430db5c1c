package kubelab.api.networking;

/**
 * The object that configures an IngressClass's controller; {@code scope} is {@code Cluster}
 * (the default) or {@code Namespace}, in which case {@code namespace} is set.
 *
 * <p>Real Kubernetes: {@code networkingv1.IngressClassParametersReference}.
 */
public record IngressClassParametersReference(String apiGroup, String kind, String name, String scope,
                                              String namespace) {
}
