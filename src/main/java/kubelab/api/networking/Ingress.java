package kubelab.api.networking;

import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;

/**
 * HTTP routing from outside the cluster to Services, by host and path, with optional TLS. The
 * object only describes the routes; an ingress controller watching it does the routing and
 * reports its address in {@code status.loadBalancer}.
 *
 * <p>Real Kubernetes: {@code networkingv1.Ingress}.
 */
public record Ingress(String apiVersion, String kind, ObjectMeta metadata, IngressSpec spec, IngressStatus status)
        implements KubeObject {

    public static final String KIND = "Ingress";

    public Ingress {
        apiVersion = apiVersion == null ? NetworkingV1.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
    }

    public static Ingress of(String namespace, String name, IngressSpec spec) {
        return new Ingress(null, null, ObjectMeta.of(namespace, name), spec, null);
    }

    @Override
    public Ingress withMetadata(ObjectMeta metadata) {
        return new Ingress(apiVersion, kind, metadata, spec, status);
    }

    public Ingress withSpec(IngressSpec spec) {
        return new Ingress(apiVersion, kind, metadata, spec, status);
    }

    public Ingress withStatus(IngressStatus status) {
        return new Ingress(apiVersion, kind, metadata, spec, status);
    }
}
