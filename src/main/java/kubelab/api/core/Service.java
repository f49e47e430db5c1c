package kubelab.api.core;

import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;

/**
 * A stable name and virtual IP in front of a changing set of pods, picked by label selector.
 * kube-proxy turns it into forwarding rules, CoreDNS into a DNS name, and the endpoint
 * controllers keep its backends up to date.
 *
 * <p>Real Kubernetes: {@code corev1.Service}.
 */
public record Service(String apiVersion, String kind, ObjectMeta metadata, ServiceSpec spec, ServiceStatus status)
        implements KubeObject {

    public static final String KIND = "Service";

    public Service {
        apiVersion = apiVersion == null ? CoreV1Objects.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
    }

    public static Service of(String namespace, String name, ServiceSpec spec) {
        return new Service(null, null, ObjectMeta.of(namespace, name), spec, null);
    }

    @Override
    public Service withMetadata(ObjectMeta metadata) {
        return new Service(apiVersion, kind, metadata, spec, status);
    }

    public Service withSpec(ServiceSpec spec) {
        return new Service(apiVersion, kind, metadata, spec, status);
    }

    public Service withStatus(ServiceStatus status) {
        return new Service(apiVersion, kind, metadata, spec, status);
    }
}
