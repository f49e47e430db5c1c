package kubelab.api.autoscaling;

import java.util.List;
import java.util.Set;
import kubelab.api.ResourceType;

/**
 * The {@code autoscaling/v2} group version: HorizontalPodAutoscalers.
 *
 * <p>Real Kubernetes: {@code k8s.io/api/autoscaling/v2/register.go} and the group's discovery document.
 */
public final class AutoscalingV2 {
    public static final String GROUP = "autoscaling";
    public static final String VERSION = "v2";
    public static final String API_VERSION = GROUP + "/" + VERSION;

    private AutoscalingV2() {
    }

    /** The group's resources, as {@code kubectl api-resources --api-group=autoscaling} lists them. */
    public static List<ResourceType> resourceTypes() {
        return List.of(new ResourceType(GROUP, VERSION, HorizontalPodAutoscaler.KIND, "horizontalpodautoscalers",
                "horizontalpodautoscaler", List.of("hpa"), true, HorizontalPodAutoscaler.class, Set.of("status"),
                List.of("all")));
    }
}
