package kubelab.api.discovery;

import java.util.List;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;

/**
 * A slice of a Service's endpoints (at most 100 by default): addresses of one {@code addressType},
 * each with readiness conditions, plus the ports they serve. Unlike most kinds it has no spec; its
 * fields sit at the top level. The label {@value #SERVICE_NAME_LABEL} names the Service.
 *
 * <p>Real Kubernetes: {@code discoveryv1.EndpointSlice}, written by {@code pkg/controller/endpointslice}.
 */
public record EndpointSlice(String apiVersion, String kind, ObjectMeta metadata, String addressType,
                            List<Endpoint> endpoints, List<EndpointPort> ports) implements KubeObject {

    public static final String KIND = "EndpointSlice";
    /** The label naming the Service a slice belongs to. */
    public static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";
    /** The label naming the controller that manages a slice. */
    public static final String MANAGED_BY_LABEL = "endpointslice.kubernetes.io/managed-by";
    /** The {@value #MANAGED_BY_LABEL} value of the built-in controller. */
    public static final String CONTROLLER_NAME = "endpointslice-controller.k8s.io";

    public EndpointSlice {
        apiVersion = apiVersion == null ? DiscoveryV1.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        ports = ports == null ? List.of() : List.copyOf(ports);
    }

    @Override
    public EndpointSlice withMetadata(ObjectMeta metadata) {
        return new EndpointSlice(apiVersion, kind, metadata, addressType, endpoints, ports);
    }

    public EndpointSlice withEndpoints(List<Endpoint> endpoints) {
        return new EndpointSlice(apiVersion, kind, metadata, addressType, endpoints, ports);
    }

    public EndpointSlice withPorts(List<EndpointPort> ports) {
        return new EndpointSlice(apiVersion, kind, metadata, addressType, endpoints, ports);
    }
}
