package kubelab.api.coordination;

import java.util.List;
import java.util.Set;
import kubelab.api.ResourceType;

/**
 * The {@code coordination.k8s.io/v1} group: Leases.
 *
 * <p>Real Kubernetes: {@code k8s.io/api/coordination/v1/register.go} and the group's discovery document.
 */
public final class CoordinationV1 {
    public static final String GROUP = "coordination.k8s.io";
    public static final String VERSION = "v1";
    public static final String API_VERSION = GROUP + "/" + VERSION;

    private CoordinationV1() {
    }

    /** The group's resources, as {@code kubectl api-resources --api-group=coordination.k8s.io} lists them. */
    public static List<ResourceType> resourceTypes() {
        return List.of(new ResourceType(GROUP, VERSION, Lease.KIND, "leases", "lease", List.of(), true,
                Lease.class, Set.of(), List.of()));
    }
}
