package kubelab.api.networking;

import java.util.List;
import java.util.Set;
import kubelab.api.ResourceType;

/**
 * The {@code networking.k8s.io/v1} group: Ingress routing and the classes that serve it, and
 * NetworkPolicy.
 *
 * <p>Real Kubernetes: {@code k8s.io/api/networking/v1/register.go} and the group's discovery document.
 */
public final class NetworkingV1 {
    public static final String GROUP = "networking.k8s.io";
    public static final String VERSION = "v1";
    public static final String API_VERSION = GROUP + "/" + VERSION;

    private NetworkingV1() {
    }

    /** The group's resources, as {@code kubectl api-resources --api-group=networking.k8s.io} lists them. */
    public static List<ResourceType> resourceTypes() {
        return List.of(
                new ResourceType(GROUP, VERSION, IngressClass.KIND, "ingressclasses", "ingressclass", List.of(),
                        false, IngressClass.class, Set.of(), List.of()),
                new ResourceType(GROUP, VERSION, Ingress.KIND, "ingresses", "ingress", List.of("ing"),
                        true, Ingress.class, Set.of("status"), List.of()),
                new ResourceType(GROUP, VERSION, NetworkPolicy.KIND, "networkpolicies", "networkpolicy",
                        List.of("netpol"), true, NetworkPolicy.class, Set.of(), List.of()));
    }
}
