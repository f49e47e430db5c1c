package kubelab.api.core;

import java.util.List;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;

/**
 * The backends of the Service with the same name: groups of addresses and the ports they serve.
 * The endpoints controller rewrites it whenever a selected pod changes readiness. Newer clients
 * read EndpointSlices instead; this kind stays because much still reads it.
 *
 * <p>Real Kubernetes: {@code corev1.Endpoints}, written by {@code pkg/controller/endpoint}.
 */
public record Endpoints(String apiVersion, String kind, ObjectMeta metadata, List<EndpointSubset> subsets)
        implements KubeObject {

    public static final String KIND = "Endpoints";

    public Endpoints {
        apiVersion = apiVersion == null ? CoreV1Objects.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
        subsets = Copies.list(subsets);
    }

    public static Endpoints of(String namespace, String name, List<EndpointSubset> subsets) {
        return new Endpoints(null, null, ObjectMeta.of(namespace, name), subsets);
    }

    @Override
    public Endpoints withMetadata(ObjectMeta metadata) {
        return new Endpoints(apiVersion, kind, metadata, subsets);
    }

    public Endpoints withSubsets(List<EndpointSubset> subsets) {
        return new Endpoints(apiVersion, kind, metadata, subsets);
    }
}
