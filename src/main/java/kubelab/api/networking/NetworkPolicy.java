package kubelab.api.networking;

import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;

/**
 * Which traffic may reach, or leave, the pods it selects. A pod selected by no policy accepts
 * everything; once a policy of a direction selects it, only what some policy allows gets through.
 * The network plugin enforces it; the API server only stores it.
 *
 * <p>Real Kubernetes: {@code networkingv1.NetworkPolicy}.
 */
public record NetworkPolicy(String apiVersion, String kind, ObjectMeta metadata, NetworkPolicySpec spec)
        implements KubeObject {

    public static final String KIND = "NetworkPolicy";

    public NetworkPolicy {
        apiVersion = apiVersion == null ? NetworkingV1.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
    }

    public static NetworkPolicy of(String namespace, String name, NetworkPolicySpec spec) {
        return new NetworkPolicy(null, null, ObjectMeta.of(namespace, name), spec);
    }

    @Override
    public NetworkPolicy withMetadata(ObjectMeta metadata) {
        return new NetworkPolicy(apiVersion, kind, metadata, spec);
    }

    public NetworkPolicy withSpec(NetworkPolicySpec spec) {
        return new NetworkPolicy(apiVersion, kind, metadata, spec);
    }
}
