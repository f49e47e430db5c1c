package kubelab.api.discovery;

import java.util.List;
import java.util.Set;
import kubelab.api.ResourceType;

/**
 * The {@code discovery.k8s.io/v1} group: EndpointSlices.
 *
 * <p>Real Kubernetes: {@code k8s.io/api/discovery/v1/register.go} and the group's discovery document.
 */
public final class DiscoveryV1 {
    public static final String GROUP = "discovery.k8s.io";
    public static final String VERSION = "v1";
    public static final String API_VERSION = GROUP + "/" + VERSION;

    private DiscoveryV1() {
    }

    /** The group's resources, as {@code kubectl api-resources --api-group=discovery.k8s.io} lists them. */
    public static List<ResourceType> resourceTypes() {
        return List.of(new ResourceType(GROUP, VERSION, EndpointSlice.KIND, "endpointslices", "endpointslice",
                List.of(), true, EndpointSlice.class, Set.of(), List.of()));
    }
}
